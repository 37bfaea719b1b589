"""The admin as a Vietnamese editor sees it: no English UI words on the pages editors use
every day, and dates as dd/mm/yyyy in listings and date pickers."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django_tenants.utils import schema_context

from tests.news.factories import NewsArticlePageFactory
from tests.support.admin import admin_client
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

# Frequent English words of an admin UI; none may be shown (or read out) to a Vietnamese
# editor. Product names (Wagtail, Cổng) and file names are not UI words.
ENGLISH_UI_WORDS = {
    "ago", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "Password", "Email", "Root", "Edit", "Delete", "Save",
    "Cancel", "Search", "Settings", "Users", "Pages", "Images", "Documents", "Dashboard",
    "Title", "Status", "Live", "Draft", "Actions", "Sort", "Filter", "Upload", "Choose",
    "Username", "Groups", "Help", "Reports", "Account", "Profile", "Updated", "Language",
    "Add", "Yes", "No", "Name", "Type", "Home", "Log out", "Sign out", "just now",
}
SPOKEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class VisibleText(HTMLParser):
    """The text an editor sees or hears: text nodes and spoken attributes, not scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "template", "textarea"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name in SPOKEN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "textarea") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def english_words(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return {word for word in ENGLISH_UI_WORDS if re.search(rf"(?<![\w/.-]){word}(?![\w/.-])", text)}


def test_admin_pages_show_no_english_ui_words(portal_a):
    from wagtail.models import Page

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Hội nghị triển khai nhiệm vụ")
        root = Page.get_first_root_node()
        home = Page.objects.filter(depth=2).order_by("path").first()
        assert root.title == "Trang gốc"
    browser = admin_client(portal_a)
    paths = [
        "/admin/", f"/admin/pages/{root.pk}/", f"/admin/pages/{home.pk}/",
        f"/admin/pages/{article.get_parent().pk}/", f"/admin/pages/{article.pk}/edit/",
        "/admin/images/", "/admin/documents/", "/admin/account/", "/admin/users/",
    ]
    found = {}
    sign_in = client_for(portal_a).get("/admin/login/")
    if words := english_words(sign_in.content.decode()):
        found["/admin/login/"] = sorted(words)
    for path in paths:
        response = browser.get(path, follow=True)
        assert response.status_code == 200, path
        if words := english_words(response.content.decode()):
            found[path] = sorted(words)
    assert not found, sorted(found.items())


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
