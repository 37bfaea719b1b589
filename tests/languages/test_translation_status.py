"""The translation status report and the way an English page goes live: translated in
wagtail-localize, sent to the board, approved; and out of date when the Vietnamese changes."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django_tenants.utils import schema_context

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts import roles
from tests.introduction.factories import LeadersPageFactory, OrganisationPageFactory
from tests.support.accounts import console_login
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db
REPORT = "/admin/ban-tieng-anh/"


@pytest.fixture
def people(portal_a, make_local_user):
    browsers = {}
    for key, group in (("btv", roles.EDITOR), ("duyet", roles.APPROVER)):
        user = make_local_user(portal_a, f"{key}.tienganh", group)
        browser = client_for(portal_a)
        with schema_context(portal_a.schema_name):
            browser.force_login(user)
        browsers[key] = browser
    return browsers


def states(browser) -> dict[str, str]:
    """Vietnamese page title → state, as the report shows it."""
    html = browser.get(REPORT).content.decode()
    rows = re.findall(r'<tr id="trang-\d+" data-state="([a-z_]+)">\s*<td[^>]*><a [^>]*>([^<]+)</a>', html)
    return {title: state for state, title in rows}


def vi_page(portal, slug):
    with schema_context(portal.schema_name):
        return Page.objects.get(slug=slug, locale__language_code="vi").specific


def en_page(portal, vi):
    with schema_context(portal.schema_name):
        return vi.get_translation(Locale.objects.get(language_code="en")).specific


def translate(portal, browser, vi, english: dict[str, str]):
    """Fill strings of the page's translation (by field path or by Vietnamese text) through
    wagtail-localize's editor API, as the translation editor does."""
    from wagtail_localize.models import StringSegment, Translation

    with schema_context(portal.schema_name):
        translation = Translation.objects.get(
            source__object_id=vi.translation_key, target_locale__language_code="en"
        )
        segments = list(
            StringSegment.objects.filter(source=translation.source).select_related("string", "context")
        )
    for segment in segments:
        value = english.get(segment.context.path) or english.get(segment.string.data)
        if value is None:
            continue
        response = browser.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:500]


def approve(portal, browser, page):
    with schema_context(portal.schema_name):
        state = WorkflowState.objects.get(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk), status="in_progress",
        )
        task_state = state.current_task_state
    response = browser.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "", "confirmed": "on"}
    )
    assert response.status_code == 302


def test_a_new_required_page_goes_from_missing_to_up_to_date(portal_a, people):
    OrganisationPageFactory(
        portal=portal_a, title="Cơ cấu tổ chức", slug="co-cau-to-chuc",
        summary="Chức năng, nhiệm vụ.", publish=True,
    )
    vi = vi_page(portal_a, "co-cau-to-chuc")
    assert states(people["duyet"])["Cơ cấu tổ chức"] == "missing"
    # Sections and home were born in English.
    assert states(people["duyet"])["Giới thiệu"] == "up_to_date"

    # Starting a translation is the board's; an editor cannot.
    assert people["btv"].post(f"{REPORT}{vi.pk}/dich/").status_code in (302, 403)
    assert states(people["duyet"])["Cơ cấu tổ chức"] == "missing"
    response = people["duyet"].post(f"{REPORT}{vi.pk}/dich/")
    english = en_page(portal_a, vi)
    assert response["Location"] == f"/admin/pages/{english.pk}/edit/"
    assert not english.live  # a draft, never Vietnamese text on /en/
    assert states(people["duyet"])["Cơ cấu tổ chức"] == "in_progress"
    assert client_for(portal_a).get("/en/introduction/co-cau-to-chuc/").status_code == 404

    translate(portal_a, people["btv"], vi, {
        "title": "Organisation", "slug": "organisation", "summary": "Functions and duties.",
    })
    # The editor cannot publish from the translation editor, only send it to the board.
    denied = people["btv"].post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert denied.status_code in (302, 403)
    people["btv"].post(f"{REPORT}{english.pk}/gui-duyet/")
    html = people["duyet"].get(REPORT).content.decode()
    assert "Đang chờ Ban Biên tập duyệt" in html
    assert not en_page(portal_a, vi).live

    approve(portal_a, people["duyet"], english)
    assert states(people["duyet"])["Cơ cấu tổ chức"] == "up_to_date"
    public = client_for(portal_a).get("/en/introduction/organisation/")
    assert public.status_code == 200
    assert "Functions and duties." in public.content.decode()


def test_editing_the_vietnamese_introduction_makes_its_english_out_of_date(portal_a, people):
    index = vi_page(portal_a, "gioi-thieu")
    assert states(people["duyet"])["Giới thiệu"] == "up_to_date"

    # The board edits and publishes the Vietnamese introduction in the real admin.
    response = people["duyet"].post(
        f"/admin/pages/{index.pk}/edit/",
        nested_form_data({
            "title": "Giới thiệu", "slug": "gioi-thieu",
            "intro": rich_text("<p>Sở A quản lý nhà nước về lĩnh vực A.</p>"),
            "comments": inline_formset([]), "action-publish": "action-publish",
        }),
        follow=True,
    )
    assert response.status_code == 200
    assert "chưa theo kịp nội dung vừa xuất bản" in response.content.decode()
    assert states(people["duyet"])["Giới thiệu"] == "out_of_date"

    # Re-sync: in progress until the new passage is translated and the board approves.
    people["duyet"].post(f"{REPORT}{index.pk}/dong-bo/")
    assert states(people["duyet"])["Giới thiệu"] == "in_progress"
    english = en_page(portal_a, index)
    assert "lĩnh vực A" not in client_for(portal_a).get("/en/introduction/").content.decode()
    translate(portal_a, people["btv"], index, {
        "Sở A quản lý nhà nước về lĩnh vực A.": "Department A is the state authority for field A.",
    })
    assert states(people["duyet"])["Giới thiệu"] == "in_progress"
    people["btv"].post(f"{REPORT}{english.pk}/gui-duyet/")
    approve(portal_a, people["duyet"], english)
    assert states(people["duyet"])["Giới thiệu"] == "up_to_date"
    html = client_for(portal_a).get("/en/introduction/").content.decode()
    assert "Department A is the state authority for field A." in html


def test_report_is_only_for_the_portal_admin(portal_a, portal_b):
    assert client_for(portal_a).get(REPORT).status_code == 302  # to the sign-in page


def test_province_board_sees_every_member_portals_english_state(
    portal_a, portal_b, make_platform_user
):
    from tenants.models import PlatformRole

    LeadersPageFactory(portal=portal_b, title="Lãnh đạo xã", slug="lanh-dao", publish=True)

    make_platform_user("bbt.tienganh", PlatformRole.Role.PROVINCE_BOARD)
    console, _ = console_login("bbt.tienganh")
    html = console.get("/giam-sat/tieng-anh/").content.decode()
    row_b = html.split('<tr data-portal="xab">')[1].split("</tr>")[0]
    assert '<td class="count-missing">1</td>' in row_b
    row_a = html.split('<tr data-portal="soa">')[1].split("</tr>")[0]
    assert '<td class="count-missing">0</td>' in row_a
    section_b = html.split('id="cong-xab"')[1].split("</section>")[0]
    assert "Lãnh đạo xã" in section_b
    assert 'href="http://xab.laichau.test/en/introduction/"' in section_b

    # Member editors and citizens have no way in.
    assert client_for("quantri.laichau.test").get("/giam-sat/tieng-anh/").status_code == 302


def test_withdrawing_a_vietnamese_page_withdraws_its_english(portal_a, people):
    from languages.sync import publish_latest, start_translation

    with schema_context(portal_a.schema_name):
        leaders = LeadersPageFactory(title="Lãnh đạo", slug="lanh-dao", publish=True)
        translation = start_translation(leaders, strings={"title": "Leadership", "slug": "leadership"})
        publish_latest(translation.get_target_instance())
    assert client_for(portal_a).get("/en/introduction/leadership/").status_code == 200

    response = people["duyet"].post(f"/admin/pages/{leaders.pk}/unpublish/")
    assert response.status_code == 302
    assert client_for(portal_a).get("/gioi-thieu/lanh-dao/").status_code == 404
    assert client_for(portal_a).get("/en/introduction/leadership/").status_code == 404
    # The sections stay: only the withdrawn page and its translation went.
    assert client_for(portal_a).get("/en/introduction/").status_code == 200
