"""Every page type of a portal, loaded in headless Chromium and checked with axe-core, and
for any Content-Security-Policy violation (public pages allow no inline script or style;
the admin runs under its own policy).

A portal of its own ("kiemthu") is provisioned for this module and filled by every section's
demo content (the demo app), committed so that a live server thread can serve it, and removed again
at the end. One browser serves the whole module.

Needs Debian's Chromium and axe-core (`make axe` puts it in var/node). Without them the
module is skipped, unless CONG_REQUIRE_BROWSER is set (CI), where their absence fails.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection
from django.test.testcases import LiveServerThread

from tests.support.pages import SECTION_PAGE_TYPES

# django_db: pytest-django sets up the test database only for runs that have a test using it;
# without the mark, running this module alone would reach the development database.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]

CODE = "kiemthu"
CHROMIUM = os.environ.get("CONG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(
    os.environ.get("CONG_AXE_JS")
    or settings.BASE_DIR / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
)
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
REPORT = Path(settings.BASE_DIR) / "var" / "axe-report.json"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Every portal host (kiemthu.laichau.test) reaches the live server on this machine.
    "--host-resolver-rules=MAP * 127.0.0.1",
]
FAILING_IMPACTS = {"serious", "critical"}
# Records every CSP violation of a page, before any script of the page runs (an init script
# is injected by the browser itself, so the policy does not apply to it).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push({directive: e.violatedDirective, blocked: e.blockedURI,
                               source: e.sourceFile, line: e.lineNumber, sample: e.sample});
});
"""
# axe-core is served to the page from its own origin (intercepted by the browser, never
# reaching the server), so that loading it obeys the page's policy like any script of ours.
AXE_PATH = "/__axe-core__.js"
EDITOR = ("bientap.trinhduyet", "MatKhau@TrinhDuyet2026")
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# The page types that exist today; each must have a page in the demo content. Page types
# added later are checked too when the demo creates one (a warning says otherwise).
REQUIRED_PAGE_TYPES = set(SECTION_PAGE_TYPES)


def _missing_requirements() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE_JS.is_file():
        return f"axe-core not found at {AXE_JS} (make axe)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[dev]')"
    return None


def _require_browser() -> None:
    missing = _missing_requirements()
    if missing is None:
        return
    if os.environ.get("CONG_REQUIRE_BROWSER"):
        pytest.fail(f"CONG_REQUIRE_BROWSER is set but {missing}", pytrace=False)
    pytest.skip(f"browser checks skipped: {missing}; set CONG_REQUIRE_BROWSER=1 to make this fail")


# --- The portal under test ----------------------------------------------------------------


def _provision_portal() -> None:
    from django_tenants.utils import schema_context

    from core.sections import ensure_sections, registered_sections
    from demo.portals import DEMO_CONTENT
    from home.models import HomePage
    from tenants.models import Portal
    from tenants.provisioning import PortalSpec
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(
        code=CODE, name="Sở Kiểm thử tỉnh Thử", kind=Portal.Kind.DEPARTMENT,
        contact_email="bbt@kiemthu.example.vn",
    ))
    with schema_context(portal.schema_name):
        from django.contrib.auth.models import Group, User

        from accounts.roles import EDITOR as EDITOR_GROUP

        editor = User.objects.create_user(EDITOR[0], password=EDITOR[1], first_name="Biên tập")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        home = HomePage.objects.get(depth=2, locale__language_code="vi")
        # Every section, the province's gazette included, so every page type has a home.
        ensure_sections(home, sections=registered_sections())
        home.intro = "<p>Cổng thông tin điện tử dùng để kiểm tra khả năng tiếp cận.</p>"
        home.save_revision().publish()
        # The loaders give a province the most content (gazette, statistics, territory).
        as_province = copy.copy(portal)
        as_province.kind = Portal.Kind.PROVINCE
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(as_province)


def _remove_portal() -> None:
    from django.core.cache import cache

    from tenants.models import Domain, Portal, PortalEvent

    connection.set_schema_to_public()
    portal = Portal.objects.filter(code=CODE).first()
    if portal is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{portal.schema_name}" CASCADE')
    PortalEvent.objects.filter(portal=portal).delete()
    Domain.objects.filter(tenant=portal).delete()
    Portal.objects.filter(pk=portal.pk).delete()
    cache.clear()


def _close_server_sessions() -> None:
    """End the database sessions the live server's threads may still hold (a keep-alive
    request thread outlives the server), so the test database can be dropped at the end."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def _page_urls() -> dict[str, str]:
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


class _LiveServer(LiveServerThread):
    """The project's WSGI app with static files served from the finders (no collectstatic)."""


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """(base URL, {page key: path}) of the portal under test, served by a live server."""
    _require_browser()
    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
        _remove_portal()  # a run that crashed may have left it behind
        try:
            _provision_portal()
            urls = _page_urls()
        except BaseException:
            _remove_portal()  # later tests must not meet a half-made portal
            raise
        connection.set_schema_to_public()
        server = _LiveServer("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield f"http://{CODE}.{settings.CONG_PROVINCE_DOMAIN}:{server.port}", urls
        finally:
            server.terminate()
            server.join(timeout=10)
            _close_server_sessions()
            _remove_portal()


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which Django takes
    # for an async context; this thread only opens and rolls back the tests' transactions.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with tempfile.TemporaryDirectory(prefix="cong-chromium-") as profile:
        with sync_playwright() as playwright:
            # A persistent context is the only way to give Chromium its own --user-data-dir.
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                viewport=DESKTOP, locale="vi-VN",
            )
            context.add_init_script(script=CSP_RECORDER)
            try:
                yield context
            finally:
                context.close()
                if previous is None:
                    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
                else:
                    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def tab(browser):
    page = browser.pages[0] if browser.pages else browser.new_page()
    page.set_default_timeout(15_000)
    page.route(f"**{AXE_PATH}", lambda route: route.fulfill(
        body=_axe_source(), content_type="application/javascript"
    ))
    # Uncaught script errors and the browser's own CSP reports, page by page.
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.on("console", lambda message: page.script_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return page


def _csp_problems(tab) -> list[str]:
    """The CSP violations and script errors of the loaded page (and forget them)."""
    violations = tab.evaluate("() => window.__cspViolations || []")
    problems = [
        f"{v['directive']} blocked {v['blocked'] or 'inline'} at {v['source']}:{v['line']} {v['sample']}"
        for v in violations
    ]
    problems += tab.script_errors
    tab.script_errors.clear()
    return problems


# --- axe ----------------------------------------------------------------------------------


def _axe(tab) -> list[dict]:
    """Every violation axe finds on the loaded page, of any impact."""
    if not tab.evaluate("() => typeof window.axe !== 'undefined'"):
        tab.add_script_tag(url=tab.evaluate("() => location.origin") + AXE_PATH)
    result = tab.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html,
                                          summary: n.failureSummary})),
            }));
        }"""
    )
    return result


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text()


def _report(failures: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in failures.items():
        lines.append(f"\n== {where}")
        for violation in violations:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
            lines.append(f"      {violation['helpUrl']}")
            for node in violation["nodes"][:5]:
                lines.append(f"      at {node['target']}")
                lines.append(f"         {node['html'][:200]}")
                for summary_line in (node["summary"] or "").splitlines():
                    lines.append(f"         {summary_line}")
            if len(violation["nodes"]) > 5:
                lines.append(f"      … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def _visit(tab, url: str, expect_status: int = 200) -> None:
    response = tab.goto(url, wait_until="load")
    assert response is not None and response.status == expect_status, (
        f"{url} answered {response.status if response else 'nothing'}"
    )


def test_every_page_type_has_a_page_to_check(site):
    import warnings

    from django.apps import apps

    from wagtail.models import Page

    _base, urls = site
    missing = sorted(REQUIRED_PAGE_TYPES - urls.keys())
    assert not missing, f"no demo page of these page types: {missing}"
    unchecked = sorted(
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model.is_creatable
        and f"{model._meta.app_label}.{model._meta.model_name}" not in urls
    )
    if unchecked:
        warnings.warn(
            f"page types with no demo page, so not checked in the browser: {unchecked}",
            stacklevel=1,
        )


# Pages whose layout changes most on a phone are checked at that width too.
PHONE_CHECKED = {
    "home.homepage", "legaldocs.legaldocumentindexpage", "contacts.contactspage",
    "direction.directionindexpage:work_schedule", "news.newsarticlepage",
    "introduction.leaderspage", "projects.projectpage", "projects.projectindexpage",
    "budget.budgetindexpage", "introduction.administrativemappage",
    "services.publicserviceindexpage", "services.publicservicepage",
}


def test_no_serious_or_critical_axe_violations_on_any_page(site, tab):
    """All findings (every impact, with timings) go to var/axe-report.json; serious and
    critical ones fail the test, and so does any Content-Security-Policy violation."""
    base, urls = site
    checks = [(key, path, "desktop") for key, path in sorted(urls.items())]
    checks += [(key, urls[key], "phone") for key in sorted(PHONE_CHECKED) if key in urls]
    report, failures = [], {}
    for key, path, width in checks:
        started = time.monotonic()
        tab.set_viewport_size(PHONE if width == "phone" else DESKTOP)
        try:
            _visit(tab, base + path, 404 if key == "not_found" else 200)
        except AssertionError as exc:
            failures[f"{key} {path} ({width})"] = [{
                "impact": "critical", "id": "page-did-not-render", "help": str(exc),
                "helpUrl": "", "nodes": [],
            }]
            continue
        violations = _axe(tab)
        csp = _csp_problems(tab)
        if csp:
            violations.append({
                "impact": "critical", "id": "content-security-policy",
                "help": "; ".join(csp), "helpUrl": "", "nodes": [],
            })
        if width == "phone":
            page_width = tab.evaluate("() => document.documentElement.scrollWidth")
            if page_width > PHONE["width"]:
                failures[f"{key} {path} (phone)"] = [{
                    "impact": "serious", "id": "page-wider-than-phone",
                    "help": f"the page is {page_width}px wide on a {PHONE['width']}px screen",
                    "helpUrl": "https://www.w3.org/WAI/WCAG21/Understanding/reflow", "nodes": [],
                }]
        report.append({"page": key, "path": path, "width": width, "violations": violations,
                       "seconds": round(time.monotonic() - started, 2)})
        serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        if serious:
            failures[f"{key} {path} ({width})"] = serious
    tab.set_viewport_size(DESKTOP)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    assert not failures, "axe found serious or critical problems:" + _report(failures)


def test_keyboard_focus_is_visible(site, tab):
    base, _urls = site
    _visit(tab, base + "/")
    tab.keyboard.press("Tab")  # the skip link
    skip = tab.evaluate(
        """() => { const a = document.activeElement, s = getComputedStyle(a);
                   const r = a.getBoundingClientRect();
                   return {cls: a.className, left: r.left, bg: s.backgroundColor}; }"""
    )
    assert skip["cls"] == "skip-link" and skip["left"] >= 0
    tab.keyboard.press("Tab")  # the brand link
    focused = tab.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return {bg: s.backgroundColor, shadow: s.boxShadow, outline: s.outlineStyle}; }"""
    )
    assert focused["bg"] == "rgb(255, 221, 0)" or focused["outline"] != "none", focused


def test_navigation_collapses_on_phones_and_opens_on_request(site, tab):
    base, _urls = site
    tab.set_viewport_size(PHONE)
    try:
        _visit(tab, base + "/")
        nav_links = tab.locator(".main-nav ul a")
        assert not nav_links.first.is_visible()
        tab.locator(".main-nav summary").click()
        assert nav_links.first.is_visible()
        width = tab.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px phone"
    finally:
        tab.set_viewport_size(DESKTOP)
    _visit(tab, base + "/")
    assert tab.locator(".main-nav ul a").first.is_visible()
    assert not tab.locator(".main-nav summary").is_visible()


def test_screenshots_of_the_main_pages(site, tab):
    """Phone and desktop pictures into var/screenshots/, for people to look at."""
    base, urls = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "home": urls["home.homepage"],
        "van-ban": urls["legaldocs.legaldocumentindexpage"],
        "tin-bai": urls["news.newsarticlepage"],
        "lien-he": urls["contacts.contactspage"],
    }
    for name, path in shots.items():
        for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            tab.set_viewport_size(viewport)
            _visit(tab, base + path)
            target = SCREENSHOTS / f"{name}-{label}.png"
            tab.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 1000
    tab.set_viewport_size(DESKTOP)
    (SCREENSHOTS / "pages.json").write_text(json.dumps(shots, ensure_ascii=False, indent=1))


def test_robots_and_sitemap_name_the_live_host(site, tab):
    base, _urls = site
    _visit(tab, base + "/robots.txt")
    assert f"Sitemap: {base}/sitemap.xml" in tab.inner_text("body")
    response = tab.goto(base + "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", response.text())
    assert locations and all(loc.startswith(base + "/") for loc in locations)


def test_the_admin_works_under_its_own_policy(site, tab):
    """An editor signs in and opens the dashboard, the page explorer and the editor of a
    page with date pickers, rich text and inline panels: no CSP violation, no script error.
    Public pages, with the editor's user bar on them, keep to the public policy."""
    from django_tenants.utils import schema_context

    from wagtail.models import Page

    base, urls = site
    with schema_context(CODE):
        article = Page.objects.live().filter(content_type__model="newsarticlepage").first()
        home = Page.objects.get(depth=2, locale__language_code="vi")
    tab.script_errors.clear()  # whatever earlier pages reported (Chromium's XML viewer…)
    try:
        _visit(tab, base + "/admin/login/")
        problems = {}
        found = _csp_problems(tab)
        if found:
            problems["/admin/login/"] = found
        tab.fill("#id_username", EDITOR[0])
        tab.fill("#id_password", EDITOR[1])
        with tab.expect_navigation():
            tab.click("form button[type=submit]")
        assert tab.url.rstrip("/").endswith("/admin"), tab.url
        for path in ["/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{article.pk}/edit/",
                     f"/admin/pages/{home.pk}/add_subpage/", "/admin/documents/", "/admin/images/"]:
            response = tab.goto(base + path, wait_until="networkidle")
            assert response is not None and response.status == 200, (path, response and response.status)
            if path.endswith("/edit/"):
                # The preview (the page in a frame of the admin) and the content checks
                # (Wagtail's axe-core) run under the admin's policy too.
                for panel in ("preview", "checks"):
                    toggle = tab.locator(f'[data-side-panel-toggle="{panel}"]')
                    if toggle.count():
                        toggle.first.click()
                        tab.wait_for_load_state("networkidle")
                        tab.wait_for_timeout(1500)
                frames = [frame.url for frame in tab.frames if "/preview/" in frame.url]
                assert frames, ("the preview panel shows the page", [f.url for f in tab.frames])
            found = _csp_problems(tab)
            if found:
                problems[path] = found
        for key in ("home.homepage", "news.newsarticlepage", "participation.questionindexpage:ask"):
            if key in urls:
                tab.goto(base + urls[key], wait_until="networkidle")
                assert tab.locator("wagtail-userbar").count() == 1, key  # the editor's user bar
                found = _csp_problems(tab)
                if found:
                    problems[urls[key]] = found
        assert not problems, problems
    finally:
        tab.context.clear_cookies()
