"""The phone-first layout in Chromium: every page type, in both languages, at 320, 390 and
1366 px wide has no horizontal scroll and does not shift its layout while loading (CLS from
Chromium's layout-shift entries); the phone menu is drawn closed before the first paint, opens
on request, closes on Escape and stays reachable without script; listing tables stack into
labelled cards; the question form keeps what was typed after an error and focuses the
summary. `make screenshots` pictures every page type at 390 and 1366 px into var/screenshots/.

The portal, live server and browser are the package's fixtures (tests/browser/conftest.py).
"""

from __future__ import annotations

import json
import os
import re

import pytest

from tests.support.browser import DESKTOP, SCREENSHOTS, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]

SMALLEST = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 768}
CLS_LIMIT = 0.1  # "good" cumulative layout shift (web.dev/cls)


def _expected_status(key: str) -> int:
    return 404 if key == "not_found" else 200


def _layout(tab) -> dict:
    """The loaded page's width against the window's and its layout shift so far."""
    return tab.evaluate(
        """() => ({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth,
                   cls: window.__cls || 0,
                   wide: Array.from(document.querySelectorAll("body *")).filter(
                       e => e.getBoundingClientRect().right > window.innerWidth + 1
                            && getComputedStyle(e).position !== "absolute"
                            && !e.closest(".table-wrap, .visually-hidden, .skip-link")
                   ).slice(0, 3).map(e => e.tagName.toLowerCase() + "." + e.className)})"""
    )


def test_every_page_type_reflows_without_horizontal_scroll_or_layout_shift(site, tab):
    """Each page is loaded at 390 px (its layout shift measured), narrowed to 320 px, then
    loaded again at 1366 px: two loads a page keep the run short."""
    base, urls = site
    assert any(key.startswith("en:") for key in urls), "no English page to check"
    problems: dict[str, list[str]] = {}
    for key, path in sorted(urls.items()):
        found = []
        for viewport, fresh in ((PHONE, True), (SMALLEST, False), (WIDE, True)):
            tab.set_viewport_size(viewport)
            if fresh:
                visit(tab, base + path, _expected_status(key))
            measured = _layout(tab)
            width = viewport["width"]
            if measured["scroll"] > measured["inner"]:
                found.append(f"{width}px: the page is {measured['scroll']}px wide {measured['wide']}")
            if fresh and measured["cls"] >= CLS_LIMIT:
                found.append(f"{width}px: layout shift {measured['cls']:.3f} while loading")
        if found:
            problems[f"{key} {path}"] = found
    tab.set_viewport_size(DESKTOP)
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_the_phone_menu_is_closed_from_the_start_and_escape_closes_it(site, tab):
    base, urls = site
    tab.set_viewport_size(PHONE)
    try:
        visit(tab, base + urls["news.newsarticlepage"])
        button = tab.locator(".main-nav .nav-button")
        links = tab.locator("#main-menu a")
        assert button.is_visible() and not links.first.is_visible()
        assert tab.evaluate("() => window.__cls") < CLS_LIMIT
        box = button.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.5.8 target size
        button.click()
        assert button.get_attribute("aria-expanded") == "true" and links.first.is_visible()
        links.first.focus()
        tab.keyboard.press("Escape")
        assert not links.first.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        assert tab.evaluate("() => document.activeElement.classList.contains('nav-button')")
        # Without script (none of the page's scripts load) the menu is simply open.
        tab.route("**/*.js", lambda route: route.abort())
        try:
            visit(tab, base + urls["news.newsarticlepage"])
            assert links.first.is_visible() and not button.is_visible()
        finally:
            tab.unroute("**/*.js")
    finally:
        tab.set_viewport_size(DESKTOP)
    visit(tab, base + "/")
    assert links.first.is_visible() and not button.is_visible()


def test_the_header_search_fits_the_smallest_phone(site, tab):
    base, urls = site
    tab.set_viewport_size(SMALLEST)
    try:
        visit(tab, base + urls["home.homepage"])
        assert tab.locator("[role=search]").count() == 1
        for selector in ("#q", ".search-form button[type=submit]"):
            box = tab.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= SMALLEST["width"], (selector, box)
            assert box["height"] >= 24, (selector, box)
        # The search page has one search landmark too: its own form, styled the same way.
        visit(tab, base + urls["search"])
        assert tab.locator("[role=search]").count() == 1
        assert tab.locator("[role=search]").get_attribute("aria-label")
        box = tab.locator("#search-q").bounding_box()
        assert box["height"] >= 24 and box["x"] + box["width"] <= SMALLEST["width"]
    finally:
        tab.set_viewport_size(DESKTOP)


def test_listing_tables_stack_into_labelled_cards_on_phones(site, tab):
    base, urls = site
    for key in ("legaldocs.legaldocumentindexpage", "services.publicserviceindexpage",
                "contacts.contactspage"):
        tab.set_viewport_size(PHONE)
        visit(tab, base + urls[key])
        cells = tab.evaluate(
            """() => Array.from(document.querySelectorAll("table.stack tbody tr:first-child > *"))
                   .filter(c => c.textContent.trim())  // an empty cell is left out
                   .map(c => ({display: getComputedStyle(c).display,
                               label: getComputedStyle(c, "::before").content,
                               right: c.getBoundingClientRect().right}))"""
        )
        assert cells, key
        for cell in cells:
            assert cell["display"] == "block", (key, cell)
            assert cell["label"] not in ("none", "normal", '""'), (key, cell)
            assert cell["right"] <= PHONE["width"], (key, cell)
        tab.set_viewport_size(WIDE)
        assert tab.evaluate(
            "() => getComputedStyle(document.querySelector('table.stack td')).display"
        ) == "table-cell"
    tab.set_viewport_size(DESKTOP)


def test_the_question_form_keeps_every_field_after_an_error_and_focuses_the_summary(site, tab):
    base, urls = site
    typed = {
        "#id_full_name": "Nguyễn Văn Thử",
        "#id_address": "Số 1 đường Trần Hưng Đạo, phường Tân Phong",
        "#id_phone": "0912 345 678",
        "#id_email": "khong-hop-le",  # invalid: the form comes back with an error
        "#id_title": "Hỏi về thủ tục cấp giấy phép xây dựng",
        "#id_body": "Xin hỏi hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ gồm những giấy tờ gì?",
    }
    tab.set_viewport_size(PHONE)
    try:
        visit(tab, base + urls["participation.questionindexpage:ask"])
        tab.check("input[name=asker_type][value=individual]")
        for selector, value in typed.items():
            tab.fill(selector, value)
        tab.check("#id_consent")
        tab.wait_for_timeout(3200)  # the anti-spam check refuses forms sent within 3 seconds
        with tab.expect_navigation():
            tab.click("form[method=post] button[type=submit]")
        assert tab.title().startswith("Lỗi: "), tab.title()
        summary = tab.locator("[data-error-summary]")
        assert summary.is_visible()
        assert tab.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
        assert summary.locator("a[href='#id_email']").count() == 1
        for selector, value in typed.items():
            assert tab.input_value(selector) == value, selector
        assert tab.is_checked("input[name=asker_type][value=individual]")
        assert tab.is_checked("#id_consent")
        summary.locator("a[href='#id_email']").click()
        assert tab.evaluate("() => document.activeElement.id") == "id_email"
    finally:
        tab.set_viewport_size(DESKTOP)


def test_screenshots(site, tab):
    """Pictures for people to look at, in var/screenshots/: the main pages at 390 and 1366 px,
    and every page type with CONG_SCREENSHOTS=all (`make screenshots`)."""
    base, urls = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if os.environ.get("CONG_SCREENSHOTS") == "all":
        shots = dict(urls)
    else:
        shots = {key: urls[key] for key in ("home.homepage", "legaldocs.legaldocumentindexpage",
                                             "news.newsarticlepage", "contacts.contactspage")}
    for key, path in shots.items():
        name = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
        for label, viewport in (("390", PHONE), ("1366", WIDE)):
            tab.set_viewport_size(viewport)
            visit(tab, base + path, _expected_status(key))
            target = SCREENSHOTS / f"{name}-{label}.png"
            tab.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 1000
    tab.set_viewport_size(DESKTOP)
    (SCREENSHOTS / "pages.json").write_text(json.dumps(shots, ensure_ascii=False, indent=1))
