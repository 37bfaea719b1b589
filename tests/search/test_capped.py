"""The embedded backend past COUNT_CAP matches, through the public search page: the count
says “more than”, pages reach the best candidates, and the ranking guarantees hold
(exact diacritics first, title above body, newest first among equals) even when the best
match is older than every other one. The documents go straight into the index (what a
portal's pages would put there), so a thousand of them cost no page saves."""

from __future__ import annotations

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.backends import postgres
from search.backends.base import (
    COUNT_CAP,
    IndexedDocument,
    SearchQuery,
    SearchResults,
    document_id,
)
from search.backends.postgres import PostgresSearchBackend
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

LEGAL_DOCUMENT = "legaldocs.legaldocumentpage"
NEWS_ARTICLE = "news.newsarticlepage"

WIDE = {"pham-vi": "tinh"}
MANY = COUNT_CAP + 200


def doc(portal, pk: int, title: str, age: timedelta, **fields) -> IndexedDocument:
    content_type = fields.pop("content_type", NEWS_ARTICLE)
    return IndexedDocument(
        portal=portal.schema_name,
        portal_code=portal.code,
        portal_name=portal.name,
        portal_kind=portal.kind,
        content_type=content_type,
        object_id=pk,
        title=title,
        url=portal.url(f"/tin-tuc/{pk}/"),
        type_label="Văn bản" if content_type == LEGAL_DOCUMENT else "Tin bài",
        date=timezone.now() - age,
        **fields,
    )


def index(documents: list[IndexedDocument]) -> None:
    PostgresSearchBackend().index_documents(documents)


def search(portal, **params):
    response = client_for(portal).get("/tim-kiem/", params)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["hits"]]


@pytest.fixture
def crowd(province, portal_a, portal_b):
    """MANY recent notices on the three portals that fold to “ban hang”, none of them
    with “bán hàng” as written; and one old market story that has it."""
    portals = (province, portal_a, portal_b)
    index(
        [
            doc(
                portals[n % 3],
                10_000 + n,
                f"Quy định ban hành hàng hóa số {n}",
                timedelta(minutes=n),
                summary="Thông báo của cơ quan.",
                content_type=LEGAL_DOCUMENT if n % 4 == 0 else NEWS_ARTICLE,
            )
            for n in range(MANY)
        ]
    )
    index([doc(portal_b, 1, "Phiên chợ bán hàng nông sản", timedelta(days=800))])


def test_past_the_cap_the_count_says_more_than_and_exact_diacritics_still_come_first(crowd, province):
    response = search(province, q="bán hàng", **WIDE)
    context = response.context
    assert context["capped"] is True
    assert context["total"] == COUNT_CAP
    html = response.content.decode()
    assert "Hơn 1.000 kết quả cho “bán hàng”" in html
    assert "kết quả phù hợp nhất" in html
    # The only match written “bán hàng” is the oldest of all, and still first.
    assert titles(response)[0] == "Phiên chợ bán hàng nông sản"
    # The others rank equally: newest first.
    dates = [hit.date for hit in context["hits"][1:]]
    assert dates == sorted(dates, reverse=True)
    assert titles(response)[1] == "Quy định ban hành hàng hóa số 0"


def test_pages_reach_the_best_candidates_without_repeating_any(crowd, province):
    first = search(province, q="ban hang", **WIDE)
    reachable = first.context["reachable"]
    assert 10 < reachable <= COUNT_CAP
    pages = -(-reachable // 10)
    assert first.context["results"].paginator.num_pages == pages
    assert f"Trang 1/{pages}" in first.content.decode()
    seen = set(titles(first))
    second = search(province, q="ban hang", trang=2, **WIDE)
    assert len(titles(second)) == 10 and not seen & set(titles(second))
    last = search(province, q="ban hang", trang=pages, **WIDE)
    assert 1 <= len(titles(last)) <= 10
    # Past the last page: the last page again.
    beyond = search(province, q="ban hang", trang=pages + 5, **WIDE)
    assert titles(beyond) == titles(last)


def test_a_title_match_ranks_above_newer_body_matches(province, portal_a, portal_b):
    portals = (province, portal_a, portal_b)
    index(
        [
            doc(
                portals[n % 3],
                20_000 + n,
                f"Thông báo lịch tiếp công dân số {n}",
                timedelta(minutes=n),
                body="Đường đến bản đi qua cầu treo mới sửa.",
            )
            for n in range(MANY)
        ]
    )
    index([doc(portal_a, 2, "Khánh thành cầu treo bản Mường", timedelta(days=900))])
    response = search(province, q="cau treo", **WIDE)
    assert response.context["capped"] is True
    assert titles(response)[0] == "Khánh thành cầu treo bản Mường"
    assert titles(response)[1:4] == [f"Thông báo lịch tiếp công dân số {n}" for n in range(3)]


def test_facets_past_the_cap_count_the_newest_matches_and_say_so(crowd, province):
    response = search(province, q="ban hang", **WIDE)
    facets = response.context["facets"]
    sample = response.context["facet_sample"]
    assert 0 < sample <= response.context["reachable"]
    # (Other pages of the test portals may match too: at least ours are counted.)
    assert {f.value for f in facets["type"]} >= {NEWS_ARTICLE, LEGAL_DOCUMENT}
    assert sum(f.count for f in facets["type"]) == sample
    assert {f.value for f in facets["portal"]} >= {"tinhthu", "soa", "xab"}
    assert f"Số lượng đếm trong {sample} kết quả mới nhất." in response.content.decode()

    # One type: its own results and count; the type facet still counts every type.
    documents = search(province, q="ban hang", loai=LEGAL_DOCUMENT, **WIDE)
    hits = documents.context["hits"]
    assert hits and {h.content_type for h in hits} == {LEGAL_DOCUMENT}
    assert documents.context["capped"] is False
    assert documents.context["total"] == len(range(0, MANY, 4))
    assert {f.value for f in documents.context["facets"]["type"]} >= {
        NEWS_ARTICLE,
        LEGAL_DOCUMENT,
    }
    assert f"{len(range(0, MANY, 4))} kết quả cho “ban hang”" in documents.content.decode()


def test_under_the_cap_counts_are_exact_and_no_note_is_shown(crowd, province):
    response = search(province, q="phiên chợ nông sản", **WIDE)
    context = response.context
    assert context["capped"] is False
    assert context["facet_sample"] == 0
    assert "Phiên chợ bán hàng nông sản" in titles(response)
    assert context["total"] == context["reachable"] == len(titles(response))
    html = response.content.decode()
    assert f"{context['total']} kết quả cho “phiên chợ nông sản”" in html
    assert "Hơn" not in html and "Số lượng đếm trong" not in html


def test_number_lookup_stays_exact_among_many(crowd, province, portal_a):
    number = {"number": "4317/2025/QĐ-UBND", "number_key": "4317/2025/qd-ubnd"}
    index(
        [
            doc(
                portal_a,
                3,
                "4317/2025/QĐ-UBND Quy định ban hành hàng hóa",
                timedelta(days=30),
                content_type=LEGAL_DOCUMENT,
                facets=number,
            )
        ]
    )
    response = search(province, q="4317/2025/QĐ-UBND", **WIDE)
    assert response.context["number_match"] is True
    assert [h.facets["number"] for h in response.context["hits"]] == ["4317/2025/QĐ-UBND"]


def test_past_the_cap_each_portal_still_sees_only_its_own(crowd, province, portal_a):
    own = search(province, q="ban hang")
    assert {h.portal_code for h in own.context["hits"]} == {"tinhthu"}
    member = search(portal_a, q="ban hang", **WIDE)  # the scope is ignored on a member
    assert {h.portal_code for h in member.context["hits"]} == {"soa"}
    assert member.context["can_search_province"] is False

    index([doc(portal_a, 30_000 + n, f"Bán hàng online {n}", timedelta(hours=n)) for n in range(MANY)])
    crowded = search(portal_a, q="ban hang")
    assert crowded.context["capped"] is True
    assert {h.portal_code for h in crowded.context["hits"]} == {"soa"}
    assert {f.value for f in crowded.context["facets"]["portal"]} == {"soa"}


def test_autocomplete_among_many_puts_the_text_as_written_first(crowd, province):
    response = client_for(province).get("/tim-kiem/goi-y/", {"q": "bán hàng", "pham-vi": "tinh"})
    suggestions = [s["title"] for s in response.json()["suggestions"]]
    assert suggestions[0] == "Phiên chợ bán hàng nông sản"
    assert len(suggestions) == 8


# When the planner expects a fifth of the scope or more to match, and at least twice the
# cap, the count past the cap walks the newest rows instead of the text index.
DENSE = 2 * COUNT_CAP + 600


def analyze() -> None:
    # What autovacuum does after many writes: the planner's estimates decide the count.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE public.search_document")


def wide_search(text: str, **fields) -> tuple[SearchResults, list[str]]:
    query = SearchQuery(text=text, portal=None, language="vi", **fields)
    with CaptureQueriesContext(connection) as captured:
        results = PostgresSearchBackend().search(query)
    return results, [q["sql"] for q in captured.captured_queries]


def walked(statements: list[str]) -> bool:
    return any("row_number() OVER" in sql for sql in statements)


def through_text_index(statements: list[str]) -> bool:
    return any(sql.startswith("WITH m AS MATERIALIZED") for sql in statements)


def outcome(results: SearchResults) -> tuple:
    return (
        results.capped,
        results.total,
        results.reachable,
        results.facet_sample,
        [hit.id for hit in results.hits],
        results.facets,
    )


@pytest.fixture
def common_word(province, portal_a):
    """DENSE recent notices on two portals, every one with “vùng cao”, a quarter of them
    documents."""
    index(
        [
            doc(
                province if n % 2 else portal_a,
                40_000 + n,
                f"Tin vùng cao số {n}",
                timedelta(minutes=n),
                summary="Mùa xuân trên bản.",
                content_type=LEGAL_DOCUMENT if n % 4 == 0 else NEWS_ARTICLE,
            )
            for n in range(DENSE)
        ]
    )
    analyze()


def test_a_common_word_is_counted_by_walking_the_newest_rows_with_the_same_results(
    common_word, province, monkeypatch
):
    results, statements = wide_search("vung cao")
    assert walked(statements) and not through_text_index(statements)
    assert results.capped and results.total == COUNT_CAP
    # The same search counted through the text index finds the same page and facets.
    monkeypatch.setattr(postgres, "DENSE_SHARE", 2.0)
    indexed, statements = wide_search("vung cao")
    assert through_text_index(statements) and not walked(statements)
    assert outcome(results) == outcome(indexed)
    # One type: a third of the cap's rows and more match; the same either way too.
    monkeypatch.setattr(postgres, "DENSE_SHARE", 0.2)
    one_type, statements = wide_search("vung cao", content_type=LEGAL_DOCUMENT)
    assert {hit.content_type for hit in one_type.hits} == {LEGAL_DOCUMENT}
    monkeypatch.setattr(postgres, "DENSE_SHARE", 2.0)
    assert outcome(one_type) == outcome(wide_search("vung cao", content_type=LEGAL_DOCUMENT)[0])
    # What the page says of it.
    response = search(province, q="vùng cao", **WIDE)
    assert "Hơn 1.000 kết quả cho “vùng cao”" in response.content.decode()


def test_when_the_newest_rows_do_not_match_the_text_index_counts_after_all(province, portal_a):
    """Matches the planner expects to be many, all older than the rows a walk reads."""
    index(
        [
            doc(portal_a, 50_000 + n, f"Sông suối mùa lũ {n}", timedelta(days=400, minutes=n))
            for n in range(DENSE)
        ]
        + [doc(province, 60_000 + n, f"Thông báo lịch họp {n}", timedelta(minutes=n)) for n in range(DENSE)]
    )
    analyze()
    results, statements = wide_search("suoi")
    assert walked(statements) and through_text_index(statements)
    assert results.capped and results.total == COUNT_CAP
    assert results.hits and all("Sông suối mùa lũ" in hit.title for hit in results.hits)
    response = search(province, q="suối", **WIDE)
    assert "Hơn 1.000 kết quả cho “suối”" in response.content.decode()


def written_both_ways(province, portal_a, old_exact_age: timedelta = timedelta(0)) -> None:
    """DENSE notices that fold to “ban hang”, one in ten written “bán hàng”: the newest
    matches hold a few of those, and there are many more further back (from
    `old_exact_age` on, past the newest three hundred rows)."""
    index(
        [
            doc(
                province if n % 2 else portal_a,
                70_000 + n,
                f"{'Phiên chợ bán hàng' if n % 10 == 0 else 'Quy định ban hành hàng hóa'} số {n}",
                timedelta(minutes=n) + (old_exact_age if n % 10 == 0 and n >= 300 else timedelta(0)),
                summary="Thông báo của cơ quan.",
            )
            for n in range(DENSE)
        ]
    )
    analyze()


def windowed(statements: list[str]) -> bool:
    return any("WITH windowed AS MATERIALIZED" in sql for sql in statements)


@pytest.mark.parametrize("old_exact_age", [timedelta(0), timedelta(days=400)], ids=["near", "far back"])
def test_the_exact_look_back_reads_the_span_the_newest_matches_suggest(
    province, portal_a, monkeypatch, old_exact_age
):
    """The newest exact-diacritic matches are looked for among the recent rows the newest
    matches point to; where too few are there (“far back”), among all: the same results
    as reading every exact match."""
    written_both_ways(province, portal_a, old_exact_age)
    results, statements = wide_search("bán hàng")
    assert windowed(statements)
    assert results.capped
    assert all(hit.title.startswith("Phiên chợ bán hàng") for hit in results.hits)
    monkeypatch.setattr(postgres, "_lookback_start", lambda *args: None)
    every, statements = wide_search("bán hàng")
    assert not windowed(statements)
    assert outcome(results) == outcome(every)
    # The pool holds the newest hundred exact matches, beyond the newest matches' thirty.
    assert results.reachable == every.reachable >= 300 + 70


def test_few_expected_matches_are_all_read_once_with_the_same_results(crowd, province, monkeypatch):
    """Past the cap, but few enough for the planner to expect them all in one read: the
    count reads every match with its date, and the pool ranks the newest it found without
    looking for them again; the same page, counts and facets as the capped count gives."""
    analyze()
    results, statements = wide_search("ban hang")
    assert any("::tid[]" in sql for sql in statements)
    assert results.capped and results.total == COUNT_CAP
    monkeypatch.setattr(postgres, "FULL_READ_EXPECTED", 0)
    capped, statements = wide_search("ban hang")
    assert not any("::tid[]" in sql for sql in statements)
    assert outcome(results) == outcome(capped)


def test_the_newest_matches_a_walk_met_while_counting_are_ranked_without_walking_again(
    common_word, monkeypatch
):
    results, statements = wide_search("vung cao")
    assert sum("row_number() OVER" in sql for sql in statements) == 1
    assert any("::tid[]" in sql for sql in statements)
    # Forgetting them, the pool walks the newest rows again: the same results.
    counted = postgres._Finder._count_walking

    def forgetting(finder, where):
        found = counted(finder, where)
        finder._newest_known.clear()
        return found

    monkeypatch.setattr(postgres._Finder, "_count_walking", forgetting)
    again, statements = wide_search("vung cao")
    assert not any("::tid[]" in sql for sql in statements)
    assert outcome(results) == outcome(again)


def test_a_type_under_the_cap_among_many_more_matches_takes_its_facets_without_counting_them(
    crowd, province, monkeypatch
):
    """The documents among MANY matches are under the cap: when the planner expects far
    more matches of every type than the cap, those are not counted (the count would stop
    at the cap); the type and portal facets count the newest at once: the same page, count
    and facets as counting first."""
    analyze()
    counted, statements = wide_search("ban hang", content_type=LEGAL_DOCUMENT)
    counts = [sql for sql in statements if sql.startswith("WITH m AS MATERIALIZED")]
    assert len(counts) == 2  # the documents', then every type's
    assert not counted.capped and counted.total == len(range(0, MANY, 4))
    assert 0 < counted.facet_sample <= postgres.FACET_SAMPLE
    monkeypatch.setattr(postgres, "FACET_PROBE_EXPECTED", COUNT_CAP // 2)
    sampled, statements = wide_search("ban hang", content_type=LEGAL_DOCUMENT)
    assert [sql for sql in statements if sql.startswith("WITH m AS MATERIALIZED")] == counts[:1]
    assert outcome(sampled) == outcome(counted)


def test_exact_diacritics_are_ranked_where_the_title_holds_some_of_the_words(
    province, portal_a, monkeypatch
):
    """`exact` is read only where `ranked` holds some of the words: a title with two of the
    three words as written still ranks above a newer one with them folded only, as when
    `exact` is ranked for every match."""
    index(
        [
            doc(portal_a, 90_001, "Phiên chợ bán hàng", timedelta(days=3), body="Nông sản vùng cao."),
            doc(portal_a, 90_002, "Lịch họp ban hàng tuần", timedelta(days=2), body="Nông sản."),
            doc(portal_a, 90_003, "Tin mùa xuân", timedelta(days=1), body="Bán hàng nông sản."),
        ]
    )
    query = SearchQuery(text="bán hàng nông sản", portal=portal_a.schema_name, language="vi")
    gated = PostgresSearchBackend().search(query)
    every_row = (
        f"ts_rank(d.ranked, {postgres.FOLDED_QUERY}) + 2 * ts_rank(d.exact, {postgres.EXACT_QUERY}) + "
        "CASE WHEN strpos(lower(d.title), lower(%(text)s)) > 0 THEN 1 ELSE 0 END"
    )
    monkeypatch.setattr(postgres, "RANK", every_row)
    ungated = PostgresSearchBackend().search(query)
    ids = [hit.id for hit in gated.hits]
    assert ids == [hit.id for hit in ungated.hits]
    written, folded = (document_id(portal_a.schema_name, NEWS_ARTICLE, pk) for pk in (90_001, 90_002))
    assert ids.index(written) < ids.index(folded)
