"""The home page and the Site every portal starts with (registered in HomeConfig.ready())."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site

from home.models import HomePage
from tenants.seeding import Seeding

if TYPE_CHECKING:
    from tenants.models import Portal


def seed_home(seeding: Seeding) -> None:
    """Our home page in place of Wagtail's welcome page, and the schema's one Site."""
    vi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=vi).first()
    if home is None:
        # Replace Wagtail's "Welcome to your new Wagtail site!" page with our home page.
        Site.objects.all().delete()
        for page in Page.objects.filter(depth=2).exclude(
            content_type=ContentType.objects.get_for_model(HomePage)
        ):
            page.delete()
        home = root.add_child(
            instance=HomePage(title="Trang chủ", slug="trang-chu", locale=vi, live=True)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.all().delete()
        Site.objects.create(
            hostname="template.invalid", port=80, root_page=home, is_default_site=True,
            site_name="Cổng thông tin điện tử",
        )
    seeding.home = home


def rename_home(portal: Portal, home: Page) -> None:
    """A new portal's home page carries the portal's name (renamed in place: the clone's page
    was never edited, and a publication would cost more than the rest of the creation)."""
    HomePage.objects.filter(pk=home.pk).update(title=portal.name, draft_title=portal.name)
