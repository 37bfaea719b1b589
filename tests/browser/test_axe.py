"""Every page type of a portal, loaded in headless Chromium and checked with axe-core, and
for any Content-Security-Policy violation (public pages allow no inline script or style;
the admin runs under its own policy).

The portal under test, its live server and the browser are the package's fixtures
(tests/browser/conftest.py, helpers in tests/support/browser.py).

Needs Debian's Chromium and axe-core (`make axe` puts it in var/node). Without them the
module is skipped, unless CONG_REQUIRE_BROWSER is set (CI), where their absence fails.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from django.conf import settings

from tests.support.browser import (
    AXE_PATH,
    CODE,
    DESKTOP,
    EDITOR,
    PHONE,
    REQUIRED_PAGE_TYPES,
    csp_problems,
    visit,
)

# django_db: pytest-django sets up the test database only for runs that have a test using it;
# without the mark, running this module alone would reach the development database.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]

REPORT = Path(settings.BASE_DIR) / "var" / "axe-report.json"
FAILING_IMPACTS = {"serious", "critical"}


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
            visit(tab, base + path, 404 if key == "not_found" else 200)
        except AssertionError as exc:
            failures[f"{key} {path} ({width})"] = [{
                "impact": "critical", "id": "page-did-not-render", "help": str(exc),
                "helpUrl": "", "nodes": [],
            }]
            continue
        violations = _axe(tab)
        csp = csp_problems(tab)
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
    visit(tab, base + "/")
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


def test_robots_and_sitemap_name_the_live_host(site, tab):
    base, _urls = site
    visit(tab, base + "/robots.txt")
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
        visit(tab, base + "/admin/login/")
        problems = {}
        found = csp_problems(tab)
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
            found = csp_problems(tab)
            if found:
                problems[path] = found
        for key in ("home.homepage", "news.newsarticlepage", "participation.questionindexpage:ask"):
            if key in urls:
                tab.goto(base + urls[key], wait_until="networkidle")
                assert tab.locator("wagtail-userbar").count() == 1, key  # the editor's user bar
                found = csp_problems(tab)
                if found:
                    problems[urls[key]] = found
        assert not problems, problems
    finally:
        tab.context.clear_cookies()
