"""Section a: introduction pages, administrative map and leaders."""

from __future__ import annotations

import re
import unicodedata

from django_tenants.utils import schema_context

from tests.introduction.factories import (
    AdministrativeMapPageFactory,
    AdministrativeUnitFactory,
    LeaderFactory,
    LeadersPageFactory,
    NaturalConditionsPageFactory,
)
from tests.support.portals import client_for


def test_leaders_are_shown_in_the_order_the_editor_set(portal_a):
    # Added in one order, sorted in another: the sort order wins.
    LeadersPageFactory(portal=portal_a, title="Lãnh đạo", slug="lanh-dao", leaders=[
        LeaderFactory.build(sort_order=2, full_name="Phó Giám đốc Hai", position="Phó Giám đốc"),
        LeaderFactory.build(sort_order=0, full_name="Giám đốc Không", position="Giám đốc Sở"),
        LeaderFactory.build(sort_order=1, full_name="Phó Giám đốc Một", position="Phó Giám đốc"),
    ])

    html = client_for(portal_a).get("/gioi-thieu/lanh-dao/").content.decode()
    positions = [html.index(name) for name in
                 ["Giám đốc Không", "Phó Giám đốc Một", "Phó Giám đốc Hai"]]
    assert positions == sorted(positions)
    # The index lists the leaders page.
    index_html = client_for(portal_a).get("/gioi-thieu/").content.decode()
    assert 'href="/gioi-thieu/lanh-dao/"' in index_html


def test_typed_text_is_stored_as_nfc(portal_a):
    from introduction.models import Leader, LeadersPage

    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    with schema_context(portal_a.schema_name):
        page = LeadersPageFactory(
            title=unicodedata.normalize("NFD", "Lãnh đạo Sở"), slug="lanh-dao",
            leaders=[LeaderFactory.build(full_name=decomposed, position="Giám đốc")],
            publish=True,
        )
        leader = Leader.objects.get()
        assert leader.full_name == unicodedata.normalize("NFC", decomposed)
        assert LeadersPage.objects.get(locale__language_code="vi").title == "Lãnh đạo Sở"
        assert leader.locale_id == page.locale_id


def test_administrative_map_lists_units_with_codes(province):
    from django.core.exceptions import ValidationError

    with schema_context(province.schema_name):
        page = AdministrativeMapPageFactory(title="Bản đồ hành chính", slug="ban-do", units=[
            AdministrativeUnitFactory.build(sort_order=0, kind="phuong", name="Tân Phong", code="03390"),
            AdministrativeUnitFactory.build(sort_order=1, kind="xa", name="Phong Thổ"),
        ])
        bad = AdministrativeUnitFactory.build(page=page, kind="xa", name="Sai mã", code="12ab")
        try:
            bad.full_clean()
        except ValidationError as exc:
            assert "5 chữ số" in " ".join(exc.message_dict["code"])
        else:
            raise AssertionError("an invalid code was accepted")

    html = client_for(province).get("/gioi-thieu/ban-do/").content.decode()
    assert re.search(r'<th scope="row"[^>]*>Phường Tân Phong</th><td[^>]*>03390</td>', html)
    assert re.search(r'<th scope="row"[^>]*>Xã Phong Thổ</th>', html)


def test_introduction_of_one_portal_never_appears_on_another(portal_a, portal_b):
    NaturalConditionsPageFactory(
        portal=portal_a, title="Điều kiện tự nhiên riêng của Sở A", slug="dieu-kien-tu-nhien",
        body=[{"type": "paragraph", "value": "<p>Khí hậu mát mẻ.</p>"}],
    )
    assert client_for(portal_a).get("/gioi-thieu/dieu-kien-tu-nhien/").status_code == 200
    assert client_for(portal_b).get("/gioi-thieu/dieu-kien-tu-nhien/").status_code == 404
    assert "riêng của Sở A" not in client_for(portal_b).get("/gioi-thieu/").content.decode()
