"""Finding people (issue #17): a department's director and the province chairman are found by
their title in the portal search, on both backends, with their telephone numbers; the
contacts page lists the leadership."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from search.backends.base import SearchQuery
from search.documents import document_for_page
from search.indexing import rebuild_portal
from tests.contacts.factories import ContactOfficialFactory
from tests.introduction.factories import LeaderFactory, LeadersPageFactory
from tests.support.factories import section_index
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def _leaders(portal):
    with schema_context(portal.schema_name):
        page = LeadersPageFactory(
            portal=portal,
            leaders=[
                LeaderFactory.build(full_name="Lò Văn Quyết", position="Giám đốc Sở",
                                    phone="0213 3876 111", email="giamdoc@soa.example.vn"),
                LeaderFactory.build(full_name="Tòng Thị Mai", position="Phó Giám đốc Sở",
                                    phone="0213 3876 112"),
            ],
        )
        page.path_url = page.url
        return page


def test_the_leaders_page_gives_each_leaders_phone_and_email(portal_a):
    page = _leaders(portal_a)
    html = client_for(portal_a).get(page.path_url).content.decode()
    assert 'href="tel:+842133876111">0213 3876 111</a>' in html
    assert 'href="mailto:giamdoc@soa.example.vn"' in html


def test_the_contacts_page_lists_the_leadership(portal_a):
    _leaders(portal_a)
    with schema_context(portal_a.schema_name):
        from contacts.models import ContactsPage

        contacts = section_index(ContactsPage)
        contacts.officials = [ContactOfficialFactory.build(full_name="Vàng A Sử")]
        contacts.save_revision().publish()
        contacts_url = contacts.url
    html = client_for(portal_a).get(contacts_url).content.decode()
    leadership = html.split('id="lanh-dao"', 1)[1].split("</section>", 1)[0]
    assert "Lò Văn Quyết" in leadership and "Giám đốc Sở" in leadership
    assert "0213 3876 111" in leadership
    assert "Vàng A Sử" in html.split('id="can-bo"', 1)[1]


def test_searching_a_title_finds_the_leader(portal_a):
    page = _leaders(portal_a)
    with schema_context(portal_a.schema_name):
        rebuild_portal(portal_a)
    for query in ("giám đốc", "giam doc", "Lò Văn Quyết", "3876 111"):
        response = client_for(portal_a).get("/tim-kiem/", {"q": query})
        urls = [hit.url for hit in response.context["hits"]]
        assert any(url.endswith(page.path_url) for url in urls), (query, urls)


def test_the_search_server_finds_the_director_too(server_backend, portal_a):
    page = _leaders(portal_a)
    with schema_context(portal_a.schema_name):
        server_backend.index_documents([document_for_page(page, portal_a)])
    server_backend.refresh()
    hits = server_backend.search(SearchQuery(text="giam doc", portal="soa")).hits
    assert [h.title for h in hits] == [page.title]
    assert [h.title for h in server_backend.search(SearchQuery(text="chủ tịch", portal="soa")).hits] == []
