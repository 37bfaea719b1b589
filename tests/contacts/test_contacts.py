"""Sections k and l: officials, spokesperson and the portal's own contact details."""

from __future__ import annotations

import datetime
import re

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError

from tests.contacts.factories import (
    ContactOfficialFactory,
    PortalContactSettingsFactory,
    SpokespersonFactory,
    StatementPageFactory,
)
from tests.support.factories import section_index
from tests.support.portals import client_for


def _contacts_page():
    from contacts.models import ContactsPage

    return section_index(ContactsPage)


def test_contact_settings_appear_in_the_footer_of_that_portal_only(portal_a, portal_b):
    PortalContactSettingsFactory(
        portal=portal_a, address="Số 1 đường Trần Hưng Đạo, phường Tân Phong", phone="0213 3876 543",
        fax="0213 3876 544", email="vanphong.soa@laichau.gov.vn",
        responsible_person="Nguyễn Văn Minh – Chánh Văn phòng",
        licence="Giấy phép số 12/GP-TTĐT ngày 01/02/2024.",
    )
    html = client_for(portal_a).get("/").content.decode()
    footer = html[html.index('<footer'):]
    assert "Số 1 đường Trần Hưng Đạo, phường Tân Phong" in footer
    assert 'href="tel:+842133876543"' in footer
    assert "0213 3876 544" in footer
    assert 'href="mailto:vanphong.soa@laichau.gov.vn"' in footer
    assert "Chịu trách nhiệm chính: Nguyễn Văn Minh – Chánh Văn phòng" in footer
    assert "Giấy phép số 12/GP-TTĐT" in footer
    # Every page has it, the contacts page shows it in full.
    assert "Trần Hưng Đạo" in client_for(portal_a).get("/du-an-dau-thau/").content.decode()
    assert "Thông tin liên hệ của Cổng" in client_for(portal_a).get("/lien-he/").content.decode()

    other = client_for(portal_b).get("/").content.decode()
    assert "Trần Hưng Đạo" not in other
    assert "vanphong.soa@laichau.gov.vn" not in other


@pytest.mark.django_db
def test_pages_of_unknown_hosts_render_without_portal_settings():
    response = client_for("khongco.laichau.test").get("/")
    assert response.status_code == 404
    assert "footer-contact" not in response.content.decode()


@pytest.mark.parametrize(
    "phone", ["0213 3876 543", "0213.3876.543", "(0213) 3876543", "+84 213 3876 543",
              "0912 345 678", "1900 1234"],
)
def test_valid_phone_numbers_are_accepted(phone):
    from contacts.fields import validate_phone

    validate_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "0213 38", "abc", "84 213 3876 543", "02133876543999"])
def test_invalid_phone_numbers_get_a_vietnamese_error(phone):
    from contacts.fields import validate_phone

    with pytest.raises(ValidationError) as exc:
        validate_phone(phone)
    assert "Số điện thoại" in exc.value.messages[0]
    assert "không hợp lệ" in exc.value.messages[0]


def test_official_email_and_phone_validation_is_in_vietnamese(portal_a):
    with schema_context(portal_a.schema_name):
        official = ContactOfficialFactory.build(
            page=_contacts_page(), full_name="Lò Văn Sáng", position="Chánh Văn phòng",
            phone="123", fax="0213 3876 511", email="khong-phai-email",
        )
        with pytest.raises(ValidationError) as exc:
            official.full_clean()
    errors = exc.value.message_dict
    assert set(errors) == {"phone", "email"}
    assert errors["email"] == [
        "Địa chỉ thư điện tử không hợp lệ (ví dụ hợp lệ: vanphong@laichau.gov.vn)."
    ]
    assert "Số điện thoại “123” không hợp lệ" in errors["phone"][0]


def test_settings_form_in_the_admin_shows_vietnamese_errors(portal_a, make_local_user):
    from wagtail.models import Site

    user = make_local_user(portal_a, "quantri.soa", is_superuser=True)
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user)
        site_id = Site.objects.get(is_default_site=True).pk
    url = f"/admin/settings/contacts/portalcontactsettings/{site_id}/"
    response = client.post(url, {"phone": "999", "email": "sai@", "address": "Số 2"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Địa chỉ thư điện tử không hợp lệ" in html
    assert "Số điện thoại “999” không hợp lệ" in html
    response = client.post(url, {"phone": "0213 3876 543", "email": "bbt@laichau.gov.vn"})
    assert response.status_code == 302
    assert "0213 3876 543" in client_for(portal_a).get("/").content.decode()


def test_contacts_page_lists_officials_and_spokesperson_of_its_own_portal(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        page = _contacts_page()
        page.officials = [
            ContactOfficialFactory.build(
                full_name="Lò Văn Sáng", position="Chánh Văn phòng", unit="Văn phòng Sở",
                phone="0213 3876 520", fax="0213 3876 511", email="sanglv@laichau.gov.vn",
            ),
        ]
        page.spokespersons = [
            SpokespersonFactory.build(
                full_name="Trần Quốc Khánh", position="Phó Giám đốc Sở", phone="0912 000 111",
                email="khanhtq@laichau.gov.vn",
            ),
        ]
        page.save_revision().publish()
        StatementPageFactory(
            title="Thông tin về dịch tả lợn châu Phi", slug="dich-ta-lon",
            statement_date=datetime.date(2026, 3, 2), body="<p>Đã khống chế dịch.</p>",
        )

    html = client_for(portal_a).get("/lien-he/").content.decode()
    assert re.search(r'<th scope="row"[^>]*>Lò Văn Sáng</th>', html)
    assert "Văn phòng Sở" in html
    assert 'href="mailto:sanglv@laichau.gov.vn"' in html
    assert "Người phát ngôn" in html and "Trần Quốc Khánh" in html
    assert "02/03/2026" in html and 'href="/lien-he/dich-ta-lon/"' in html
    statement = client_for(portal_a).get("/lien-he/dich-ta-lon/").content.decode()
    assert "Ngày phát ngôn: <time datetime=\"2026-03-02\">02/03/2026</time>" in statement

    other = client_for(portal_b).get("/lien-he/").content.decode()
    assert "Lò Văn Sáng" not in other and "Trần Quốc Khánh" not in other
    assert client_for(portal_b).get("/lien-he/dich-ta-lon/").status_code == 404
