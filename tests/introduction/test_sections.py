"""The mandated sections of this app group exist on every portal and render."""

from __future__ import annotations

import pytest

from tests.support.portals import TEST_PORTALS, client_for

SECTIONS = {
    "gioi-thieu": "Giới thiệu",
    "quy-hoach-ke-hoach": "Chiến lược – Quy hoạch – Kế hoạch",
    "du-an-dau-thau": "Dự án – Đấu thầu – Mua sắm công",
    "lien-he": "Liên hệ",
    "khoa-hoc-cong-nghe": "Khoa học – Công nghệ",
    "thong-ke": "Thống kê",
    "cong-khai-ngan-sach": "Công khai ngân sách",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", list(TEST_PORTALS))
def test_every_portal_has_every_section(code):
    from tenants.models import Portal

    client = client_for(Portal.objects.get(code=code))
    for slug, title in SECTIONS.items():
        response = client.get(f"/{slug}/")
        assert response.status_code == 200, (code, slug)
        assert f"<h1>{title}</h1>" in response.content.decode(), (code, slug)


def test_sections_are_registered_in_navigation_order():
    from core.sections import registered_sections

    mine = [s for s in registered_sections() if s.slug in SECTIONS]
    assert [(s.order, s.slug, s.letter) for s in mine] == [
        (10, "gioi-thieu", "a"),
        (50, "quy-hoach-ke-hoach", "đ"),
        (80, "du-an-dau-thau", "h"),
        (100, "lien-he", "k"),
        (110, "khoa-hoc-cong-nghe", "m"),
        (120, "thong-ke", "n"),
        (130, "cong-khai-ngan-sach", ""),
    ]


def test_index_pages_are_one_per_home_and_items_only_under_their_index():
    from budget.models import BudgetDisclosurePage, BudgetIndexPage
    from contacts.models import ContactsPage
    from home.models import HomePage
    from introduction.models import IntroductionIndexPage, LeadersPage
    from planning.models import PlanningIndexPage, PlanningItemPage
    from projects.models import ProjectIndexPage, ProjectPage
    from science.models import ScienceIndexPage, ScienceProgrammePage
    from stats.models import StatisticsIndexPage, StatisticsReleasePage

    for index in [
        IntroductionIndexPage, PlanningIndexPage, ProjectIndexPage, ContactsPage,
        ScienceIndexPage, StatisticsIndexPage, BudgetIndexPage,
    ]:
        assert index.max_count_per_parent == 1
        assert index.allowed_parent_page_models() == [HomePage]
    for item, index in [
        (LeadersPage, IntroductionIndexPage), (PlanningItemPage, PlanningIndexPage),
        (ProjectPage, ProjectIndexPage), (ScienceProgrammePage, ScienceIndexPage),
        (StatisticsReleasePage, StatisticsIndexPage), (BudgetDisclosurePage, BudgetIndexPage),
    ]:
        assert item.allowed_parent_page_models() == [index]


def test_the_standard_library_statistics_module_is_not_shadowed():
    import statistics

    assert statistics.mean([1, 2, 3]) == 2
    assert "site-packages" not in statistics.__file__ and "platform" not in statistics.__file__
