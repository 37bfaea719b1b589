"""The page types of the sections, as `app_label.model` in lower case: every one has a page in
the demo content, and the tests that walk every page type start from this list."""

from __future__ import annotations

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
