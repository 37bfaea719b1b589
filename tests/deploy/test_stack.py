"""The production stack (tests/deploy/stack.py): nginx with the shipped configuration in
front of two gunicorn nodes on one database, one Redis and one media folder.

nginx: routing by host, the HTTPS redirect, static files with their cache headers, media
only through Django's check (X-Accel-Redirect), the 404 of an unknown host. Two nodes: a page
published through node A is fresh on node B, an upload through A downloads through B, a
session opened on A works on B.

Skipped without Debian's nginx, unless CONG_REQUIRE_NGINX is set (CI): then it fails.
"""

from __future__ import annotations

import hashlib
import re
import uuid

import pytest
from django_tenants.utils import schema_context

from tests.deploy.stack import Stack, start_stack, static_manifest, stop_stack
from tests.support.accounts import PASSWORD

pytestmark = pytest.mark.slow

SOA = "soa.laichau.test"
XAB = "xab.laichau.test"
ADMIN = "vanhanh.stack"


def remove_user(username: str) -> None:
    """The portal refuses to delete accounts (accounts.signals); the test's own goes."""
    from django.contrib.auth.models import User
    from django.db.models.signals import pre_delete

    from accounts.signals import refuse_user_deletion

    pre_delete.disconnect(refuse_user_deletion, sender=User)
    try:
        User.objects.filter(username=username).delete()
    finally:
        pre_delete.connect(refuse_user_deletion, sender=User)


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    """The stack, and what its nodes serve, committed to the test database (removed after)."""
    from django_tasks_db.models import DBTaskResult

    from django.contrib.auth.models import User
    from django.utils import timezone

    started_at = timezone.now()
    with django_db_blocker.unblock():
        with schema_context("soa"):
            remove_user(ADMIN)
            User.objects.create_user(ADMIN, password=PASSWORD, is_superuser=True, is_staff=True)
    running = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield running
    finally:
        stop_stack(running)
        with django_db_blocker.unblock():
            from wagtail.documents import get_document_model
            from wagtail.models import Page

            with schema_context("soa"):
                for page in Page.objects.filter(slug__startswith="tin-hai-may-"):
                    page.delete()
                get_document_model().objects.filter(title__startswith="Tải lên qua máy A").delete()
                remove_user(ADMIN)
            # Jobs the nodes enqueued (no worker ran here).
            DBTaskResult.objects.filter(enqueued_at__gte=started_at).delete()


@pytest.fixture(autouse=True)
def _stack_logs_on_failure(request, stack):
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(stack.logs())  # noqa: T201 - shown by pytest with the failure


def test_the_nodes_use_the_test_database(db, stack: Stack):
    # A safety check, and the one test here in a transaction: the others must not be, as
    # the nodes see only committed data. (It also makes pytest-django set up the database
    # when this module runs alone.)
    from django.db import connection

    name = connection.settings_dict["NAME"]
    assert name.startswith("test_")
    assert stack.env["DATABASE_URL"].split("?")[0].endswith(f"/{name}")


# --- nginx ---------------------------------------------------------------------------------


def test_each_host_reaches_its_own_portal(stack: Stack):
    soa = stack.https("GET", SOA, "/")
    assert soa.status == 200 and "Sở A" in soa.text
    xab = stack.https("GET", XAB, "/")
    assert xab.status == 200 and "Xã B" in xab.text
    # A unit's extra domain serves the same portal.
    old = stack.https("GET", "cu-soa.example.vn", "/")
    assert old.status == 200 and "Sở A" in old.text
    # Behind nginx the application knows the request came over HTTPS (from a trusted proxy).
    assert "max-age=31536000" in soa.header("Strict-Transport-Security")
    assert re.fullmatch(r"[0-9a-f]{32}", soa.header("X-Request-ID"))  # nginx's $request_id


def test_unknown_hosts_get_the_plain_404(stack: Stack):
    for host in ("khong-co.laichau.test", "khong-co.example.vn"):
        response = stack.https("GET", host, "/")
        assert response.status == 404
        assert "Sở A" not in response.text and "Xã B" not in response.text


def test_plain_http_is_redirected_to_https(stack: Stack):
    response = stack.http("GET", SOA, "/gioi-thieu/?trang=2")
    assert response.status == 301
    assert response.header("Location") == f"https://{SOA}/gioi-thieu/?trang=2"
    # A load balancer's probe may use plain HTTP.
    assert stack.http("GET", "127.0.0.1", "/healthz").status == 200


def test_static_files_with_long_cache_for_hashed_names(stack: Stack):
    manifest = static_manifest(stack)
    original = next(name for name in manifest if name.endswith(".css"))
    hashed = stack.https("GET", SOA, f"/static/{manifest[original]}", headers={"Accept-Encoding": "gzip"})
    assert hashed.status == 200
    assert hashed.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert hashed.header("X-Content-Type-Options") == "nosniff"
    assert hashed.header("Content-Encoding") == "gzip"  # the compressed copy made by collectstatic
    plain = stack.https("GET", SOA, f"/static/{original}")
    assert plain.status == 200 and plain.header("Cache-Control") == "public, max-age=3600"
    assert stack.https("GET", SOA, "/static/khong-co.css").status == 404


def test_media_only_after_the_portal_check(stack: Stack):
    content = f"Tệp công khai {uuid.uuid4()}".encode()
    public = stack.media / "soa" / "stack" / "cong-khai.txt"
    secret = stack.media / "soa" / "private" / "bi-mat.txt"
    other = stack.media / "xab" / "stack" / "cua-xa-b.txt"
    for path in (public, secret, other):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    served = stack.https("GET", SOA, "/media/soa/stack/cong-khai.txt")
    assert served.status == 200 and served.body == content
    assert served.header("X-Accel-Redirect") == ""
    # The bytes came from nginx: the application itself answers with an empty body.
    direct = stack.nodes[0].request("GET", SOA, "/media/soa/stack/cong-khai.txt")
    assert direct.status == 200 and direct.body == b""
    assert direct.header("X-Accel-Redirect") == "/_media/soa/stack/cong-khai.txt"

    # Private files, another portal's files, and the internal location: 404.
    assert stack.https("GET", SOA, "/media/soa/private/bi-mat.txt").status == 404
    assert stack.https("GET", SOA, "/media/xab/stack/cua-xa-b.txt").status == 404
    assert stack.https("GET", SOA, "/_media/soa/stack/cong-khai.txt").status == 404
    assert stack.https("GET", XAB, "/media/xab/stack/cua-xa-b.txt").body == content


def test_readyz_through_nginx(stack: Stack):
    response = stack.https("GET", "khong-co.example.vn", "/readyz")
    assert response.status == 200, response.text
    assert '"status": "ok"' in response.text and '"cache": "ok"' in response.text


# --- two nodes -----------------------------------------------------------------------------


def sign_in(stack: Stack, node_index: int) -> dict[str, str]:
    """Sign in to soa's admin on one node; returns the cookies."""
    node = stack.nodes[node_index]
    form = node.request("GET", SOA, "/admin/login/")
    assert form.status == 200, form.status
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookies = dict(form.cookies)
    body = f"username={ADMIN}&password={PASSWORD}&csrfmiddlewaretoken={token}&next=/admin/"
    response = node.request(
        "POST", SOA, "/admin/login/", body.encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies),
         "Referer": f"https://{SOA}/admin/login/"},
    )
    assert response.status == 302, response.text[:2000]
    cookies.update(response.cookies)
    assert "sessionid" in cookies
    return cookies


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{key}={value}" for key, value in cookies.items())


def csrf_of(page_text: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_text).group(1)


def through_both_nodes(stack: Stack, method: str, host: str, path: str, headers=None) -> list:
    """The same request through nginx until both nodes have answered it."""
    seen: dict[str, object] = {}
    for _attempt in range(8):
        response = stack.https(method, host, path, headers=headers)
        seen.setdefault(stack.node_of(response), response)
        if len(seen) == len(stack.nodes):
            break
    assert len(seen) == len(stack.nodes), f"nginx used only {sorted(seen)}"
    return list(seen.values())


def test_a_session_opened_on_one_node_works_on_the_other(stack: Stack):
    cookies = sign_in(stack, 0)
    on_b = stack.nodes[1].request("GET", SOA, "/admin/", headers={"Cookie": cookie_header(cookies)})
    assert on_b.status == 200, on_b.status
    assert ADMIN in on_b.text
    for response in through_both_nodes(stack, "GET", SOA, "/admin/", {"Cookie": cookie_header(cookies)}):
        assert response.status == 200
    # The session belongs to soa: another portal does not know it.
    other = stack.nodes[1].request("GET", XAB, "/admin/", headers={"Cookie": cookie_header(cookies)})
    assert other.status == 302 and "/admin/login/" in other.header("Location")


def test_a_page_published_on_one_node_is_fresh_on_the_other(stack: Stack, django_db_blocker):
    from news.models import NewsArticlePage, NewsIndexPage
    from tests.support.factories import section_index

    slug = f"tin-hai-may-{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock(), schema_context("soa"):
        page = section_index(NewsIndexPage).add_child(
            instance=NewsArticlePage(title="Tin hai máy chủ", slug=slug, summary="Bản nháp.", live=False)
        )
        page.save_revision()
    path = f"/tin-tuc/{slug}/"
    assert stack.nodes[1].request("GET", SOA, path).status == 404  # a draft: not served

    cookies = sign_in(stack, 0)

    def publish_on_a() -> None:
        confirm = stack.nodes[0].request(
            "GET", SOA, f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
            headers={"Cookie": cookie_header(cookies)},
        )
        assert confirm.status == 200, confirm.status
        done = stack.nodes[0].request(
            "POST", SOA, f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
            f"csrfmiddlewaretoken={csrf_of(confirm.text)}".encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies),
             "Referer": f"https://{SOA}/admin/"},
        )
        assert done.status == 302, done.text[:2000]

    publish_on_a()
    on_b = stack.nodes[1].request("GET", SOA, path)
    assert on_b.status == 200 and "Tin hai máy chủ" in on_b.text
    # A new version published on A: B serves the new one at once, and so does every node
    # behind nginx.
    with django_db_blocker.unblock(), schema_context("soa"):
        fresh = NewsArticlePage.objects.get(pk=page.pk)
        fresh.title = "Tin hai máy chủ (đã sửa)"
        fresh.save_revision()
    publish_on_a()
    assert "Tin hai máy chủ (đã sửa)" in stack.nodes[1].request("GET", SOA, path).text
    for response in through_both_nodes(stack, "GET", SOA, path):
        assert "Tin hai máy chủ (đã sửa)" in response.text


def test_an_upload_on_one_node_downloads_on_the_other(stack: Stack, django_db_blocker):
    from wagtail.documents import get_document_model

    cookies = sign_in(stack, 0)
    form = stack.nodes[0].request(
        "GET", SOA, "/admin/documents/add/", headers={"Cookie": cookie_header(cookies)}
    )
    assert form.status == 200
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form.text)
    content = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
    title = f"Tải lên qua máy A {uuid.uuid4().hex[:6]}"
    boundary = uuid.uuid4().hex
    fields = {"csrfmiddlewaretoken": csrf_of(form.text), "title": title}
    if collection:
        fields["collection"] = collection.group(1)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    uploaded = stack.nodes[0].request(
        "POST", SOA, "/admin/documents/add/", body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie_header(cookies),
         "Referer": f"https://{SOA}/admin/documents/add/"},
    )
    assert uploaded.status == 302, uploaded.text[:3000]
    with django_db_blocker.unblock(), schema_context("soa"):
        document = get_document_model().objects.get(title=title)
        url = document.url
        stored = document.file.name
    on_b = stack.nodes[1].request("GET", SOA, url)
    assert on_b.status == 200 and on_b.body == content
    for response in through_both_nodes(stack, "GET", SOA, url):
        assert hashlib.sha256(response.body).hexdigest() == hashlib.sha256(content).hexdigest()
    assert (stack.media / "soa" / stored).read_bytes() == content  # one shared media folder
