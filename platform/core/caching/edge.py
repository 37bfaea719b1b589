"""The edge: HTTP caches in front of the app (Varnish, deploy/varnish/default.vcl) keep the
pages the app marks public, with their tags (`X-Cong-Portal`, `X-Cong-Tags`), and are told
what to drop with a `BAN` request per purge: the portal's schema in `X-Cong-Portal` and, for
less than the whole portal, the pattern of its tags in `X-Cong-Ban`. A URL `PURGE` (what
`wagtail.contrib.frontend_cache` sends) cannot say "every ?trang= of this listing on every
domain of the portal", nor "every page with this page in its breadcrumbs".

`CONG_EDGE_PURGE_URLS`: the edges' addresses (comma-separated in the environment). An edge that
does not answer is logged and skipped: its pages then expire on their own (the app's time to
live, at most `CONG_PAGE_CACHE_TTL`).
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2.0


def ban_pattern(tags: Iterable[str]) -> str:
    """A regular expression matching the comma-framed tag list of a kept page that has any of
    `tags` (tags are letters, digits, ':' and '-', nothing to escape)."""
    return ",(" + "|".join(sorted(tags)) + "),"


def ban(schema: str, tags: Iterable[str] | None) -> None:
    """Drop from every edge the pages of `schema` with any of `tags` (all when None)."""
    headers = {"X-Cong-Portal": schema}
    if tags is not None:
        headers["X-Cong-Ban"] = ban_pattern(tags)
    for url in settings.CONG_EDGE_PURGE_URLS:
        parts = urlsplit(url)
        connection_class = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        conn = connection_class(parts.hostname, parts.port, timeout=TIMEOUT_SECONDS)
        try:
            conn.request("BAN", parts.path or "/", headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                log.warning("edge %s refused the purge of %s: %s", url, schema, response.status)
        except OSError:
            log.exception("edge %s did not take the purge of %s", url, schema)
        finally:
            conn.close()
