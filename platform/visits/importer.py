"""Page views counted from nginx's visits log (CONG_VISITS_SOURCE = "access_log").

nginx writes one JSON line per request (`log_format cong_visits` in deploy/nginx/cong.conf);
serving a page costs nothing more than that line. Every minute `import_visits` reads what was
added since its stored position, keeps the page views of visitors and writes the same
`PageView` rows the beacon writes, in each portal's schema:

- kept: GET, status 200, an HTML response, a path of the public page tree (not the admin,
  static files, media, the beacon, feeds, sitemaps, …), a browser that is not a program;
- the host gives the portal (the Domain table; an unknown host is skipped);
- the visitor is the day's salted hash of address and browser (visits.privacy): neither is
  stored; the referrer is kept as its domain only; the page id is looked up by path.

The position (inode and offset, per node and file, in the public schema) is saved in the same
transaction as the rows: an import that fails or runs twice counts nothing twice. A rotated
log (a new inode, or a file shorter than the position) is read from its start, after the
rest of the rotated `<log>.1` when it is still there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django_tenants.utils import schema_context

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tenants.current import in_public_schema, is_portal_schema

from .models import PageView
from .privacy import is_bot, visitor_hash
from .views import referrer_domain

# Paths that are not pages of the public tree, even when they answer HTML.
NOT_PAGES = (
    "/admin/", "/django-admin/", "/static/", "/media/", "/_media/", "/_v", "/_util/",
    "/documents/", "/tai-pdf/", "/anh-chia-se/", "/healthz", "/readyz", "/metrics",
    "/sitemap", "/robots.txt", "/favicon.ico", "/apple-touch-icon", "/manifest.webmanifest",
    "/giao-dien.css", "/.well-known/", "/cms/", "/login", "/logout",
)
FEED_ENDINGS = ("/rss/", "/feed/", "/atom/", ".xml", ".rss", ".json", ".txt")
OTHER_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
# Read at most this much per run (the next run goes on from there).
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Result:
    lines: int = 0
    counted: int = 0
    per_schema: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __str__(self) -> str:
        portals = ", ".join(f"{schema}: {count}" for schema, count in sorted(self.per_schema.items()))
        return f"{self.lines} dòng, {self.counted} lượt xem" + (f" ({portals})" if portals else "")


@dataclass(frozen=True)
class View:
    day: dt.date
    path: str
    language: str
    referrer: str
    address: str
    agent: str


def page_path(uri: str) -> str | None:
    """The path of a public page, or None for anything else."""
    path = unquote(uri.split("?", 1)[0].split("#", 1)[0])
    if not path.startswith("/") or len(path) > 255:
        return None
    lower = path.lower()
    if lower.startswith(NOT_PAGES) or lower.endswith(FEED_ENDINGS):
        return None
    for code in OTHER_LANGUAGES:
        if lower.startswith((f"/{code}/admin/", f"/{code}/_v")):
            return None
    return path


def language_of(path: str) -> str:
    for code in OTHER_LANGUAGES:
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return code
    return settings.LANGUAGE_CODE


def parse(line: bytes) -> tuple[str, View] | None:
    """(host, view) for a line that is a visitor's page view; None otherwise."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    if entry.get("m") != "GET" or str(entry.get("s")) != "200":
        return None
    if not str(entry.get("c", "")).lower().startswith("text/html"):
        return None
    agent = str(entry.get("a", ""))
    if is_bot(agent):
        return None
    path = page_path(str(entry.get("u", "")))
    if path is None:
        return None
    try:
        when = dt.datetime.fromisoformat(str(entry.get("t", "")))
    except ValueError:
        return None
    host = str(entry.get("h", "")).lower().split(":", 1)[0]
    day = timezone.localtime(when).date() if timezone.is_aware(when) else when.date()
    return host, View(day, path, language_of(path), referrer_domain(str(entry.get("r", "")), host),
                      str(entry.get("ip", "")), agent)


def portal_schemas() -> dict[str, str]:
    """host → schema of every active portal's domains."""
    from tenants.models import Domain, Portal

    pairs = Domain.objects.filter(tenant__status=Portal.Status.ACTIVE).values_list(
        "domain", "tenant__schema_name"
    )
    return {host.lower(): schema for host, schema in pairs if is_portal_schema(schema)}


def page_ids(paths: set[str]) -> dict[str, int]:
    """The live page of each path, in the current portal's schema: one query per language
    (Wagtail keeps each page's full path in `url_path`)."""
    from wagtail.models import Page, Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first() or (
        Site.objects.select_related("root_page").first()
    )
    if site is None:
        return {}
    roots = {
        code: url_path for code, url_path in Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).values_list("locale__language_code", "url_path")
    }
    found: dict[str, int] = {}
    by_language: dict[str, dict[str, str]] = defaultdict(dict)
    for path in paths:
        language = language_of(path)
        root = roots.get(language)
        if root is None:
            continue
        relative = path[len(language) + 2:] if language != settings.LANGUAGE_CODE else path.lstrip("/")
        if relative and not relative.endswith("/"):
            relative += "/"
        by_language[language][root + relative] = path
    for wanted in by_language.values():
        live = Page.objects.filter(url_path__in=list(wanted), live=True)
        for url_path, pk in live.values_list("url_path", "pk"):
            found[wanted[url_path]] = pk
    return found


def _write(schema: str, views: list[View]) -> None:
    with schema_context(schema):
        ids = page_ids({view.path for view in views})
        rows = [
            PageView(day=view.day, page_id=ids.get(view.path), path=view.path, language=view.language,
                     referrer=view.referrer,
                     visitor=visitor_hash(view.day, view.address, view.agent, schema))
            for view in views
        ]
        PageView.objects.bulk_create(rows, batch_size=1000)


def _read(path: Path, start: int, limit: int) -> tuple[bytes, int]:
    """Whole lines from `start` (at most `limit` bytes); the data and where it ends."""
    with path.open("rb") as handle:
        handle.seek(start)
        data = handle.read(limit)
    end = data.rfind(b"\n") + 1  # a line nginx has not finished waits for the next run
    return data[:end], start + end


def import_log(path: str | os.PathLike | None = None) -> Result:
    """Count what the log at `path` (default CONG_VISITS_LOG) holds since the last import."""
    from .accesslog.models import LogPosition

    log = Path(path or settings.CONG_VISITS_LOG)
    result = Result()
    with in_public_schema(), transaction.atomic():
        position, _created = LogPosition.objects.select_for_update().get_or_create(
            node=socket.gethostname(), path=str(log.absolute())
        )
        try:
            stat = log.stat()
        except FileNotFoundError:
            return result
        chunks: list[bytes] = []
        start = position.offset
        if position.inode and (position.inode != stat.st_ino or stat.st_size < position.offset):
            rotated = log.with_name(log.name + ".1")
            try:
                if rotated.stat().st_ino == position.inode:
                    chunks.append(_read(rotated, position.offset, MAX_BYTES)[0])
            except FileNotFoundError:
                pass
            start = 0
        data, end = _read(log, start, MAX_BYTES)
        chunks.append(data)

        schemas = portal_schemas()
        views: dict[str, list[View]] = defaultdict(list)
        for chunk in chunks:
            for line in chunk.splitlines():
                result.lines += 1
                parsed = parse(line)
                if parsed is None:
                    continue
                host, view = parsed
                schema = schemas.get(host)
                if schema is not None:
                    views[schema].append(view)
        for schema, schema_views in views.items():
            _write(schema, schema_views)
            result.per_schema[schema] += len(schema_views)
            result.counted += len(schema_views)
        position.inode, position.offset = stat.st_ino, end
        position.save()
    return result
