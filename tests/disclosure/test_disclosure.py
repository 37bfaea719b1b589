"""The list of information to be disclosed: every portal has it from birth, its rows for the
sections fill themselves and link to pages that answer, editors add the rest."""

from __future__ import annotations

import datetime
import re

import pytest
from django_tenants.utils import schema_context

from tests.disclosure.factories import DisclosureItemFactory
from tests.projects.factories import ProjectPageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

URL = "/danh-muc-thong-tin-cong-khai/"


def links_in_table(html: str) -> list[str]:
    table = html.split('class="data-table disclosure-table"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', table)


def test_a_new_portal_lists_every_item_and_links_its_sections(portal_b):
    client = client_for(portal_b)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Danh mục thông tin phải công khai" in html
    for letter in ("a)", "đ)", "m)", "p)"):
        assert f">{letter} " in html
    assert "Chưa có thông tin trên cổng" in html  # items no section carries are shown as gaps
    links = links_in_table(html)
    assert "/van-ban/" in links and "/du-an-dau-thau/" in links and URL in links
    for link in set(links):
        assert client.get(link).status_code == 200, link


def test_a_section_row_shows_its_latest_publication(portal_a):
    ProjectPageFactory(portal=portal_a, title="Dự án mới", slug="du-an-moi")
    html = client_for(portal_a).get(URL).content.decode()
    today = datetime.date.today().strftime("%d/%m/%Y")
    row = re.search(r'<a href="/du-an-dau-thau/">[^<]+</a></td>\s*<td>([^<]+)</td>\s*<td>(.*?)</td>', html)
    assert row and row.group(1) == "Đăng tải trên cổng thông tin điện tử"
    assert today in row.group(2)


def test_editor_rows_appear_under_their_item(portal_a):
    from disclosure.models import DisclosureListPage

    with schema_context(portal_a.schema_name):
        page = DisclosureListPage.objects.get()
        page.items = [DisclosureItemFactory.build(
            law_item="o", title="Biểu phí, lệ phí", method="niem-yet",
            link_url="", updated_on=datetime.date(2026, 3, 2),
        )]
        page.save_revision().publish()
    html = client_for(portal_a).get(URL).content.decode()
    group = html.split(">o) ", 1)[1].split("</tbody>", 1)[0]
    assert "Biểu phí, lệ phí" in group
    assert "Niêm yết tại trụ sở cơ quan và địa điểm khác" in group
    assert "02/03/2026" in group


def test_a_row_disclosed_on_the_portal_needs_a_link():
    from django.core.exceptions import ValidationError

    item = DisclosureItemFactory.build(link_url="", method="cong-thong-tin")
    with pytest.raises(ValidationError) as exc:
        item.clean()
    assert "link_page" in exc.value.message_dict


def test_every_portal_starts_with_links_to_the_national_portals(portal_a):
    html = client_for(portal_a).get("/").content.decode()
    footer = html.split('class="national-links"', 1)[1].split("</nav>", 1)[0]
    for url in ("https://chinhphu.vn/", "https://dichvucong.gov.vn/", "https://vbpl.vn/"):
        assert f'href="{url}"' in footer


def test_the_boards_own_links_replace_them_in_the_footer(portal_a):
    from disclosure.models import RelatedPortal
    from tests.disclosure.factories import RelatedPortalFactory

    with schema_context(portal_a.schema_name):
        RelatedPortal.objects.all().delete()
        RelatedPortalFactory(name="Cổng thông tin Bộ Khoa học và Công nghệ", url="https://most.gov.vn/")
    html = client_for(portal_a).get("/").content.decode()
    footer = html.split('class="national-links"', 1)[1].split("</nav>", 1)[0]
    assert 'href="https://most.gov.vn/"' in footer and "vbpl.vn" not in footer


def test_the_province_lists_its_member_portals_with_their_addresses(province, portal_a, portal_b):
    client = client_for(province)
    home = client.get("/").content.decode()
    assert 'href="/cong-thanh-vien/"' in home
    html = client.get("/cong-thanh-vien/").content.decode()
    assert f'<a href="{portal_a.url()}">Sở A</a>' in html
    assert f'<a href="{portal_b.url()}">Xã B</a>' in html
    assert "Sở, ban, ngành" in html and "Xã, phường, thị trấn" in html
    # The disclosure list links it (art. 17.1.k), and only the province has it.
    assert "/cong-thanh-vien/" in links_in_table(client.get(URL).content.decode())
    assert client_for(portal_a).get("/cong-thanh-vien/").status_code == 404
