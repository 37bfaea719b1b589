"""An official look (issue #17): the national emblem as the default mark, a favicon on every
portal, the hotline, links to the national portals and the province portal, and the home
page's title said once."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from tests.contacts.factories import PortalContactSettingsFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def test_every_portal_answers_favicon_with_its_emblem(portal_a, portal_b):
    for portal in (portal_a, portal_b):
        response = client_for(portal).get("/favicon.ico")
        assert response.status_code == 302
        assert response["Location"].endswith("themes/base/emblem.svg")
        assert "max-age=86400" in response["Cache-Control"]
    html = client_for(portal_a).get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="any">' in html


def test_every_portal_has_a_home_screen_icon_and_a_manifest_of_its_own(portal_a, portal_b):
    from tests.support.factories import ImageFactory
    from tests.themes.factories import ThemeSettingsFactory
    from themes.models import ThemeSettings

    with schema_context(portal_b.schema_name):
        ThemeSettings.objects.all().delete()
    default = client_for(portal_b).get("/apple-touch-icon.png")
    assert default.status_code == 302 and default["Location"].endswith(".png")
    assert "touch-icon" in default["Location"]
    ThemeSettingsFactory(portal=portal_a, emblem=ImageFactory(portal=portal_a))
    own = client_for(portal_a).get("/apple-touch-icon.png")
    assert own.status_code == 302 and "touch-icon" not in own["Location"]
    assert own["Location"].endswith(".png")
    manifest = client_for(portal_a).get("/manifest.webmanifest")
    assert manifest["Content-Type"].startswith("application/manifest+json")
    data = manifest.json()
    assert data["name"] == portal_a.name and data["start_url"] == "/"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}
    assert data["theme_color"].startswith("#")
    other = client_for(portal_b).get("/manifest.webmanifest").json()
    assert other["name"] == portal_b.name
    assert {icon["type"] for icon in other["icons"]} == {"image/png", "image/svg+xml"}
    html = client_for(portal_a).get("/").content.decode()
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_the_default_emblem_is_the_national_emblem_drawn_for_the_project():
    from pathlib import Path

    import themes

    svg = (Path(themes.__file__).parent / "base/static/themes/base/emblem.svg").read_text()
    assert "<title>Quốc huy</title>" in svg
    assert 'fill="#da251d"' in svg and 'fill="#ffcd00"' in svg  # red disc, gold star and rim
    assert "not a\n  copy of the official artwork" in svg


def test_the_home_title_names_the_portal_once(portal_a):
    html = client_for(portal_a).get("/").content.decode()
    title = _title(html)
    assert title == portal_a.name, title
    other = _title(client_for(portal_a).get("/lien-he/").content.decode())
    assert other.endswith(f" – {portal_a.name}") and other != portal_a.name


def test_the_footer_links_the_national_portals_and_the_province(province, portal_a):
    portal_a.parent = province
    portal_a.save()
    footer = client_for(portal_a).get("/").content.decode().split("<footer", 1)[1]
    assert 'href="https://dichvucong.gov.vn/"' in footer and "Cổng Dịch vụ công quốc gia" in footer
    assert 'href="https://chinhphu.vn/"' in footer
    assert f'href="{province.url()}">{province.name}</a>' in footer
    # The province's own footer does not link to itself.
    own = client_for(province).get("/").content.decode().split("<footer", 1)[1]
    assert province.url() not in own and "dichvucong.gov.vn" in own


def test_the_hotline_is_in_the_footer(portal_a):
    PortalContactSettingsFactory(portal=portal_a, hotline="0213 3800 800")
    footer = client_for(portal_a).get("/").content.decode().split("<footer", 1)[1]
    assert 'Đường dây nóng: <a class="hotline" href="tel:+842133800800">0213 3800 800</a>' in footer
