"""The portal, live server and helpers the browser tests share (tests/browser): the showcase
portal ("kiemthu", tests.support.pages) filled by every section's demo content, served by a
live server thread to Debian's headless Chromium driven by Playwright. The fixtures are in
tests/browser/conftest.py; one portal and one browser serve the whole package."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection
from django.test.testcases import LiveServerThread

from tests.support.pages import (
    SECTION_PAGE_TYPES,
    SHOWCASE_CODE,
    SHOWCASE_EDITOR,
    provision_showcase,
    remove_showcase,
)

CODE = SHOWCASE_CODE
CHROMIUM = os.environ.get("CONG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(
    os.environ.get("CONG_AXE_JS")
    or settings.BASE_DIR / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
)
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Every portal host (kiemthu.laichau.test) reaches the live server on this machine.
    "--host-resolver-rules=MAP * 127.0.0.1",
]
# Records every CSP violation of a page, before any script of the page runs (an init script
# is injected by the browser itself, so the policy does not apply to it).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push({directive: e.violatedDirective, blocked: e.blockedURI,
                               source: e.sourceFile, line: e.lineNumber, sample: e.sample});
});
// The cumulative layout shift of the page (shifts not caused by the visitor's input).
window.__cls = 0;
if (window.PerformanceObserver) {
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) { window.__cls += entry.value; }
      });
    }).observe({type: "layout-shift", buffered: true});
  } catch (e) { /* a browser without layout-shift entries */ }
}
"""
# axe-core is served to the page from its own origin (intercepted by the browser, never
# reaching the server), so that loading it obeys the page's policy like any script of ours.
AXE_PATH = "/__axe-core__.js"
EDITOR = SHOWCASE_EDITOR
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# The page types that exist today; each must have a page in the demo content. Page types
# added later are checked too when the demo creates one (a warning says otherwise).
REQUIRED_PAGE_TYPES = set(SECTION_PAGE_TYPES)


def missing_requirements() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE_JS.is_file():
        return f"axe-core not found at {AXE_JS} (make axe)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[dev]')"
    return None


def require_browser() -> None:
    missing = missing_requirements()
    if missing is None:
        return
    if os.environ.get("CONG_REQUIRE_BROWSER"):
        pytest.fail(f"CONG_REQUIRE_BROWSER is set but {missing}", pytrace=False)
    pytest.skip(f"browser checks skipped: {missing}; set CONG_REQUIRE_BROWSER=1 to make this fail")


# --- The portal under test ----------------------------------------------------------------


def provision_portal() -> None:
    """The package's portal: the showcase portal (tests.support.pages)."""
    provision_showcase()


def remove_portal() -> None:
    remove_showcase()


def close_server_sessions() -> None:
    """End the database sessions the live server's threads may still hold (a keep-alive
    request thread outlives the server), so the test database can be dropped at the end."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def page_urls() -> dict[str, str]:
    """One page of every page type (the shallowest, then the first in tree order), by
    `app_label.model`, plus the routed views that render their own templates."""
    from django_tenants.utils import schema_context

    from wagtail.models import Page

    urls: dict[str, str] = {}
    with schema_context(CODE):
        pages = Page.objects.live().public().filter(depth__gte=2).order_by("depth", "path")
        for page in pages.select_related("content_type", "locale"):
            key = f"{page.content_type.app_label}.{page.content_type.model}"
            if page.locale.language_code != "vi":
                key = f"{page.locale.language_code}:{key}"  # the English pages too
            if key not in urls:
                urls[key] = page.specific.get_url()
    routed = {
        "news.newsarticlepage": {"print": "in/"},
        "direction.directionindexpage": {
            "work_schedule": "lich-cong-tac/", "reception_schedule": "lich-tiep-cong-dan/",
        },
        "participation.questionindexpage": {
            "ask": "gui-cau-hoi/", "petition": "phan-anh-kien-nghi/", "lookup": "tra-cuu/",
        },
    }
    for key, routes in routed.items():
        if key in urls:
            for name, suffix in routes.items():
                urls[f"{key}:{name}"] = urls[key] + suffix
    if "legaldocs.legaldocumentindexpage" in urls:
        urls["legaldocs.legaldocumentindexpage:filtered"] = (
            urls["legaldocs.legaldocumentindexpage"] + "?q=quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh"
        )
    urls["search"] = "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"
    urls["en:search"] = "/en/search/?q=introduction"
    urls["not_found"] = "/khong-co-trang-nay/"
    return urls


class LiveServer(LiveServerThread):
    """The project's WSGI app with static files served from the finders (no collectstatic)."""


def csp_problems(tab) -> list[str]:
    """The CSP violations and script errors of the loaded page (and forget them)."""
    violations = tab.evaluate("() => window.__cspViolations || []")
    problems = [
        f"{v['directive']} blocked {v['blocked'] or 'inline'} at {v['source']}:{v['line']} {v['sample']}"
        for v in violations
    ]
    problems += tab.script_errors
    tab.script_errors.clear()
    return problems



@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text()


def visit(tab, url: str, expect_status: int = 200) -> None:
    response = tab.goto(url, wait_until="load")
    assert response is not None and response.status == expect_status, (
        f"{url} answered {response.status if response else 'nothing'}"
    )


