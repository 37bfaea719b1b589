"""/en/ on every portal: the English tree, the language switcher, hreflang, English UI."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django_tenants.utils import schema_context

from wagtail.models import Locale, Page

from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def switcher(html: str) -> dict[str, str]:
    """hreflang → href of the language switcher's links."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    return dict(
        (code, href)
        for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0))
    )


def alternates(html: str) -> dict[str, str]:
    return {
        code: href
        for code, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    }


@pytest.mark.parametrize("code", ["tinhthu", "soa", "xab"])
def test_every_portal_has_its_english_home_and_required_sections(code):
    from tenants.models import Portal

    portal = Portal.objects.get(code=code)
    browser = client_for(portal)
    home = browser.get("/en/")
    assert home.status_code == 200
    html = home.content.decode()
    assert html_lang(html) == "en"
    # The English menu holds the sections the law wants in English, with English slugs.
    assert 'href="/en/introduction/"' in html and ">Introduction<" in html
    assert 'href="/en/contacts/"' in html and ">Contacts<" in html
    assert 'href="/en/online-public-services/"' in html
    for path in ("/en/introduction/", "/en/contacts/", "/en/online-public-services/"):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert html_lang(page.content.decode()) == "en"
    # Neither the Vietnamese slug nor a prefixed copy is an English address (the first
    # draft's slug redirects to the English one).
    old = browser.get("/en/gioi-thieu/")
    assert old.status_code == 404 or old["Location"] == "/en/introduction/"
    assert browser.get("/en/en-gioi-thieu/").status_code == 404
    # Vietnamese stays unprefixed.
    assert html_lang(browser.get("/gioi-thieu/").content.decode()) == "vi"


def test_switcher_goes_to_the_same_page_in_the_other_language_and_back(portal_a):
    browser = client_for(portal_a)
    vi = browser.get("/gioi-thieu/").content.decode()
    assert switcher(vi) == {"en": "/en/introduction/"}
    host = f"http://{portal_a.primary_domain}"
    assert alternates(vi) == {
        "vi": f"{host}/gioi-thieu/", "x-default": f"{host}/gioi-thieu/",
        "en": f"{host}/en/introduction/",
    }
    en = browser.get("/en/introduction/").content.decode()
    assert switcher(en) == {"vi": "/gioi-thieu/"}
    assert alternates(en)["vi"] == f"{host}/gioi-thieu/"


def test_a_page_without_english_says_so_and_keeps_the_way_back(portal_a):
    browser = client_for(portal_a)
    html = browser.get("/tin-tuc/").content.decode()
    assert switcher(html) == {"en": "/en/?tu-trang=%2Ftin-tuc%2F"}
    assert "(this page is not available in English; the link goes to" in html
    assert 'aria-describedby="language-missing-en"' in html
    # Not the same page, so no hreflang alternate for English.
    assert "en" not in alternates(html)
    # On the English page, the switch back leads to the page the visitor came from.
    english = browser.get("/en/", {"tu-trang": "/tin-tuc/"}).content.decode()
    assert switcher(english) == {"vi": "/tin-tuc/"}
    assert "en" in alternates(english) and "vi" not in alternates(english)
    # Only an address of this site is a way back.
    for foreign in ("https://example.com/", "//example.com/", "/\\example.com", "javascript:alert(1)"):
        other = browser.get("/en/", {"tu-trang": foreign})
        assert other.status_code == 200
        assert switcher(other.content.decode()) == {"vi": "/"}, foreign


def test_a_page_without_english_offers_its_nearest_english_ancestor(portal_a):
    from tests.introduction.factories import HistoryCulturePageFactory

    page = HistoryCulturePageFactory(portal=portal_a, title="Lịch sử đấu tranh cách mạng")
    with schema_context(portal_a.schema_name):
        page_url = page.get_url()
        parent = page.get_parent()
        parent_en = Page.objects.get(translation_key=parent.translation_key, locale__language_code="en")
        parent_url = parent_en.get_url()
    assert parent.depth >= 3 and parent_url != "/en/"
    html = client_for(portal_a).get(page_url).content.decode()
    assert switcher(html)["en"] == parent_url + "?tu-trang=" + quote(page_url, safe="")
    assert f"the link goes to “{parent_en.title}”" in html


def test_search_has_an_english_address_and_switches_with_the_query(portal_a):
    browser = client_for(portal_a)
    vi = browser.get("/tim-kiem/", {"q": "kế hoạch"}).content.decode()
    assert switcher(vi)["en"] == "/en/search/?q=k%E1%BA%BF+ho%E1%BA%A1ch"
    en = browser.get("/en/search/", {"q": "plan"})
    assert en.status_code == 200
    html = en.content.decode()
    assert html_lang(html) == "en"
    assert 'action="/en/search/"' in html


def test_english_pages_use_the_english_catalogue(portal_a):
    html = client_for(portal_a).get("/en/").content.decode()
    assert ">Home<" in html  # {% translate "Trang chủ" %}
    assert "Skip to main content" in html or "Skip to content" in html
    assert "Trang chủ" not in html
    vi = client_for(portal_a).get("/").content.decode()
    assert ">Trang chủ<" in vi


def test_english_home_carries_the_portal_english_name(db):
    from tenants.provisioning import PortalSpec
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(
        code="soanh", name="Sở Thử Tiếng Anh", name_en="Test Department", kind="department",
    ))
    html = client_for(portal).get("/en/").content.decode()
    assert "Test Department</title>" in html and "Sở Thử" not in html
    with schema_context(portal.schema_name):
        en = Locale.objects.get(language_code="en")
        home = Page.objects.get(depth=2, locale=en)
        assert home.title == "Test Department" and home.live
        from languages.status import State, portal_report

        # Born in step: nothing to translate on a new portal's English skeleton.
        assert {row.state for row in portal_report(kind="department")} == {State.UP_TO_DATE}
        assert sorted(home.get_children().live().values_list("slug", flat=True)) == [
            "contacts", "introduction", "online-public-services",
        ]


def test_migrate_platform_gives_existing_portals_the_english_tree(portal_b):
    from tenants.provisioning import sync_portal_schemas

    with schema_context(portal_b.schema_name):
        en = Locale.objects.get(language_code="en")
        Page.objects.get(depth=3, locale=en, slug="contacts").delete()
    assert client_for(portal_b).get("/en/contacts/").status_code == 404
    sync_portal_schemas()
    assert client_for(portal_b).get("/en/contacts/").status_code == 200


def test_sitemap_lists_the_english_pages_too(portal_a):
    xml = client_for(portal_a).get("/sitemap.xml").content.decode()
    host = f"http://{portal_a.primary_domain}"
    assert f"<loc>{host}/gioi-thieu/</loc>" in xml
    assert f"<loc>{host}/en/introduction/</loc>" in xml
    assert f"<loc>{host}/en/</loc>" in xml


def test_switcher_round_trips_on_every_required_page_type(province):
    """With the demo's introduction and contacts in both languages, every English page and
    its Vietnamese source link to each other, whatever the page type."""
    from demo.contacts import load_demo_content as load_contacts
    from demo.introduction import load_demo_content as load_introduction
    from demo.languages import load_demo_content as load_english
    from languages.required import required_pages

    with schema_context(province.schema_name):
        load_introduction(province)
        load_contacts(province)
        load_english(province)
        en = Locale.objects.get(language_code="en")
        pairs = []
        for page in required_pages(kind=province.kind):
            english = page.get_translation(en)
            assert english.live, page.title
            pairs.append((type(page).__name__, page.url, english.url))
    types = {name for name, _vi, _en in pairs}
    assert {
        "HomePage", "IntroductionIndexPage", "OrganisationPage", "LeadersPage",
        "AdministrativeMapPage", "NaturalConditionsPage", "HistoryCulturePage", "ContactsPage",
    } <= types
    browser = client_for(province)
    for name, vi_url, en_url in pairs:
        assert en_url.startswith("/en/") and not re.search(r"/en/.*(gioi-thieu|lien-he|co-cau)", en_url)
        vi_html = browser.get(vi_url).content.decode()
        en_response = browser.get(en_url)
        assert en_response.status_code == 200, (name, en_url)
        en_html = en_response.content.decode()
        assert switcher(vi_html)["en"] == en_url, name
        assert switcher(en_html)["vi"] == vi_url, name
        assert html_lang(en_html) == "en" and html_lang(vi_html) == "vi"
    # Real English text, not the Vietnamese fallen back on.
    leaders = browser.get("/en/introduction/leadership/").content.decode()
    assert "Chairman of the Provincial People" in leaders
    assert "Chủ tịch" not in leaders


@pytest.mark.parametrize("path", ["/tin-tuc/", "/van-ban/", "/hoi-dap/", "/lay-y-kien/"])
def test_sections_without_english_switch_to_the_english_home(portal_a, path):
    response = client_for(portal_a).get(path)
    assert response.status_code == 200, path
    assert switcher(response.content.decode()) == {"en": "/en/?tu-trang=" + quote(path, safe="")}


def test_the_browser_language_does_not_switch_the_site_or_the_admin(portal_a, make_local_user):
    from wagtail.users.models import UserProfile

    browser = client_for(portal_a)
    # An English browser still gets the Vietnamese site at Vietnamese addresses.
    vi = browser.get("/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert html_lang(vi.content.decode()) == "vi"
    assert "Accept-Language" not in vi.get("Vary", "")

    user = make_local_user(portal_a, "btv.ngonngu", is_superuser=True)
    with schema_context(portal_a.schema_name):
        browser.force_login(user)
    admin = browser.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Bảng điều khiển" in admin or "Trang" in admin
    assert "Dashboard" not in admin
    # An editor who chooses English in their profile gets the English admin.
    with schema_context(portal_a.schema_name):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    admin = browser.get("/admin/").content.decode()
    assert "Dashboard" in admin


def test_english_services_are_those_foreigners_can_use(province):
    from demo.languages import load_demo_content as load_english
    from demo.services import load_demo_content as load_services
    from languages.required import required_pages
    from services.models import PublicServicePage

    with schema_context(province.schema_name):
        load_services(province)
        load_english(province)
        required = {p.pk for p in required_pages(kind=province.kind)}
        services = PublicServicePage.objects.filter(locale__language_code="vi")
        assert {s.pk for s in services if s.for_foreigners} <= required
        assert not {s.pk for s in services if not s.for_foreigners} & required
    html = client_for(province).get("/en/online-public-services/").content.decode()
    assert "Temporary residence cards for foreigners" in html or "temporary residence card" in html.lower()
    assert "Public Security" in html  # the sector's English name
    assert "Cấp thẻ tạm trú" not in html
    page = client_for(province).get("/en/online-public-services/temporary-residence-cards-for-foreigners/")
    assert page.status_code == 200
    assert switcher(page.content.decode())["vi"] == "/dich-vu-cong/the-tam-tru-nguoi-nuoc-ngoai/"
    html = page.content.decode()
    # "Có" of a yes/no answer is "Yes" (not the "New" of another message), and the two dates
    # of the page have labels of their own.
    assert re.search(r"Usable by foreigners</th><td>Yes</td>", html)
    assert "Date posted:" in html
    assert "Publication date" not in html


def test_english_pages_give_phone_numbers_with_the_country_code(portal_a):
    from tests.contacts.factories import PortalContactSettingsFactory

    with schema_context(portal_a.schema_name):
        from contacts.models import PortalContactSettings

        PortalContactSettings.objects.all().delete()
    PortalContactSettingsFactory(portal=portal_a, phone="0213 3876 543", fax="(0213) 3876 544",
                                 hotline="1900 1234")
    browser = client_for(portal_a)
    english = browser.get("/en/").content.decode().split("<footer", 1)[1]
    assert '<a href="tel:+842133876543">+84 213 3876 543</a>' in english
    assert "+84 213 3876 544" in english
    assert ">1900 1234</a>" in english  # a hotline only works inside Viet Nam: as it is
    vietnamese = browser.get("/").content.decode().split("<footer", 1)[1]
    assert '<a href="tel:+842133876543">0213 3876 543</a>' in vietnamese


def test_search_finds_pages_in_the_language_it_is_made_in(portal_a):
    from languages.sync import publish_latest, start_translation
    from search.models import SearchDocument
    from tests.introduction.factories import OrganisationPageFactory
    from tests.news.factories import NewsArticlePageFactory

    with schema_context(portal_a.schema_name):
        organisation = OrganisationPageFactory(
            title="Cơ cấu tổ chức", slug="co-cau-to-chuc", summary="Các phòng chuyên môn.",
            publish=True,
        )
        translation = start_translation(organisation, strings={
            "title": "Organisation", "slug": "organisation",
            "summary": "Officials and telephone numbers of each division.",
        })
        publish_latest(translation.get_target_instance())
        NewsArticlePageFactory(
            title="Officials telephone survey", slug="officials-survey", summary="Khảo sát."
        )
    # The English page is indexed as English, with English labels and the English name.
    document = SearchDocument.objects.get(portal=portal_a.schema_name, title="Organisation")
    assert document.language == "en" and document.url.endswith("/en/introduction/organisation/")
    assert document.type_label.isascii()
    browser = client_for(portal_a)
    english = browser.get("/en/search/", {"q": "officials telephone"}).content.decode()
    assert "/en/introduction/organisation/" in english
    assert "/tin-tuc/officials-survey/" not in english  # a page of the Vietnamese tree
    vietnamese = browser.get("/tim-kiem/", {"q": "officials telephone"}).content.decode()
    assert "/tin-tuc/officials-survey/" in vietnamese
    assert "/en/introduction/organisation/" not in vietnamese
    suggestions = browser.get("/en/search/goi-y/", {"q": "organis"}).json()["suggestions"]
    assert [s["url"] for s in suggestions] == [
        f"http://{portal_a.primary_domain}/en/introduction/organisation/"
    ]
