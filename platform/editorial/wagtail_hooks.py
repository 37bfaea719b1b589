"""The dashboard lists the images pages would show without alt text (older uploads, or ones
made outside the admin's forms), so that editors describe them or mark them decorative."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.ui.components import Component

from tenants.current import is_portal_schema

from .images import images_missing_alt_text

SHOWN = 10


class ImagesMissingAltTextPanel(Component):
    name = "images_missing_alt_text"
    template_name = "editorial/images_missing_alt_text_panel.html"
    order = 60

    def __init__(self, images: list, total: int) -> None:
        self.images, self.total = images, total

    def get_context_data(self, parent_context=None) -> dict:
        return {"images": self.images, "total": self.total}


@hooks.register("construct_homepage_panels")
def add_images_missing_alt_text_panel(request, panels) -> None:
    if not is_portal_schema() or not request.user.has_perm("wagtailimages.change_image"):
        return
    missing = images_missing_alt_text().order_by("-created_at")
    total = missing.count()
    if total:
        panels.append(ImagesMissingAltTextPanel(list(missing[:SHOWN]), total))
