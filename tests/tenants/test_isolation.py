"""Nothing of portal A — pages, documents, media, users, sessions, cache — is reachable
through portal B's domains."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.core.cache import cache

from wagtail.documents.models import Document
from wagtail.models import Page

from tenants.current import is_public
from tests.news.factories import NewsArticlePageFactory
from tests.support.accounts import PASSWORD
from tests.support.factories import DocumentFactory
from tests.support.portals import client_for


def test_a_page_of_portal_a_is_not_served_on_portal_b(portal_a, portal_b):
    NewsArticlePageFactory(portal=portal_a, title="Trang riêng của Sở A", slug="bi-mat")
    assert client_for(portal_a).get("/tin-tuc/bi-mat/").status_code == 200
    response = client_for(portal_b).get("/tin-tuc/bi-mat/")
    assert response.status_code == 404
    assert "Trang riêng của Sở A" not in response.content.decode()


def test_page_ids_repeat_across_schemas_without_mixing(portal_a, portal_b):
    page_a = NewsArticlePageFactory(portal=portal_a, title="Chỉ có ở A")
    with schema_context(portal_b.schema_name):
        same_id = Page.objects.filter(pk=page_a.pk).first()
    assert same_id is None or same_id.title != "Chỉ có ở A"


def test_documents_and_media_stay_on_their_portal(portal_a, portal_b, make_local_user):
    doc = DocumentFactory(
        portal=portal_a, title="Quyết định của Sở A", file__data=b"%PDF-1.4 noi dung cua so A",
        file__filename="quyet-dinh.pdf",
    )
    assert doc.file.name.startswith("documents/")
    with schema_context(portal_a.schema_name):
        # Stored under MEDIA_ROOT/<schema>/, and its URL names the schema.
        assert f"/{portal_a.schema_name}/documents/" in doc.file.path
        assert doc.file.url.startswith(f"/media/{portal_a.schema_name}/")
    with schema_context(portal_b.schema_name):
        assert not Document.objects.filter(title="Quyết định của Sở A").exists()

    served = client_for(portal_a).get(f"/documents/{doc.pk}/{doc.filename}")
    assert served.status_code == 200
    assert b"noi dung cua so A" in b"".join(served.streaming_content)

    # The same document URL on B finds nothing (B has no such document).
    assert client_for(portal_b).get(f"/documents/{doc.pk}/{doc.filename}").status_code == 404

    # The raw media path of A is refused on B, and on A the path cannot climb out.
    media_path = f"/media/{portal_a.schema_name}/{doc.file.name}"
    assert client_for(portal_a).get(media_path).status_code == 200
    assert client_for(portal_b).get(media_path).status_code == 404
    climbing = f"/media/{portal_b.schema_name}/../{portal_a.schema_name}/{doc.file.name}"
    assert client_for(portal_b).get(climbing).status_code == 404


def test_an_editor_of_portal_a_cannot_log_into_portal_b(portal_a, portal_b, make_local_user):
    make_local_user(portal_a, "bientap.soa", "Biên tập viên")
    browser_a = client_for(portal_a)
    response = browser_a.post("/admin/login/", {"username": "bientap.soa", "password": PASSWORD})
    assert response.status_code == 302
    assert browser_a.get("/admin/").status_code == 200

    browser_b = client_for(portal_b)
    response = browser_b.post("/admin/login/", {"username": "bientap.soa", "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in browser_b.session
    assert browser_b.get("/admin/").status_code == 302
    with schema_context(portal_b.schema_name):
        assert not User.objects.filter(username="bientap.soa").exists()


def test_a_session_of_portal_a_means_nothing_on_portal_b(portal_a, portal_b, make_local_user):
    # Same user id in both schemas, to show ids are not what keeps them apart.
    user_a = make_local_user(portal_a, "truongban.soa", "Trưởng Ban Biên tập")
    user_b = make_local_user(portal_b, "truongban.xab", "Trưởng Ban Biên tập", id=user_a.pk)
    assert user_a.pk == user_b.pk

    browser = client_for(portal_a)
    browser.post("/admin/login/", {"username": "truongban.soa", "password": PASSWORD})
    session_key = browser.cookies["sessionid"].value
    assert browser.get("/admin/").status_code == 200

    # Replaying A's session cookie on B's domain: B does not know that session.
    stolen = client_for(portal_b)
    stolen.cookies["sessionid"] = session_key
    response = stolen.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    with schema_context(portal_b.schema_name):
        from django.contrib.sessions.models import Session

        assert not Session.objects.filter(session_key=session_key).exists()


def test_cache_keys_carry_the_schema(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        cache.set("trang-chu", "noi dung A", 60)
        assert cache.get("trang-chu") == "noi dung A"
    with schema_context(portal_b.schema_name):
        assert cache.get("trang-chu") is None
    assert is_public()


def test_each_portal_has_its_own_wagtail_site(province, portal_a, portal_b):
    from wagtail.models import Site

    for portal in (province, portal_a, portal_b):
        with schema_context(portal.schema_name):
            sites = list(Site.objects.all())
            assert len(sites) == 1
            assert sites[0].hostname == portal.primary_domain
            assert sites[0].site_name == portal.name
            assert sites[0].root_page.specific.title == portal.name
