"""The statistics page of a portal's admin, and the EMC/Matomo codes of public pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import CONTRIBUTOR, PROVINCE_OVERSIGHT
from tests.support.accounts import CONSOLE
from tests.support.admin import assert_refused, signed_in
from tests.support.portals import client_for, host_of

pytestmark = pytest.mark.django_db

EMC = "https://f-emc.ngsp.gov.vn"
MATOMO = "https://thongke.laichau.gov.vn/"
URL = "/admin/thong-ke-truy-cap/"


def configure(portal, **fields):
    from wagtail.models import Site

    from visits.models import VisitSettings

    with schema_context(portal.schema_name):
        setting = VisitSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in fields.items():
            setattr(setting, name, value)
        setting.full_clean()
        setting.save()


def add_counts(portal):
    from visits.models import DailyCount

    today = timezone.localdate()
    with schema_context(portal.schema_name):
        DailyCount.objects.bulk_create([
            DailyCount(day=today - dt.timedelta(days=2), dimension="total", views=4321, visitors=1234),
            DailyCount(day=today - dt.timedelta(days=2), dimension="page", key="/tin-tuc/le-hoi-hoa-ban/",
                       views=987),
            DailyCount(day=today - dt.timedelta(days=2), dimension="referrer", key="baochinhphu.vn",
                       views=55),
        ])


def test_the_statistics_page_shows_the_portal_figures_to_its_staff(portal_a, make_local_user):
    add_counts(portal_a)
    browser = signed_in(portal_a, make_local_user(portal_a, "congtacvien.tk", CONTRIBUTOR))
    response = browser.get(URL, {"ky": 7})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-total-views>4321<' in html
    assert 'data-total-visitors>1234<' in html
    assert "/tin-tuc/le-hoi-hoa-ban/" in html and "baochinhphu.vn" in html
    assert "<svg" in html and "<rect" in html
    assert URL in browser.get("/admin/").content.decode()  # the menu item


def test_the_statistics_page_refuses_other_roles_and_other_portals(portal_a, portal_b, make_local_user):
    add_counts(portal_a)
    # The province's look-only oversight inside a member portal is not its staff.
    looker = signed_in(portal_a, make_local_user(portal_a, "giamsat.tk", PROVINCE_OVERSIGHT))
    assert_refused(looker.get(URL))
    # An editor of another portal is nobody here: sent to this portal's sign-in.
    editor_b = make_local_user(portal_b, "congtacvien.b", CONTRIBUTOR)
    response = signed_in(portal_b, editor_b).get(URL, HTTP_HOST=host_of(portal_a))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # Its own portal's page shows its own (empty) figures, not portal A's.
    html = signed_in(portal_b, editor_b).get(URL).content.decode()
    assert "data-total-views>0<" in html and "4321" not in html


def test_the_emc_code_is_on_public_pages_only_and_allowed_by_their_csp(portal_a, portal_b, make_local_user):
    configure(portal_a, emc_site_id="20261", matomo_url=MATOMO, matomo_site_id="7")

    page = client_for(portal_a).get("/")
    html = page.content.decode()
    assert 'src="/static/visits/analytics.js' in html
    assert 'data-emc-url="https://f-emc.ngsp.gov.vn" data-emc-site="20261"' in html
    assert f'data-matomo-url="{MATOMO}" data-matomo-site="7"' in html
    policy = dict(part.strip().split(" ", 1) for part in page["Content-Security-Policy"].split(";"))
    for directive in ("script-src", "connect-src", "img-src"):
        assert EMC in policy[directive] and "https://thongke.laichau.gov.vn" in policy[directive]
    assert "unsafe-inline" not in policy["script-src"]

    # Not in the admin, not in another portal, not in the console.
    admin = signed_in(portal_a, make_local_user(portal_a, "congtacvien.emc", CONTRIBUTOR)).get("/admin/")
    assert admin.status_code == 200
    assert "data-emc" not in admin.content.decode() and EMC not in admin["Content-Security-Policy"]
    other = client_for(portal_b).get("/")
    assert "data-emc" not in other.content.decode() and EMC not in other["Content-Security-Policy"]
    console = client_for(CONSOLE).get("/dang-nhap/")
    assert "data-emc" not in console.content.decode() and EMC not in console["Content-Security-Policy"]


def test_without_codes_no_loader_and_the_public_policy(portal_a):
    html = client_for(portal_a).get("/").content.decode()
    assert "analytics.js" not in html and "data-emc" not in html


@pytest.mark.parametrize("fields", [
    {"emc_site_id": "12ab"},
    {"emc_url": "http://f-emc.ngsp.gov.vn"},
    {"matomo_url": "https://thongke.example.vn/", "matomo_site_id": ""},
    {"matomo_url": "javascript:alert(1)", "matomo_site_id": "3"},
])
def test_the_settings_are_validated(portal_a, fields):
    with pytest.raises(ValidationError):
        configure(portal_a, **fields)


def test_the_counter_can_be_turned_off(portal_a):
    configure(portal_a, show_counter=False)
    assert client_for(portal_a).get("/_v/counts").json() == {"shown": False}
