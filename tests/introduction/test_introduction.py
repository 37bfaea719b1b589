"""Section a: introduction pages, administrative map and leaders."""

from __future__ import annotations

import unicodedata

from django_tenants.utils import schema_context

from tests.support.portals import client_for


def _index():
    from introduction.models import IntroductionIndexPage

    return IntroductionIndexPage.objects.get(slug="gioi-thieu", locale__language_code="vi")


def test_leaders_are_shown_in_the_order_the_editor_set(portal_a):
    from demo.introduction import publish_child
    from introduction.models import Leader, LeadersPage

    with schema_context(portal_a.schema_name):
        page = LeadersPage(title="Lãnh đạo", slug="lanh-dao")
        # Added in one order, sorted in another: the sort order wins.
        page.leaders = [
            Leader(sort_order=2, full_name="Phó Giám đốc Hai", position="Phó Giám đốc"),
            Leader(sort_order=0, full_name="Giám đốc Không", position="Giám đốc Sở"),
            Leader(sort_order=1, full_name="Phó Giám đốc Một", position="Phó Giám đốc"),
        ]
        publish_child(_index(), page)

    html = client_for(portal_a).get("/gioi-thieu/lanh-dao/").content.decode()
    positions = [html.index(name) for name in
                 ["Giám đốc Không", "Phó Giám đốc Một", "Phó Giám đốc Hai"]]
    assert positions == sorted(positions)
    # The index lists the leaders page.
    index_html = client_for(portal_a).get("/gioi-thieu/").content.decode()
    assert 'href="/gioi-thieu/lanh-dao/"' in index_html


def test_typed_text_is_stored_as_nfc(portal_a):
    from demo.introduction import publish_child
    from introduction.models import Leader, LeadersPage

    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    with schema_context(portal_a.schema_name):
        page = LeadersPage(title=unicodedata.normalize("NFD", "Lãnh đạo Sở"), slug="lanh-dao")
        page.leaders = [Leader(full_name=decomposed, position="Giám đốc")]
        publish_child(_index(), page)
        leader = Leader.objects.get()
        assert leader.full_name == unicodedata.normalize("NFC", decomposed)
        assert LeadersPage.objects.get(locale__language_code="vi").title == "Lãnh đạo Sở"
        assert leader.locale_id == page.locale_id


def test_administrative_map_lists_units_with_codes(province):
    from django.core.exceptions import ValidationError

    from demo.introduction import publish_child
    from introduction.models import AdministrativeMapPage, AdministrativeUnit

    with schema_context(province.schema_name):
        page = AdministrativeMapPage(title="Bản đồ hành chính", slug="ban-do")
        page.units = [
            AdministrativeUnit(sort_order=0, kind="phuong", name="Tân Phong", code="03390"),
            AdministrativeUnit(sort_order=1, kind="xa", name="Phong Thổ"),
        ]
        publish_child(_index(), page)
        bad = AdministrativeUnit(page=page, kind="xa", name="Sai mã", code="12ab")
        try:
            bad.full_clean()
        except ValidationError as exc:
            assert "5 chữ số" in " ".join(exc.message_dict["code"])
        else:
            raise AssertionError("an invalid code was accepted")

    html = client_for(province).get("/gioi-thieu/ban-do/").content.decode()
    assert '<th scope="row">Phường Tân Phong</th><td>03390</td>' in html
    assert '<th scope="row">Xã Phong Thổ</th>' in html


def test_introduction_of_one_portal_never_appears_on_another(portal_a, portal_b):
    from demo.introduction import publish_child
    from introduction.models import NaturalConditionsPage

    with schema_context(portal_a.schema_name):
        publish_child(_index(), NaturalConditionsPage(
            title="Điều kiện tự nhiên riêng của Sở A", slug="dieu-kien-tu-nhien",
            body=[{"type": "paragraph", "value": "<p>Khí hậu mát mẻ.</p>"}],
        ))
    assert client_for(portal_a).get("/gioi-thieu/dieu-kien-tu-nhien/").status_code == 200
    assert client_for(portal_b).get("/gioi-thieu/dieu-kien-tu-nhien/").status_code == 404
    assert "riêng của Sở A" not in client_for(portal_b).get("/gioi-thieu/").content.decode()
