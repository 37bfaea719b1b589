"""`manage.py load_demo` (what `make demo` and the first `make run` do): the demo province,
its member portals and accounts, and content in every section of every portal."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from compliance.completeness import section_completeness
from core.sections import registered_sections
from demo.portals import DEMO_PASSWORD, MEMBERS, PLATFORM_ACCOUNTS, PORTAL_ACCOUNTS, PROVINCE
from home.models import HomePage
from tenants.models import PlatformRole, Portal
from tests.support.accounts import totp_code
from tests.support.portals import client_for

pytestmark = pytest.mark.slow

DEMO_CODES = [PROVINCE.code, *(member.code for member in MEMBERS)]


@pytest.fixture
def no_province(db, settings):
    """load_demo does nothing where a province exists: the test province stands aside (in
    this test's transaction), and the demo province gets a domain of its own."""
    Portal.objects.filter(kind=Portal.Kind.PROVINCE).update(kind=Portal.Kind.OTHER)
    settings.CONG_PROVINCE_DOMAIN = "laichau.demo.test"


def test_load_demo_fills_every_section_of_every_demo_portal(no_province):
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    assert "http://laichau.demo.test/" in printed
    assert "http://quantri.laichau.test/" in printed  # the console

    portals = {p.code: p for p in Portal.objects.filter(code__in=DEMO_CODES).prefetch_related("domains")}
    assert sorted(portals) == sorted(DEMO_CODES)
    assert portals["sokhcn"].parent == portals["laichau"]
    assert "skhcn-laichau.localhost" in {d.domain for d in portals["sokhcn"].domains.all()}
    for username, role, _name in PLATFORM_ACCOUNTS:
        assert PlatformRole.objects.get(user__username=username).role == role

    for code, portal in portals.items():
        with schema_context(portal.schema_name):
            home = HomePage.objects.get(depth=2, locale__language_code="vi")
            assert home.intro  # its own introduction on the home page
            completeness = section_completeness(home, portal.kind)
            assert [row.section.slug for row in completeness] == [
                section.slug for section in registered_sections(portal.kind)
            ]
            empty = [row.section.slug for row in completeness if not row.ok]
            assert empty == [], f"{code}: sections without demo content: {empty}"
            # The English versions of the pages the law wants in English are published.
            assert HomePage.objects.get(depth=2, locale__language_code="en").live
            for suffix, group, _name in PORTAL_ACCOUNTS:
                user = User.objects.get(username=f"{suffix}.{code}")
                assert user.check_password(DEMO_PASSWORD)
                assert list(user.groups.values_list("name", flat=True)) == [group]

        browser = client_for(portal)
        response = browser.get("/")
        assert response.status_code == 200
        assert f"<h1>{portal.name}</h1>" in response.content.decode()
        assert browser.get("/en/introduction/").status_code == 200
        assert browser.post(
            "/admin/login/", {"username": f"bientap.{code}", "password": DEMO_PASSWORD}
        ).status_code == 302

    # One submitted quarterly report each, so the reports pages show something.
    from reports.models import PeriodicReport

    submitted = PeriodicReport.objects.filter(portal__code__in=DEMO_CODES, kind="quarter", status="submitted")
    assert sorted(submitted.values_list("portal__code", flat=True)) == sorted(DEMO_CODES)

    # Admitted by the province board's decision, like every portal.
    for portal in portals.values():
        assert portal.approval is not None and portal.approval.file.read().startswith(b"%PDF-")

    # The README's first sign-in of `quantri`: the demo password, then two-step enrolment.
    console = client_for("quantri.laichau.test")
    response = console.post("/dang-nhap/", {"username": "quantri", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert console.get("/")["Location"] == "/tai-khoan/hai-buoc/"
    page = console.get("/tai-khoan/hai-buoc/").content.decode()
    assert 'class="totp-qr"' in page
    secret = re.search(r'data-totp-secret="([A-Z2-7]+)"', page).group(1)
    assert console.post("/tai-khoan/hai-buoc/", {"code": totp_code(secret)}).status_code == 302
    assert console.get("/tai-khoan/ma-khoi-phuc/").status_code == 200
    assert "Sở Khoa học và Công nghệ" in console.get("/").content.decode()
    # The control loop has something to say on first run (demo.deadlines).
    from deadlines.league import Period, league_table
    from deadlines.models import Obligation
    from deadlines.queues import queues

    today = timezone.localdate()
    figures = {f.portal.code: f for f in league_table(Period(today.replace(year=today.year - 2), today))}
    assert all(figures[code].on_time and figures[code].late for code in DEMO_CODES)
    with schema_context(portals["xaphongtho"].schema_name):
        assert Obligation.objects.get().number == "35/2026/QĐ-UBND"
        assert [e.record.title for e in queues(3).overdue if e.record.kind == "obligation"]
    with schema_context(portals["sotc"].schema_name):
        assert [e.record.title for e in queues(3).due_soon if e.record.kind == "obligation"]
    with schema_context(portals["phuongtanphong"].schema_name):
        assert [e.record.title for e in queues(3).stale] == ["Giới thiệu"]
    assert figures["phuongtanphong"].stale == 1 and figures["laichau"].stale == 0

    again = StringIO()
    call_command("load_demo", stdout=again)
    assert "bỏ qua" in again.getvalue()  # a province exists now: nothing is loaded twice
    assert Portal.objects.filter(code__in=DEMO_CODES).count() == len(DEMO_CODES)
