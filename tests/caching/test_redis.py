"""The production cache: Debian's redis-server, shared by processes. A page kept by one
process is purged by a change another process commits; pages and rate limits live there.

Needs redis-server (apt-get install redis-server); skipped without it unless
CONG_REQUIRE_REDIS is set.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django_tenants.utils import schema_context

from django.conf import settings as django_settings
from django.core.cache import caches

from core.caching import pages
from tests.news.factories import NewsArticlePageFactory
from tests.servers import start_redis, stop
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

REDIS = "django.core.cache.backends.redis.RedisCache"


@pytest.fixture(scope="module")
def redis_socket(tmp_path_factory):
    process, url = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield url.removeprefix("unix://")
    finally:
        stop(process)


@pytest.fixture
def redis_caches(redis_socket, settings):
    settings.CACHES = {
        "default": {
            **django_settings.CACHES["default"], "BACKEND": REDIS,
            "LOCATION": f"unix://{redis_socket}?db=0", "OPTIONS": {},
        },
        "pages": {
            **django_settings.CACHES["pages"], "BACKEND": REDIS,
            "LOCATION": f"unix://{redis_socket}?db=1", "OPTIONS": {},
        },
    }
    yield redis_socket
    caches["default"].clear()
    caches["pages"].clear()


def purge_from_another_process(socket_path: str, schema: str, tags: list[str]) -> None:
    """Another process (a gunicorn worker, another node) commits a change: it changes the
    tokens in Redis, nothing else."""
    script = f"""
import sys
sys.path.insert(0, {str(Path(django_settings.BASE_DIR) / "platform")!r})
import django
from django.conf import settings
settings.configure(
    CACHES={{"pages": {{"BACKEND": {REDIS!r}, "LOCATION": "unix://{socket_path}?db=1",
                        "KEY_PREFIX": "cong"}}}},
    CONG_SHARED_CACHE="pages",
)
django.setup()
from core.caching import tokens
tokens.bump({schema!r}, {tags!r})
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_purge_in_another_process_reaches_this_one(redis_caches, portal_a, portal_b):
    a, b = client_for(portal_a), client_for(portal_b)
    for client in (a, b):
        client.get("/tin-tuc/")
        assert client.get("/tin-tuc/")[pages.STATUS_HEADER] == "hit"
    assert any(b"page:" in key for key in _redis_keys(redis_caches))  # the pages live in Redis
    from news.models import NewsIndexPage

    with schema_context(portal_a.schema_name):
        index_id = NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi").pk
    purge_from_another_process(redis_caches, portal_a.schema_name, [pages.page_tag(index_id)])
    assert a.get("/tin-tuc/")[pages.STATUS_HEADER] == "miss"
    assert b.get("/tin-tuc/")[pages.STATUS_HEADER] == "hit"


def test_publishing_purges_through_redis(redis_caches, portal_a, django_capture_on_commit_callbacks):
    client = client_for(portal_a)
    client.get("/")
    assert client.get("/")[pages.STATUS_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            NewsArticlePageFactory(title="Tin lưu ở Redis")
    response = client.get("/")
    assert response[pages.STATUS_HEADER] == "miss"
    assert "Tin lưu ở Redis" in response.content.decode()


def _redis_keys(socket_path: str) -> list[bytes]:
    import redis

    return redis.Redis(unix_socket_path=socket_path, db=1).keys("*")
