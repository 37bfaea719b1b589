"""The page cache: anonymous pages are kept and served before anything renders, never for a
visitor with a session, never with a form's token, and purged exactly when what they show
changes, on commit, without touching other portals."""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from django.db import connection
from django.test import RequestFactory

from core.caching import pages, tokens
from tests.news.factories import NewsArticlePageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

STATUS = pages.STATUS_HEADER


def status(response) -> str | None:
    return response.headers.get(STATUS)


def kept(client, path: str = "/") -> str:
    """Fetch `path` twice: the second answer must come from the cache."""
    first = client.get(path)
    assert first.status_code == 200 and status(first) == "miss", (path, status(first))
    second = client.get(path)
    assert status(second) == "hit", path
    assert second.content == first.content
    return second.content.decode()


# --- What is kept, and how it is answered ---------------------------------------------------


def test_a_kept_page_is_answered_without_a_query_and_says_so(portal_a, django_assert_num_queries):
    client = client_for(portal_a)
    first = client.get("/")
    assert status(first) == "miss"
    assert "s-maxage=" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    assert first["ETag"]
    with django_assert_num_queries(0):
        second = client.get("/")
    assert status(second) == "hit"
    assert second.content == first.content
    assert int(second["Age"]) >= 0
    assert second["Cache-Control"] == first["Cache-Control"]
    # The browser's copy is still good: 304 without the body.
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    # HEAD is answered from the same entry.
    head = client.head("/")
    assert status(head) == "hit"


def test_keys_carry_the_host_the_query_and_the_language(portal_a):
    client = client_for(portal_a)
    kept(client, "/tin-tuc/")
    assert status(client.get("/tin-tuc/?trang=2")) == "miss"
    assert status(client.get("/en/")) == "miss"
    # The same page on the portal's other domain names that domain in its links.
    other = client_for("cu-soa.example.vn").get("/tin-tuc/")
    assert status(other) == "miss"
    assert status(client.get("/tin-tuc/", secure=True)) == "miss"


def test_the_feed_and_the_sitemap_are_kept(portal_a):
    kept(client_for(portal_a), "/tin-tuc/rss/")
    kept(client_for(portal_a), "/sitemap.xml")


def test_a_404_is_kept_briefly_and_purged_when_a_page_appears_there(
    portal_a, settings, django_capture_on_commit_callbacks
):
    client = client_for(portal_a)
    assert client.get("/tin-tuc/tin-moi/").status_code == 404
    missing = client.get("/tin-tuc/tin-moi/")
    assert missing.status_code == 404 and status(missing) == "hit"
    assert f"s-maxage={settings.CONG_PAGE_CACHE_TTL_404}" in missing["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            NewsArticlePageFactory(title="Tin mới")
    page = client.get("/tin-tuc/tin-moi/")
    assert page.status_code == 200 and "Tin mới" in page.content.decode()


# --- What is never kept ---------------------------------------------------------------------


def test_a_visitor_with_a_session_is_never_served_nor_kept(portal_a, make_local_user):
    user = make_local_user(portal_a, "bientap.cache", "Biên tập viên")
    editor = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        editor.force_login(user)
    for _ in range(2):
        response = editor.get("/")
        assert status(response) is None
    # Nothing the editor saw was kept for anyone else.
    assert status(client_for(portal_a).get("/")) == "miss"
    # And an anonymous visitor's page is not served to the editor.
    assert status(editor.get("/")) is None


def test_no_response_setting_a_cookie_is_kept(portal_a):
    """The question form sets the CSRF cookie: never kept, each visitor gets their own."""
    client = client_for(portal_a)
    for _ in range(2):
        response = client.get("/hoi-dap/gui-cau-hoi/")
        assert response.status_code == 200
        assert "csrftoken" in response.cookies  # set, or renewed
        assert status(response) is None


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_page_with_a_form_never_serves_another_visitors_csrf_token(portal_a):
    first, second = client_for(portal_a), client_for(portal_a)
    page_one = first.get("/hoi-dap/gui-cau-hoi/")
    page_two = second.get("/hoi-dap/gui-cau-hoi/")
    token_one, token_two = _csrf_token(page_one.content.decode()), _csrf_token(page_two.content.decode())
    assert token_one != token_two
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # A visitor who already has the CSRF cookie may be served kept pages, but the form page is
    # rendered for them, with a token of their own cookie.
    again = first.get("/hoi-dap/gui-cau-hoi/")
    assert status(again) is None
    assert _csrf_token(again.content.decode()) not in (token_one, token_two)
    # Each visitor's token is accepted with their own cookie only: a form posted with the other
    # visitor's token is refused.
    from django.middleware.csrf import _does_token_match

    assert _does_token_match(token_one, first.cookies["csrftoken"].value)
    assert not _does_token_match(token_one, second.cookies["csrftoken"].value)


def test_the_admin_search_and_question_lookup_are_never_kept(portal_a):
    client = client_for(portal_a)
    for path in ("/admin/login/", "/tim-kiem/?q=tin", "/hoi-dap/tra-cuu/?ma=ABC123"):
        client.get(path)
        assert status(client.get(path)) is None, path
    lookup = client.get("/hoi-dap/tra-cuu/")
    assert "no-store" in lookup["Cache-Control"] and "private" in lookup["Cache-Control"]


def test_the_console_and_unknown_hosts_are_never_kept(portal_a):
    client = client_for("quantri.laichau.test")
    client.get("/dang-nhap/")
    assert status(client.get("/dang-nhap/")) is None
    unknown = client_for("khong-co.laichau.test")
    assert unknown.get("/").status_code == 404
    assert status(unknown.get("/")) is None


def test_a_purge_during_the_render_keeps_the_page_out_of_every_cache(portal_a):
    """The page may have read the old content: it is sent private and not kept."""
    from django.http import HttpResponse

    request = RequestFactory().get("/", HTTP_HOST=portal_a.primary_domain)
    with schema_context(portal_a.schema_name):
        pages.begin(request, portal_a.schema_name)
        pages.depends_on(request, "page:3")
        tokens.bump(connection.schema_name, ["page:3"])  # published while it rendered
        response = HttpResponse("<p>cũ</p>")
        pages.store(request, response, portal_a.schema_name)
        assert "private" in response["Cache-Control"]
        assert tokens.shared_cache().get(pages.cache_key(request, portal_a.schema_name)) is None


def test_a_response_with_a_nonce_is_never_kept(portal_a):
    from django.http import HttpResponse

    request = RequestFactory().get("/", HTTP_HOST=portal_a.primary_domain)
    with schema_context(portal_a.schema_name):
        pages.begin(request, portal_a.schema_name)
        pages.depends_on(request, "page:3")
        response = HttpResponse("<p>trang</p>")
        response["Content-Security-Policy"] = "script-src 'nonce-abc123'"
        assert not pages.response_is_cacheable(request, response)


def test_edge_headers_only_when_an_edge_is_configured(portal_a, settings):
    response = client_for(portal_a).get("/")
    assert pages.EDGE_TAGS_HEADER not in response.headers
    settings.CONG_EDGE_PURGE_URLS = ["http://127.0.0.1:9"]  # nothing listens: purges are logged
    response = client_for(portal_a).get("/tin-tuc/")
    assert response[pages.EDGE_PORTAL_HEADER] == portal_a.schema_name
    tags = response[pages.EDGE_TAGS_HEADER].strip(",").split(",")
    assert any(tag.startswith("page:") for tag in tags)


# --- Purges ----------------------------------------------------------------------------------


def _news_index_id(portal) -> int:
    from news.models import NewsIndexPage

    with schema_context(portal.schema_name):
        return NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi").pk


def test_publishing_purges_the_page_its_listings_and_home_and_no_other_portal(
    portal_a, portal_b, django_capture_on_commit_callbacks
):
    a, b = client_for(portal_a), client_for(portal_b)
    for path in ("/", "/tin-tuc/", "/tin-tuc/rss/", "/gioi-thieu/", "/sitemap.xml"):
        kept(a, path)
    kept(b, "/")
    kept(b, "/tin-tuc/")
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            article = NewsArticlePageFactory(title="Khánh thành cầu Nậm Na")
            article.save_revision().publish()
    for path in ("/", "/tin-tuc/", "/tin-tuc/rss/", "/sitemap.xml"):
        response = a.get(path)
        assert status(response) != "hit", path
        assert "Khánh thành cầu Nậm Na" in response.content.decode() or path == "/sitemap.xml"
    assert "khanh-thanh-cau-nam-na" in a.get("/sitemap.xml").content.decode()
    # A section that does not list it is untouched, and so is every other portal.
    assert status(a.get("/gioi-thieu/")) == "hit"
    assert status(b.get("/")) == "hit"
    assert status(b.get("/tin-tuc/")) == "hit"


def test_a_change_waits_for_the_commit(portal_a, django_capture_on_commit_callbacks):
    """Until the commit, other workers keep the kept page (the token is unchanged); the thread
    making the change sees its own change; the commit purges."""
    client = client_for(portal_a)
    kept(client, "/tin-tuc/")
    index_tag = pages.page_tag(_news_index_id(portal_a))
    before = tokens.read(portal_a.schema_name, [index_tag])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with schema_context(portal_a.schema_name):
            NewsArticlePageFactory(title="Tin chưa lưu hẳn")
        assert tokens.read(portal_a.schema_name, [index_tag]) == before
        # This thread changed the portal: it neither reads nor keeps its pages until then.
        response = client.get("/tin-tuc/")
        assert status(response) is None and "Tin chưa lưu hẳn" in response.content.decode()
    assert tokens.read(portal_a.schema_name, [index_tag]) == before
    for callback in callbacks:
        callback()  # the commit
    assert tokens.read(portal_a.schema_name, [index_tag]) != before
    response = client.get("/tin-tuc/")
    assert status(response) == "miss" and "Tin chưa lưu hẳn" in response.content.decode()


def test_unpublishing_purges_the_page_and_its_listing(portal_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Tin sẽ gỡ")
        url = article.url
    client = client_for(portal_a)
    kept(client, url)
    kept(client, "/tin-tuc/")
    kept(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            article.unpublish()
    assert client.get(url).status_code == 404
    assert "Tin sẽ gỡ" not in client.get("/tin-tuc/").content.decode()
    assert "Tin sẽ gỡ" not in client.get("/").content.decode()


def test_a_settings_change_purges_the_whole_portal_only(
    portal_a, portal_b, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from themes.models import ThemeSettings

    a, b = client_for(portal_a), client_for(portal_b)
    for path in ("/", "/tin-tuc/", "/en/"):
        assert "#0b4f9c" not in kept(a, path)
    kept(b, "/")
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            theme = ThemeSettings.for_site(Site.objects.get(is_default_site=True))
            theme.primary_colour = "#0b4f9c"
            theme.save()
    for path in ("/", "/tin-tuc/", "/en/"):
        response = a.get(path)
        assert status(response) != "hit"
        # The colours are in the portal's stylesheet (no inline style: CSP), whose address
        # carries a version of the settings: the fresh page links the new one.
        stylesheet = re.search(r'href="(/giao-dien\.css\?v=[0-9a-f]+)"', response.content.decode())
        assert stylesheet and "#0b4f9c" in a.get(stylesheet.group(1)).content.decode()
    assert status(b.get("/")) == "hit"


def test_a_snippet_change_purges_the_portal(portal_a, django_capture_on_commit_callbacks):
    from news.models import NewsCategory

    client = client_for(portal_a)
    kept(client, "/tin-tuc/")
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            NewsCategory.objects.create(name="Chuyên mục mới")
    response = client.get("/tin-tuc/")
    assert status(response) != "hit" and "Chuyên mục mới" in response.content.decode()


def test_a_members_publication_purges_the_province_home_page_only(
    province, portal_a, portal_b, django_capture_on_commit_callbacks
):
    home, elsewhere = client_for(province), client_for(portal_b)
    kept(home, "/")
    kept(home, "/tin-tuc/")
    kept(elsewhere, "/")
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            NewsArticlePageFactory(title="Sở A ra quân làm đường").save_revision().publish()
    response = home.get("/")
    assert status(response) != "hit"
    assert "Sở A ra quân làm đường" in response.content.decode()
    # The province's own news section does not list members: still kept; and the other
    # member's pages too.
    assert status(home.get("/tin-tuc/")) == "hit"
    assert status(elsewhere.get("/")) == "hit"


def test_an_english_page_purges_its_own_tree(portal_a, django_capture_on_commit_callbacks):
    from introduction.models import IntroductionIndexPage

    with schema_context(portal_a.schema_name):
        english_url = IntroductionIndexPage.objects.get(locale__language_code="en").url
        vietnamese_url = IntroductionIndexPage.objects.get(locale__language_code="vi").url
    client = client_for(portal_a)
    for path in (english_url, "/en/", vietnamese_url, "/tin-tuc/", "/"):
        kept(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            english = IntroductionIndexPage.objects.get(locale__language_code="en")
            english.intro = "<p>Who we are and what we do.</p>"
            english.save_revision().publish()
    assert "Who we are and what we do." in client.get(english_url).content.decode()
    assert status(client.get("/en/")) != "hit"  # the English home page above it
    # Its Vietnamese original links to it: purged too. Vietnamese pages that do not show it
    # stay kept.
    assert status(client.get(vietnamese_url)) != "hit"
    assert status(client.get("/tin-tuc/")) == "hit"
    assert status(client.get("/")) == "hit"


def test_a_title_change_reaches_the_breadcrumbs_below(portal_a, django_capture_on_commit_callbacks):
    from news.models import NewsIndexPage

    with django_capture_on_commit_callbacks(execute=True), schema_context(portal_a.schema_name):
        url = NewsArticlePageFactory(title="Tin có đường dẫn").url
    client = client_for(portal_a)
    kept(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            index = NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi")
            index.title = "Tin tức và sự kiện"
            index.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Tin tức và sự kiện" in html  # breadcrumbs and menu


def test_suspending_a_portal_stops_it_at_once(portal_a, django_capture_on_commit_callbacks):
    from tenants.models import Portal
    from tenants.provisioning import change_status

    client = client_for(portal_a)
    kept(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        change_status(portal_a, Portal.Status.SUSPENDED, actor="test")
    assert client.get("/").status_code == 404
