"""The completeness check of the mandated sections, and its dashboard panel."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tests.support.portals import client_for


def _home():
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="vi")


def _by_slug(rows):
    return {row.section.slug: row for row in rows}


def test_a_new_portal_has_every_section_and_all_are_empty(portal_a):
    from compliance.completeness import Status, section_completeness
    from core.sections import registered_sections

    with schema_context(portal_a.schema_name):
        rows = section_completeness(_home())
    assert [row.section.slug for row in rows] == [
        s.slug for s in registered_sections(portal_a.kind)
    ]
    assert "cong-bao" not in _by_slug(rows)  # the gazette is the province's only
    assert {row.status for row in rows} == {Status.EMPTY}
    assert all(row.page is not None and row.item_count == 0 for row in rows)


def test_the_province_kind_includes_the_gazette(province):
    from compliance.completeness import section_completeness

    with schema_context(province.schema_name):
        rows = _by_slug(section_completeness(_home()))
    assert "cong-bao" in rows


def test_a_published_item_makes_its_section_ok(portal_a):
    from compliance.completeness import Status, section_completeness
    from tests.planning.factories import PlanningItemPageFactory

    with schema_context(portal_a.schema_name):
        item = PlanningItemPageFactory(title="Quy hoạch chung đô thị Than Uyên", live=False)
        rows = _by_slug(section_completeness(_home()))
        assert rows["quy-hoach-ke-hoach"].status == Status.EMPTY  # a draft does not count
        item.save_revision().publish()
        rows = _by_slug(section_completeness(_home()))
    row = rows["quy-hoach-ke-hoach"]
    assert row.status == Status.OK and row.ok
    assert row.item_count == 1
    assert row.latest is not None
    assert rows["van-ban"].status == Status.EMPTY


def test_contacts_count_what_the_page_itself_carries(portal_b):
    from compliance.completeness import Status, section_completeness
    from contacts.models import ContactsPage
    from tests.contacts.factories import ContactOfficialFactory
    from tests.support.factories import section_index

    with schema_context(portal_b.schema_name):
        page = section_index(ContactsPage)
        assert _by_slug(section_completeness(_home()))["lien-he"].status == Status.EMPTY
        page.officials = [ContactOfficialFactory.build(full_name="Lò Văn Sinh")]
        page.save_revision().publish()
        row = _by_slug(section_completeness(_home()))["lien-he"]
    assert row.status == Status.OK and row.item_count == 1


def test_a_deleted_or_unpublished_section_is_missing(portal_a):
    from compliance.completeness import Status, section_completeness
    from science.models import ScienceIndexPage
    from stats.models import StatisticsIndexPage

    with schema_context(portal_a.schema_name):
        ScienceIndexPage.objects.get(depth=3).delete()
        StatisticsIndexPage.objects.get(depth=3).unpublish()
        rows = _by_slug(section_completeness(_home()))
    assert rows["khoa-hoc-cong-nghe"].status == Status.MISSING
    assert rows["khoa-hoc-cong-nghe"].page is None
    assert rows["thong-ke"].status == Status.MISSING
    assert rows["tin-tuc"].status == Status.EMPTY


def test_a_renamed_section_is_still_found_by_its_type(portal_a):
    from compliance.completeness import Status, section_completeness
    from news.models import NewsIndexPage

    with schema_context(portal_a.schema_name):
        index = NewsIndexPage.objects.get(depth=3)
        index.slug = "tin-hoat-dong"
        index.save()
        rows = _by_slug(section_completeness(_home()))
    assert rows["tin-tuc"].status == Status.EMPTY


def test_the_dashboard_lists_the_sections_with_links(portal_a, make_local_user):
    from compliance.completeness import section_completeness
    from news.models import NewsIndexPage
    from tests.news.factories import NewsArticlePageFactory

    user = make_local_user(portal_a, "bbt.kiemtra", is_superuser=True)
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Hội nghị triển khai nhiệm vụ năm 2026")
        NewsIndexPage.objects.get(depth=3)  # exists
        rows = section_completeness(_home())
        client = client_for(portal_a)
        client.force_login(user)
        news_row = next(row for row in rows if row.section.slug == "tin-tuc")
    html = client.get("/admin/").content.decode()
    assert "Các chuyên mục bắt buộc theo Nghị định 43" in html
    assert f'href="/admin/pages/{news_row.page.pk}/"' in html
    assert "Đã có nội dung" in html and "Chưa có nội dung" in html
    assert html.count("section-completeness--") == len(rows)


def test_questions_and_answers_count_published_answers_not_child_pages(portal_b):
    from django.utils import timezone

    from compliance.completeness import Status, section_completeness
    from participation.models import Question
    from tests.participation.factories import QuestionFactory

    with schema_context(portal_b.schema_name):
        assert _by_slug(section_completeness(_home()))["hoi-dap"].status == Status.EMPTY
    QuestionFactory(portal=portal_b, title="Chưa trả lời")
    with schema_context(portal_b.schema_name):
        assert _by_slug(section_completeness(_home()))["hoi-dap"].status == Status.EMPTY
    published_at = timezone.now()
    QuestionFactory(
        portal=portal_b, title="Đã đăng", status=Question.Status.PUBLISHED, is_public=True,
        published_at=published_at,
    )
    with schema_context(portal_b.schema_name):
        row = _by_slug(section_completeness(_home()))["hoi-dap"]
    assert row.status == Status.OK
    assert row.item_count == 1
    assert row.latest == published_at
