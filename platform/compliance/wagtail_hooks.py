"""The dashboard panel showing which mandated sections are missing or empty."""

from __future__ import annotations

from django.conf import settings

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site

from .completeness import Status, current_portal_kind, section_completeness


def _home_for(request) -> Page | None:
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_page
    return Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()


class SectionCompletenessPanel(Component):
    name = "section_completeness"
    template_name = "compliance/completeness_panel.html"
    order = 50

    def __init__(self, home: Page) -> None:
        self.home = home

    def get_context_data(self, parent_context=None) -> dict:
        rows = section_completeness(self.home)
        return {
            "home": self.home,
            "rows": rows,
            "problems": sum(1 for row in rows if row.status != Status.OK),
        }


@hooks.register("construct_homepage_panels")
def add_section_completeness_panel(request, panels) -> None:
    if current_portal_kind() is None:
        return  # not a portal (the public schema)
    home = _home_for(request)
    if home is not None and home.depth >= 2:
        panels.append(SectionCompletenessPanel(home))
