"""Rate limits and used form tokens are counted once for every worker and node: two
separate connections to one real Redis server see one count.

Starts Debian's redis-server on a Unix socket in a temporary folder. Without it the module
is skipped, unless CONG_REQUIRE_REDIS is set (CI), where its absence fails.
"""

from __future__ import annotations

import threading
import time

import pytest

from django.core.cache.backends.redis import RedisCache

from core import ratelimit
from tests.servers import start_redis, stop
from tests.support.portals import client_for


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    process, url = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield url
    finally:
        stop(process)


def new_client(url: str) -> RedisCache:
    """A cache client with its own connection pool, as each worker process has."""
    return RedisCache(url, {"KEY_PREFIX": "test"})


def run_together(*jobs) -> list:
    results: list = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(index, job):
        start.wait(timeout=30)
        results[index] = job()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_connections_share_one_limit(redis_url):
    first, second = new_client(redis_url), new_client(redis_url)
    limit = ratelimit.Limit(scope="test-shared", limit=30, window=3600)
    results = run_together(
        lambda: [ratelimit.take(limit, "192.0.2.1", cache=first) for _ in range(55)],
        lambda: [ratelimit.take(limit, "192.0.2.1", cache=second) for _ in range(55)],
    )
    accepted = sum(results[0]) + sum(results[1])
    assert accepted == 30  # not 30 per connection
    assert ratelimit.exhausted(limit, "192.0.2.1", cache=first)
    assert ratelimit.used(limit, "192.0.2.1", cache=second) == 110
    assert not ratelimit.exhausted(limit, "192.0.2.2", cache=second)


@pytest.fixture
def redis_default_cache(redis_url, settings):
    settings.CACHES = {
        **settings.CACHES,  # the page cache stays as it is
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _in_own_thread(work):
    """`work` with this thread's own cache client and database connection, as a worker."""

    def job():
        from django.db import connections

        try:
            return work()
        finally:
            connections.close_all()

    return job


def test_a_form_token_is_used_once_across_workers(redis_default_cache, portal_a):
    from django_tenants.utils import schema_context

    from participation import spam

    with schema_context(portal_a.schema_name):
        token = spam.issue_token("question", issued_at=time.time() - 10)

    def consume():
        with schema_context(portal_a.schema_name):
            return [spam.consume_token(token) for _ in range(5)]

    results = run_together(_in_own_thread(consume), _in_own_thread(consume))
    assert sum(results[0]) + sum(results[1]) == 1


def test_lookups_through_two_workers_share_the_limit(redis_default_cache, portal_a):
    from participation.views.public import LOOKUPS_PER_HOUR

    host = portal_a.primary_domain

    def lookups():
        client = client_for(host)
        query = {"ma": "KHONGCOMA1"}
        return [
            client.get("/hoi-dap/tra-cuu/", query, HTTP_X_FORWARDED_FOR="192.0.2.77").status_code
            for _ in range(25)
        ]

    results = run_together(_in_own_thread(lookups), _in_own_thread(lookups))
    statuses = results[0] + results[1]
    assert statuses.count(200) == LOOKUPS_PER_HOUR
    assert statuses.count(429) == 50 - LOOKUPS_PER_HOUR
