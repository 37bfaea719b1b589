"""The admin as a Vietnamese editor sees it: no English UI words on any admin page an editor
can reach, and dates as dd/mm/yyyy in listings and date pickers.

The crawl does not list the admin's pages: it starts at the dashboard of the province portal
filled with every section's demo content and follows each same-portal `/admin/` link, those
of the sidebar's menu (Wagtail renders it as JSON props) and those of every page reached
(listings, their "add" and "edit" forms, reports, settings, the portal's own views). One page
per kind of address is opened (addresses that differ only by ids are the same kind), and, for
the board head, one edit and one add form per page type. It runs as the portal's board head,
as an editor, and as a superuser for what only a superuser reaches (workflows, groups, sites).
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django_tenants.utils import schema_context

from django.test import Client

from accounts import roles
from tests.news.factories import NewsArticlePageFactory
from tests.support.accounts import local_user
from tests.support.admin import admin_client, refused, signed_in
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

# Pages opened per person at most: the crawl stays bounded whatever the admin grows into.
MAX_PAGES = 150

# English words an admin UI is made of; none may be shown (or read out) to a Vietnamese
# editor. Product names (Wagtail, Cổng), file names and what editors typed are not UI words.
ENGLISH_UI_WORDS = (
    "ago", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "just now", "today", "yesterday",
    "January", "February", "March", "April", "June", "July", "August", "September",
    "October", "November", "December",
    "Password", "Email", "Username", "Account", "Profile", "Log out", "Sign out", "Log in",
    "Root", "Home", "Dashboard", "Pages", "Page", "Images", "Image", "Documents", "Document",
    "Snippets", "Settings", "Reports", "Users", "User", "Groups", "Group", "Roles",
    "Workflows", "Workflow", "Tasks", "Task", "Help", "Language", "Collections",
    "Collection", "Redirects", "Sites", "Locales", "History", "Revisions", "Usage",
    "Edit", "Delete", "Save", "Cancel", "Search", "Filter", "Filters", "Sort", "Upload",
    "Choose", "Add", "Create", "Publish", "Unpublish", "Preview", "Copy", "Move", "Lock",
    "Unlock", "Approve", "Reject", "Submit", "Close", "Clear", "Apply", "Export", "Download",
    "View", "Select", "Back", "Next", "Previous", "Show", "Hide", "More", "Remove",
    "Title", "Status", "Live", "Draft", "Actions", "Updated", "Created", "Name", "Type",
    "Date", "Owner", "Locked", "Yes", "No", "None", "All", "Any", "Active", "Inactive",
    "Expired", "Scheduled", "Private", "Public", "Required", "Optional", "Loading",
    "Unknown", "Total", "Items", "results", "of", "and", "the", "by", "for", "to", "in",
    "is", "are", "was", "with", "this", "your", "you",
)
# A word, not part of an address, a file name or a cut-off text ("… dự to…").
WORDS = {
    word: re.compile(rf"(?<![\w/.@-]){re.escape(word)}(?![\w/.@…-])") for word in ENGLISH_UI_WORDS
}
# All of them in one pattern, so a page's text is scanned once rather than once per word (the
# crawl reads hundreds of long pages). Zero-width, so matches may overlap; the longest word is
# tried first at each place.
ANY_WORD = re.compile(
    r"(?<![\w/.@-])(?=("
    + "|".join(map(re.escape, sorted(ENGLISH_UI_WORDS, key=len, reverse=True)))
    + r")(?![\w/.@…-]))"
)
# A place can show only one word that way: no word may also be found where another begins
# ("Log" would hide behind "Log out"); were one added, this fails rather than miss it.
assert not [(a, b) for a in ENGLISH_UI_WORDS for b in ENGLISH_UI_WORDS if a != b and WORDS[a].match(b)]
# Attributes a person sees (tooltips, placeholders, button captions) or hears (screen readers).
SPOKEN_ATTRIBUTES = (
    "aria-label", "aria-description", "title", "placeholder", "alt",
    "data-w-tooltip-content-value",
)
# Elements whose text nobody sees or hears: code, what is being edited, and Wagtail's side
# panel counter (hidden until its script writes a number in it).
UNREAD = ("script", "style", "textarea")
UNREAD_ATTRIBUTE = "data-side-panel-toggle-counter"
ISO_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")

# English a page may show, and why.
EXPECTED_ENGLISH = {
    # The file to import must name its columns "from" and "to"; the help says so.
    "/admin/redirects/import/": {"to"},
}

ROOT_SKIP = "the root page has no form: Wagtail answers with the dashboard"
# Links not opened, and why.
SKIPPED = {
    r"^/admin/logout/": "signs out",
    r"^/admin/bulk/": "acts on the rows ticked in a listing (its script adds them to the address)",
    r"/preview/": "shows the public page being edited, not the admin",
    r"/view_draft/": "shows the public page, not the admin",
    r"/revisions/\d+/view/": "shows the public page as it was, not the admin",
}


class AdminPage(HTMLParser):
    """What an admin page shows and reads out (text nodes, spoken attributes, button
    captions), its links, and the sidebar's packed props."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.sidebar = ""
        self._unread: list[str] = []
        self._in_sidebar = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if self._unread:
            if tag == self._unread[-1]:
                self._unread.append(tag)
            return
        if tag in UNREAD or UNREAD_ATTRIBUTE in attributes:
            self._unread.append(tag)
            self._in_sidebar = attributes.get("id") == "wagtail-sidebar-props"
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        self.parts += [value for name, value in attrs if name in SPOKEN_ATTRIBUTES and value]
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
            self.parts.append(attributes.get("value") or "")  # an input button's caption

    def handle_endtag(self, tag: str) -> None:
        if self._unread and tag == self._unread[-1]:
            self._unread.pop()
            if not self._unread:
                self._in_sidebar = False

    def handle_data(self, data: str) -> None:
        if self._in_sidebar:
            self.sidebar += data
        elif not self._unread:
            self.parts.append(data)


def sidebar_menu(props: str) -> tuple[list[str], list[str]]:
    """The sidebar menu's links and labels, from Wagtail's packed JSON props."""
    urls: list[str] = []
    labels: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, found in (("url", urls), ("label", labels)):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    if props:
        walk(json.loads(props))
    return urls, labels


def english_words(text: str) -> list[str]:
    """Each English UI word in `text`, with a little of the text around it."""
    first: dict[str, int] = {}
    for match in ANY_WORD.finditer(text):
        first.setdefault(match[1], match.start())
    found = []
    for word in WORDS:  # in the list's order
        if word in first:
            start = first[word]
            around = " ".join(text[max(0, start - 30):start + len(word) + 30].split())
            found.append(f"{word} ({around!r})")
    return found


@dataclass
class Site:
    """What the crawl knows of the portal: each page's type, the English tree (its titles
    are English by design, so neither opened nor read, like the names Django stored for
    permissions), and one edit and one add form per page type."""

    page_types: dict[int, str]
    english_pages: set[int]
    english_texts: list[str]
    page_forms: list[str]
    root_id: int


@dataclass
class Crawl:
    client: Client
    site: Site
    per_page_type: bool
    seen: set[str] = field(default_factory=set)
    opened: list[str] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def kind(self, path: str) -> str | None:
        """What makes two addresses the same kind of page; None: not to be opened."""
        if match := re.match(r"^/admin/pages/(\d+)/", path):
            if int(match[1]) in self.site.english_pages:
                return None
            if int(match[1]) == self.site.root_id and path.endswith("/edit/"):
                self.skipped[path] = ROOT_SKIP
                return None
            if path.endswith("/edit/") and self.per_page_type:
                return f"/admin/pages/<{self.site.page_types.get(int(match[1]))}>/edit/"
        if self.per_page_type and (match := re.match(r"^(/admin/pages/add/\w+/\w+/)\d+/$", path)):
            return match[1]
        # A snippet's listing, add and edit forms per model; its other views once.
        if match := re.match(r"^/admin/snippets/\w+/\w+/(?!add/|edit/)([a-z_-]+)/", path):
            return f"/admin/snippets/*/{match[1]}/"
        path = re.sub(r"^/admin/pages/usage/\w+/\w+/", "/admin/pages/usage/*/", path)
        return re.sub(r"/\d+(?=/|$)", "/<id>", path)

    def run(self, start: list[str]) -> None:
        queue = deque(start)
        while queue and len(self.opened) < MAX_PAGES:
            path = queue.popleft()
            if reason := next((why for rule, why in SKIPPED.items() if re.search(rule, path)), None):
                self.skipped.setdefault(re.sub(r"\d+", "<id>", path), reason)
                continue
            kind = self.kind(path)
            if kind is None or (kind in self.seen and path not in start):
                continue
            self.seen.add(kind)
            self.opened.append(path)
            queue.extend(self.open(path))

    def open(self, path: str) -> list[str]:
        """Check one page; return the admin links it shows."""
        response = self.client.get(path)
        if response.status_code in (301, 302):
            if refused(response):
                self.problems.setdefault(path, []).append("a link the admin shows is refused")
                return []
            target = urlsplit(response["Location"])
            return [target.path] if not target.netloc else []
        if response.status_code != 200:
            self.problems.setdefault(path, []).append(f"status {response.status_code}")
            return []
        if not response.get("Content-Type", "").startswith("text/html"):
            return []
        page = AdminPage()
        page.feed(response.content.decode())
        menu_links, menu_labels = sidebar_menu(page.sidebar)
        text = "\n".join(page.parts + menu_labels)
        for title in self.site.english_texts:
            text = text.replace(title, " ")
        expected = EXPECTED_ENGLISH.get(path, set())
        if words := [found for found in english_words(text) if found.split()[0] not in expected]:
            self.problems.setdefault(path, []).append("English: " + ", ".join(words))
        if dates := ISO_DATE.findall(text):
            self.problems.setdefault(path, []).append(f"dates as yyyy-mm-dd: {', '.join(dates[:3])}")
        return [
            link.path for link in map(urlsplit, menu_links + page.links)
            if not link.netloc and link.path.startswith("/admin/")
        ]


def site_of(portal) -> Site:
    from wagtail.models import Page

    with schema_context(portal.schema_name):
        pages = list(Page.objects.select_related("content_type", "locale").order_by("path"))
        types = {page.pk: f"{page.content_type.app_label}.{page.content_type.model}" for page in pages}
        english = [page for page in pages if page.locale.language_code != "vi"]
        forms: list[str] = []
        added: set[type] = set()
        edited: set[str] = set()
        for page in pages:
            if page in english or page.depth == 1:
                continue
            if types[page.pk] not in edited:
                edited.add(types[page.pk])
                forms.append(f"/admin/pages/{page.pk}/edit/")
            for model in page.specific_class.allowed_subpage_models():
                if model not in added and model.can_create_at(page):
                    added.add(model)
                    forms.append(
                        f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{page.pk}/"
                    )
    from django.contrib.auth.models import Permission

    titles = {title for page in english for title in (page.title, page.draft_title)}
    with schema_context(portal.schema_name):
        titles |= set(Permission.objects.values_list("name", flat=True))
    return Site(
        types, {page.pk for page in english}, sorted(titles, key=len, reverse=True), forms, pages[0].pk
    )


@pytest.fixture
def filled_province(province):
    """The province portal with every section's demo content, both languages (rolled back
    with the test)."""
    from demo.portals import DEMO_CONTENT

    with schema_context(province.schema_name):
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(province)
    return province


@pytest.mark.slow
def test_every_admin_page_reached_from_the_dashboard_is_vietnamese(filled_province):
    started = time.monotonic()
    site = site_of(filled_province)
    portal = filled_province
    head = Crawl(signed_in(portal, local_user(portal, "truongban.crawl", roles.BOARD_HEAD)), site, True)
    head.run(["/admin/", *site.page_forms])
    # An editor sees other menus and buttons on the same kinds of page: its dashboard, a page
    # edit and add form and what the board head did not reach.
    editor = Crawl(
        signed_in(portal, local_user(portal, "bientap.crawl", roles.EDITOR)), site, False,
        seen=set(head.seen),
    )
    editor.run(["/admin/", *site.page_forms[:3]])
    # A superuser opens only what the board head could not reach.
    superuser = Crawl(admin_client(portal, "quantri.crawl"), site, False, seen=set(head.seen))
    superuser.run(["/admin/"])

    report = []
    for who, crawl in (("board head", head), ("editor", editor), ("superuser", superuser)):
        report.append(f"{who}: {len(crawl.opened)} pages")
        report += [f"  {path}: {'; '.join(found)}" for path, found in crawl.problems.items()]
    report.append(f"in {time.monotonic() - started:.0f} s")
    assert not any(crawl.problems for crawl in (head, editor, superuser)), "\n".join(report)
    # The crawl reached what editors use every day, the portal's own views among them.
    opened = set(head.opened)
    for path in (
        "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/",
        "/admin/reports/aging-pages/", "/admin/thong-ke-truy-cap/", "/admin/hoi-dap/",
        "/admin/hoi-dap/du-lieu-ca-nhan/", "/admin/bao-cao/", "/admin/tim-kiem/tu-khoa/",
    ):
        assert path in opened, path
    assert any(path.startswith("/admin/snippets/") and "/edit/" in path for path in opened)
    assert any(path.startswith("/admin/settings/") for path in opened)
    assert len([path for path in opened if re.match(r"^/admin/pages/\d+/edit/$", path)]) >= 30
    assert any(path.startswith("/admin/workflows/") for path in superuser.opened)
    # Only links that act or leave the admin are skipped.
    skipped = {**head.skipped, **editor.skipped, **superuser.skipped}
    assert set(skipped.values()) <= {*SKIPPED.values(), ROOT_SKIP}


def test_sign_in_page_shows_no_english_ui_words(portal_a):
    page = AdminPage()
    page.feed(client_for(portal_a).get("/admin/login/").content.decode())
    assert not english_words("\n".join(page.parts))


def test_admin_dates_are_day_month_year(portal_a):
    published = datetime(2026, 3, 4, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Lịch tiếp công dân", publish_date=published)
        parent = article.get_parent().pk
    browser = admin_client(portal_a)

    edit = browser.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'value="04/03/2026 08:30"' in edit
    # The date picker is told the same format.
    assert "d/m/Y H:i" in edit
    assert not re.search(r'value="\d{4}-\d{2}-\d{2}', edit)

    listing = browser.get(f"/admin/pages/{parent}/").content.decode()
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", re.sub(r"<script.*?</script>", "", listing, flags=re.S))
