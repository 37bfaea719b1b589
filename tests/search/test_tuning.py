"""Synonyms a board edits and best bets it pins (issue #18), applied on both backends."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from search.backends.base import SearchQuery
from search.indexing import rebuild_portal
from search.models import SearchTuning
from search.tuning import alternatives, parse_synonyms
from tests.news.factories import NewsArticlePageFactory
from tests.support.accounts import local_user
from tests.support.admin import admin_client, assert_refused, signed_in
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def _articles(portal):
    with schema_context(portal.schema_name):
        first = NewsArticlePageFactory(
            title="Ủy ban nhân dân tỉnh họp phiên thường kỳ", summary="Phiên họp tháng Mười."
        )
        second = NewsArticlePageFactory(
            title="Kết quả chấm điểm cải cách hành chính", summary="Chỉ số năm 2025."
        )
        second.path_url = second.url
        return first, second


def test_alternatives_replace_each_synonym_typed():
    groups = parse_synonyms("UBND, Ủy ban nhân dân\nCCHC, cải cách hành chính\nmột từ")
    assert alternatives("ubnd tinh", groups) == ["Ủy ban nhân dân tinh"]
    assert alternatives("uy ban nhan dan hop", groups) == ["UBND hop"]
    assert alternatives("học phí", groups) == []


def test_the_default_synonyms_find_the_long_form(portal_a):
    first, second = _articles(portal_a)
    client = client_for(portal_a)
    titles = [h.title for h in client.get("/tim-kiem/", {"q": "UBND tỉnh"}).context["hits"]]
    assert titles == [first.title]
    titles = [h.title for h in client.get("/tim-kiem/", {"q": "cchc"}).context["hits"]]
    assert titles == [second.title]


def test_a_board_edits_its_synonyms_and_pins_a_best_bet(portal_a, portal_b):
    first, second = _articles(portal_a)
    client = admin_client(portal_a)
    response = client.post("/admin/tim-kiem/tu-khoa/", {
        "synonyms": "phiên họp, hội nghị",
        "best_bets": "điểm cải cách, par index => " + second.path_url,
    })
    assert response.status_code == 302
    assert SearchTuning.objects.get(portal=portal_a.schema_name).synonyms == "phiên họp, hội nghị"
    visitor = client_for(portal_a)
    hits = visitor.get("/tim-kiem/", {"q": "hội nghị thường kỳ"}).context["hits"]
    assert [h.title for h in hits] == [first.title]
    # The defaults were replaced: UBND no longer finds the long form.
    assert not visitor.get("/tim-kiem/", {"q": "UBND"}).context["hits"]
    response = visitor.get("/tim-kiem/", {"q": "Diem cai cach"})
    assert response.context["best_bet"].title == second.title
    assert "Kết quả được đề xuất" in response.content.decode()
    # Another portal keeps its own words.
    assert client_for(portal_b).get("/tim-kiem/", {"q": "diem cai cach"}).context["best_bet"] is None


def test_synonyms_on_the_search_server(server_backend, portal_a):
    first, _second = _articles(portal_a)
    rebuild_portal(portal_a)
    query = SearchQuery(text="UBND tỉnh", portal=portal_a.schema_name)
    assert not server_backend.search(query).hits
    query.alternatives = ("Ủy ban nhân dân tỉnh",)
    assert [h.title for h in server_backend.search(query).hits] == [first.title]


def test_only_the_board_edits_the_search_words(portal_a):
    editor = signed_in(portal_a, local_user(portal_a, "bientap.tukhoa", "Biên tập viên"))
    assert_refused(editor.get("/admin/tim-kiem/tu-khoa/"))
    assert_refused(editor.post("/admin/tim-kiem/tu-khoa/", {"synonyms": "a, b", "best_bets": ""}))
    assert not SearchTuning.objects.filter(portal=portal_a.schema_name).exists()
    board = signed_in(portal_a, local_user(portal_a, "pheduyet.tukhoa", "Thành viên Ban Biên tập"))
    assert board.get("/admin/tim-kiem/tu-khoa/").status_code == 200
