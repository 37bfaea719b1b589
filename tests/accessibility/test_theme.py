"""The portal's own look (themes.ThemeSettings) in the base theme, and its fallbacks."""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from tests.contacts.factories import PortalContactSettingsFactory
from tests.support.factories import ImageFactory
from tests.support.portals import client_for
from tests.themes.factories import ThemeSettingsFactory
from themes.colours import KIND_BRANDS, WHITE, brand_colours, contrast_ratio


def _brand_css(html: str, portal) -> dict[str, str]:
    """The colours of the portal's stylesheet the page links to (no inline <style>: CSP)."""
    link = re.search(r'<link rel="stylesheet" href="(/giao-dien\.css\?v=[0-9a-f]+)">', html)
    assert link, "no link to the portal's colours in the page"
    css = client_for(portal).get(link.group(1)).content.decode()
    style = re.search(r":root\{([^}]*)\}", css)
    assert style, "no colours in the portal's stylesheet"
    return dict(part.split(":", 1) for part in style.group(1).split(";") if part)


def test_a_portal_with_no_theme_settings_saved_gets_the_default_look(portal_b):
    from contacts.models import PortalContactSettings
    from themes.models import ThemeSettings

    with schema_context(portal_b.schema_name):
        ThemeSettings.objects.all().delete()
        PortalContactSettings.objects.all().delete()
    response = client_for(portal_b).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert _brand_css(html, portal_b)["--brand"] == KIND_BRANDS[portal_b.kind]
    assert "themes/base/emblem" in html
    assert "site-banner" not in html


def test_the_primary_colour_becomes_the_brand_property_of_that_portal_only(portal_a, portal_b):
    ThemeSettingsFactory(portal=portal_a, primary_colour="#0B4F9C")
    assert _brand_css(client_for(portal_a).get("/").content.decode(), portal_a)["--brand"] == "#0b4f9c"
    assert _brand_css(client_for(portal_b).get("/").content.decode(), portal_b)["--brand"] == (
        KIND_BRANDS[portal_b.kind]
    )


@pytest.mark.parametrize("chosen", ["#ffff00", "#ffffff", "#7fdbff", "#f5a3a3"])
def test_a_too_light_colour_is_darkened_until_white_text_on_it_is_legible(portal_a, chosen):
    ThemeSettingsFactory(portal=portal_a, primary_colour=chosen)
    css = _brand_css(client_for(portal_a).get("/").content.decode(), portal_a)
    assert css["--brand-accent"] == chosen
    for name in ("--brand", "--brand-dark"):
        assert contrast_ratio(css[name], WHITE) >= 4.5, (name, css[name])
    assert contrast_ratio(css["--brand"], WHITE) < 5  # darkened only as far as needed


def test_each_kind_of_portal_has_its_own_default_colour(province, portal_a, portal_b):
    from themes.models import ThemeSettings

    seen = {}
    for portal in (province, portal_a, portal_b):
        with schema_context(portal.schema_name):
            ThemeSettings.objects.all().delete()
        seen[portal.kind] = _brand_css(client_for(portal).get("/").content.decode(), portal)["--brand"]
    assert len(seen) == 3 and len(set(seen.values())) == 3, seen
    assert seen["province"] == "#a50e0e"
    for colour in seen.values():
        assert contrast_ratio(colour, WHITE) >= 4.5
    # A colour the board chose is kept, whatever the kind.
    ThemeSettingsFactory(portal=portal_b, primary_colour="#0b4f9c")
    assert _brand_css(client_for(portal_b).get("/").content.decode(), portal_b)["--brand"] == "#0b4f9c"


def test_dark_enough_colours_are_used_as_chosen():
    assert brand_colours("#a50e0e").brand == "#a50e0e"
    assert brand_colours("#000000").brand == "#000000"


@pytest.mark.parametrize("stored", ["red", "#12345", "};</b>x", "#a50e0", ""])
def test_a_colour_that_is_not_rrggbb_never_reaches_the_page(portal_a, stored):
    from themes.models import ThemeSettings

    ThemeSettingsFactory(portal=portal_a)
    with schema_context(portal_a.schema_name):  # as if written around the form's validation
        ThemeSettings.objects.update(primary_colour=stored)
    html = client_for(portal_a).get("/").content.decode()
    css = _brand_css(html, portal_a)
    assert css["--brand"] == css["--brand-accent"] == KIND_BRANDS[portal_a.kind]
    assert "</b>x" not in html


def test_emblem_and_banner_are_renditions_in_the_header(portal_a):
    emblem, banner = (
        ImageFactory(portal=portal_a, title=title, file__width=200, file__height=100, file__color=colour)
        for title, colour in (("Quốc huy", "red"), ("Băng rôn", "blue"))
    )
    ThemeSettingsFactory(portal=portal_a, emblem=emblem, banner=banner)
    html = client_for(portal_a).get("/").content.decode()
    header = html[html.index("<header"):html.index("</header>")]
    emblem_tag = re.search(r'<img[^>]*class="emblem"[^>]*>', header).group(0)
    assert f'alt="{portal_a.name}"' in emblem_tag
    assert "/media/soa/images/" in emblem_tag
    assert "themes/base/emblem.svg" not in header
    banner_tag = re.search(r'<div class="site-banner"><img[^>]*>', header).group(0)
    assert 'alt=""' in banner_tag and "/media/soa/images/" in banner_tag


def test_footer_shows_the_portal_address_once_and_falls_back_to_the_registry_email(portal_a):
    from contacts.models import PortalContactSettings

    portal_a.contact_email = "bbt@soa.example.vn"
    portal_a.save()
    with schema_context(portal_a.schema_name):
        PortalContactSettings.objects.all().delete()
    footer = client_for(portal_a).get("/").content.decode().split("<footer", 1)[1]
    assert 'href="mailto:bbt@soa.example.vn"' in footer

    PortalContactSettingsFactory(portal=portal_a, email="vanphong.soa@laichau.gov.vn")
    footer = client_for(portal_a).get("/").content.decode().split("<footer", 1)[1]
    assert footer.count("vanphong.soa@laichau.gov.vn") == 2  # the link's address and text
    assert "bbt@soa.example.vn" not in footer


def test_the_navigation_works_without_javascript_and_collapses_with_it(portal_a):
    html = client_for(portal_a).get("/").content.decode()
    # The menu is a plain list (open without script); the button that folds it on phones
    # comes with the "js" class, set by a render-blocking script before the first paint.
    assert '<ul id="main-menu">' in html
    assert 'aria-controls="main-menu"' in html and 'aria-expanded="false"' in html
    head = html.split("</head>", 1)[0]
    assert re.search(r'<script src="[^"]*themes/base/js-flag(\.[0-9a-f]+)?\.js"></script>', head)
    assert head.index("js-flag") < head.index("portal.css")
    assert re.search(r'<script src="[^"]*themes/base/portal(\.[0-9a-f]+)?\.js" defer>', html)
