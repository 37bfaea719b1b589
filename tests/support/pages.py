"""The page types of the sections, as `app_label.model` in lower case: every one has a page in
the demo content, and the tests that walk every page type start from this list.

Also the portal that has a page of every type (`provision_showcase`): a department with every
section, filled with every section's demo content, committed so that live servers and other
processes can serve it. Building it is one of the slowest things the suite does, so it is
built once per run for every package that needs it (the browser checks, the page-cache and
query-count checks; tests/conftest.py: `showcase_portal`, whose tests run last).
"""

from __future__ import annotations

import copy

from django.db import connection

SECTION_PAGE_TYPES = (
    "home.homepage", "news.newsindexpage", "news.newsarticlepage",
    "legaldocs.legaldocumentindexpage", "legaldocs.legaldocumentpage",
    "legaldocs.gazetteindexpage", "legaldocs.gazetteissuepage",
    "direction.directionindexpage", "direction.directivepage",
    "direction.petitionresponsepage", "direction.enterprisesanctionpage",
    "direction.lawdisseminationindexpage", "direction.lawdisseminationpage",
    "introduction.introductionindexpage", "introduction.organisationpage",
    "introduction.administrativemappage", "introduction.naturalconditionspage",
    "introduction.historyculturepage", "introduction.leaderspage",
    "planning.planningindexpage", "planning.planningitempage",
    "projects.projectindexpage", "projects.projectpage",
    "contacts.contactspage", "contacts.statementpage",
    "science.scienceindexpage", "science.scienceprogrammepage",
    "portal_statistics.statisticsindexpage", "portal_statistics.statisticsreleasepage",
    "budget.budgetindexpage", "budget.budgetdisclosurepage",
    "services.publicserviceindexpage", "services.publicservicepage",
    "disclosure.disclosurelistpage",
)

# The showcase portal and its editor (a user of that portal, in the editors' group).
SHOWCASE_CODE = "kiemthu"
SHOWCASE_EDITOR = ("bientap.trinhduyet", "MatKhau@TrinhDuyet2026")


def provision_showcase():
    """Create the showcase portal and fill it; returns the Portal (in the public schema)."""
    from django_tenants.utils import schema_context

    from core.sections import ensure_sections, registered_sections
    from demo.portals import DEMO_CONTENT
    from home.models import HomePage
    from tenants.models import Portal
    from tenants.provisioning import PortalSpec
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(
        code=SHOWCASE_CODE, name="Sở Kiểm thử tỉnh Thử", name_en="Department of Tests",
        kind=Portal.Kind.DEPARTMENT, contact_email="bbt@kiemthu.example.vn",
    ))
    with schema_context(portal.schema_name):
        from django.contrib.auth.models import Group, User

        from accounts.roles import EDITOR as EDITOR_GROUP

        username, password = SHOWCASE_EDITOR
        editor = User.objects.create_user(username, password=password, first_name="Biên tập")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        home = HomePage.objects.get(depth=2, locale__language_code="vi")
        # Every section, the province's gazette included, so every page type has a page.
        ensure_sections(home, sections=registered_sections())
        home.intro = "<p>Cổng có đủ mọi loại trang, dùng để kiểm tra.</p>"
        home.save_revision().publish()
        # The loaders give a province the most content (gazette, statistics, territory).
        as_province = copy.copy(portal)
        as_province.kind = Portal.Kind.PROVINCE
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(as_province)
    connection.set_schema_to_public()
    return portal


def remove_showcase() -> None:
    """Remove the showcase portal, after ending the database sessions live servers' threads
    may still hold in it (a keep-alive request thread outlives its server)."""
    from tests.support.portals import remove_committed_portal

    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    remove_committed_portal(SHOWCASE_CODE)
