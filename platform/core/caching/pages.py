"""The page cache: anonymous GET and HEAD responses of a portal's pages, listings, feeds and
sitemap, kept in the shared cache and served before anything renders.

What is kept. Only what a view declares with `depends_on(request, *tags)`: Wagtail's page
views do (`core.serving`), for the page served and what it shows of others (the titles of its
ancestors in the breadcrumbs); so do the sitemap and robots.txt. Everything else (search, the
admin, documents, media, the console) is never kept. Of those, only a response that is the
same for every visitor: a 200 (or, briefly, a 404), that sets no cookie, is not marked
private, no-store or no-cache (pages carrying a form token are), varies on nothing but the
cookie of a visitor who sent none, and carries no per-response nonce.

Who is served from it. A GET or HEAD without a cookie (other than the CSRF cookie, which no
cached page reads): any other cookie (a session, messages) means a response for that visitor.

The key carries the schema, scheme, host, path, query string and language. The entry keeps the
response's headers as the middleware below the cache made them (security headers and the
portal's policies included: `core.caching.middleware`), and the tokens (`core.caching.tokens`)
of the portal and of every tag, as they were before the page rendered; a hit checks them
again, so a purge is a token change and never a search for keys. A purge during the render
(the page may have read the old content) keeps the response out of every cache.
"""

from __future__ import annotations

import hashlib
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_path

from . import tokens

# Set on the request by `depends_on`: the tags of what the response shows.
REQUEST_TAGS = "_cong_page_cache_tags"
# Set on the request by `cache_key`: (schema, key).
REQUEST_KEY = "_cong_page_cache_key"
# Response header naming the tags and portal of a kept page, for the edge (deploy/varnish):
# sent only when an edge is configured, and removed by it before the visitor sees them.
EDGE_TAGS_HEADER = "X-Cong-Tags"
EDGE_PORTAL_HEADER = "X-Cong-Portal"
# Whether the app's page cache served the response (hit) or kept it (miss).
STATUS_HEADER = "X-Cong-Cache"
MAX_BYTES = 2 * 1024 * 1024
# Headers never kept with a page: they belong to one response.
NOT_KEPT = {"set-cookie", "date", "age", STATUS_HEADER.lower()}

def depends_on(request: HttpRequest, *tags: str) -> None:
    """Let the response to `request` be kept, purged when the portal or any of `tags`
    (e.g. "page:12", "tree:5", "sitemap") changes."""
    current = getattr(request, REQUEST_TAGS, None)
    if current is None:
        current = set()
        setattr(request, REQUEST_TAGS, current)
    current.update(tags)


def page_tag(page_id: int) -> str:
    return f"page:{page_id}"


def tree_tag(page_id: int) -> str:
    return f"tree:{page_id}"


# --- Which requests and responses --------------------------------------------------------


def enabled() -> bool:
    return bool(settings.CONG_PAGE_CACHE)


def schema_is_cacheable(schema: str) -> bool:
    return tokens.is_portal(schema) and not tokens.is_pending(schema)


def request_is_cacheable(request: HttpRequest) -> bool:
    """Whether `request` may be answered from, and its response kept in, a portal's cache
    (which portal's: `schema_is_cacheable`). Asks nothing of the database or the cache."""
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if "HTTP_COOKIE" in request.META and any(
        name != settings.CSRF_COOKIE_NAME for name in request.COOKIES
    ):
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.CONG_PAGE_CACHE_EXCLUDE):
        return False
    return True


def cache_key(request: HttpRequest, schema: str) -> str:
    """The key of `request`'s page in portal `schema` (worked out once per request: the lookup
    and the store of a miss both need it)."""
    known = request.__dict__.get(REQUEST_KEY)
    if known is not None and known[0] == schema:
        return known[1]
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    parts = "\n".join(
        (request.scheme, request.get_host().lower(), request.path, request.META.get("QUERY_STRING", ""),
         language)
    )
    digest = hashlib.sha256(parts.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    key = f"page:{schema}:{digest}"
    request.__dict__[REQUEST_KEY] = (schema, key)
    return key


def _cache_control(response: HttpResponse) -> dict[str, str | bool]:
    directives: dict[str, str | bool] = {}
    for item in cc_delim_re.split(response.get("Cache-Control", "")):
        if not item:
            continue
        name, _sep, value = item.partition("=")
        directives[name.strip().lower()] = value.strip() or True
    return directives


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or getattr(request, REQUEST_TAGS, None) is None:
        return False
    if response.status_code not in (200, 404) or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    directives = _cache_control(response)
    if {"private", "no-store", "no-cache"} & directives.keys():
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    # Sessions and messages mark a response as varying on the cookie when they were looked
    # at; the visitor sent none (request_is_cacheable), so it is the page everyone gets.
    if vary - {"cookie", "accept-encoding"}:
        return False
    if "nonce-" in response.get("Content-Security-Policy", ""):
        return False
    return len(response.content) <= MAX_BYTES


def time_to_live(status: int) -> int:
    """Seconds a page is kept: the configured time, cut at the next local midnight (what a
    page shows by date, such as "this week" or open consultations, changes then)."""
    if status == 404:
        return settings.CONG_PAGE_CACHE_TTL_404
    now = timezone.localtime()
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
    until_midnight = int((midnight - now).total_seconds())
    return max(1, min(settings.CONG_PAGE_CACHE_TTL, until_midnight))


# --- Entries ------------------------------------------------------------------------------
# An entry is a plain tuple (pickled and unpickled on every hit: no class to look up, nothing
# to build): (ENTRY_FORMAT, status, headers, content, stored_at, tokens, etag), headers and
# tokens as tuples of pairs.

ENTRY_FORMAT = 2
# Which tokens each key's entry was kept with, as this process last saw it: a hit then asks
# the shared cache for the entry and its tokens together (one round trip on Redis). Bounded;
# a key not known (or whose tags changed) costs a second request, never a wrong answer.
_token_names: dict[str, tuple[str, ...]] = {}
TOKEN_NAMES_KEPT = 10_000


def _etags(request: HttpRequest) -> set[str]:
    header = request.META.get("HTTP_IF_NONE_MATCH", "")
    return {tag.strip() for tag in header.split(",") if tag.strip()}


def _with_headers(response: HttpResponse, headers: tuple[tuple[str, str], ...]) -> HttpResponse:
    """`response` with the kept headers. They were checked when the page was kept, so they
    go straight into the header store (a fifth of the cost of setting each again); should
    Django's ResponseHeaders change shape, each is set the ordinary way."""
    store = getattr(response.headers, "_store", None)
    if type(store) is dict:
        store.update({name.lower(): (name, value) for name, value in headers})
    else:
        for name, value in headers:
            response[name] = value
    return response


def _response(request: HttpRequest, entry: tuple) -> HttpResponse:
    _format, status, headers, content, stored_at, _tokens, etag = entry
    if etag and status == 200 and "HTTP_IF_NONE_MATCH" in request.META and etag in _etags(request):
        response = _with_headers(HttpResponse(status=304), headers)
        del response["Content-Length"]
    else:
        response = _with_headers(HttpResponse(content, status=status), headers)
        response["Content-Length"] = str(len(content))
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    response[STATUS_HEADER] = "hit"
    return response


def lookup(request: HttpRequest, schema: str) -> HttpResponse | None:
    """The kept response for `request` in portal `schema` if it is still fresh."""
    cache = tokens.shared_cache()
    entry_key = cache_key(request, schema)
    names = _token_names.get(entry_key, (tokens.PORTAL,))
    token_keys = [tokens.key(schema, name) for name in names]
    found = cache.get_many([entry_key, *token_keys])
    entry = found.get(entry_key)
    if not isinstance(entry, tuple) or len(entry) != 7 or entry[0] != ENTRY_FORMAT:
        return None
    current = {name: found[k] for name, k in zip(names, token_keys, strict=True) if k in found}
    kept_tokens = entry[5]
    missing = [name for name, _token in kept_tokens if name not in current]
    if missing:
        current.update(tokens.read(schema, missing))
    if len(kept_tokens) != len(names) or missing:
        if len(_token_names) >= TOKEN_NAMES_KEPT:
            _token_names.clear()
        _token_names[entry_key] = tuple(name for name, _token in kept_tokens)
    # The rest of this request (e.g. the CSP's per-portal memo) sees the same portal token.
    tokens.note_portal_token(schema, current[tokens.PORTAL])
    if any(current[name] != token for name, token in kept_tokens):
        return None
    return _response(request, entry)


def begin(request: HttpRequest, schema: str) -> None:
    """Before the view: note the portal's token, as the page will be rendered against it."""
    request._cong_render_started = tokens.now()
    tokens.portal_token(schema)


def store(request: HttpRequest, response: HttpResponse, schema: str) -> None:
    """Keep `response` in portal `schema`'s cache if it is the same for everyone, and tell an
    edge how long it may."""
    if not response_is_cacheable(request, response):
        return
    tags = sorted(getattr(request, REQUEST_TAGS))
    names = [tokens.PORTAL, *tags]
    # Read again, not from the request's snapshot: a change during the render must be seen.
    current = tokens.read(schema, names)
    # A purge this close before the render started may not have been seen by it: the clocks
    # of the nodes that purge and render differ by up to CONG_PAGE_CACHE_CLOCK_SKEW.
    started = getattr(request, "_cong_render_started", 0) - settings.CONG_PAGE_CACHE_CLOCK_SKEW * 1e9
    if any(token > started for token in current.values()):
        # Something this page shows changed while it rendered: keep it nowhere.
        patch_cache_control(response, private=True, no_cache=True)
        return
    ttl = time_to_live(response.status_code)
    if "max-age" not in _cache_control(response):
        # Visitors' browsers ask again each time (a purge cannot reach them); a shared cache
        # in front keeps it as long as we do and is purged with us (core.caching.edge).
        patch_cache_control(response, public=True, max_age=0, s_maxage=ttl)
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    if not response.has_header("ETag") and response.status_code == 200:
        response["ETag"] = etag
    if settings.CONG_EDGE_PURGE_URLS:
        response[EDGE_PORTAL_HEADER] = schema
        response[EDGE_TAGS_HEADER] = "," + ",".join(tags) + ","
    entry_key = cache_key(request, schema)
    entry = (
        ENTRY_FORMAT,
        response.status_code,
        tuple((k, v) for k, v in response.items() if k.lower() not in NOT_KEPT),
        response.content,
        time.time(),
        tuple((name, current[name]) for name in names),
        response.get("ETag", ""),
    )
    tokens.shared_cache().set(entry_key, entry, ttl)
    if len(_token_names) >= TOKEN_NAMES_KEPT:
        _token_names.clear()
    _token_names[entry_key] = tuple(names)
    response[STATUS_HEADER] = "miss"
