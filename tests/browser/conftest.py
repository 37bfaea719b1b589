"""Fixtures of the browser tests: one live server and one Chromium for every test module of
this package, serving the showcase portal (tests/conftest.py: built once per run, shared with
the page-cache tests)."""

from __future__ import annotations

import os
import tempfile

import pytest

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection

from tests.support.browser import (
    AXE_PATH,
    CHROMIUM,
    CHROMIUM_ARGS,
    CODE,
    CSP_RECORDER,
    DESKTOP,
    LiveServer,
    axe_source,
    close_server_sessions,
    page_urls,
    require_browser,
)


@pytest.fixture(scope="package")
def site(showcase_portal, django_db_blocker):
    """(base URL, {page key: path}) of the portal under test, served by a live server."""
    require_browser()
    with django_db_blocker.unblock():
        urls = page_urls()
        connection.set_schema_to_public()
        server = LiveServer("127.0.0.1", StaticFilesHandler, port=0)
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
            close_server_sessions()


@pytest.fixture(scope="package")
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


@pytest.fixture(scope="package")
def tab(browser):
    page = browser.pages[0] if browser.pages else browser.new_page()
    page.set_default_timeout(15_000)
    page.route(f"**{AXE_PATH}", lambda route: route.fulfill(
        body=axe_source(), content_type="application/javascript"
    ))
    # Uncaught script errors and the browser's own CSP reports, page by page.
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.on("console", lambda message: page.script_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return page


