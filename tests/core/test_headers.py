"""The same security headers on every response, whoever answered it; a CSP without
'unsafe-inline' outside the Wagtail admin; production settings pass `check --deploy`."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys

import pytest
from django_tenants.utils import schema_context

from django.conf import settings

from tests.support.portals import client_for

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

SECURITY_HEADERS = (
    "Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy",
    "X-Frame-Options", "Cross-Origin-Opener-Policy",
)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response) -> None:
    for header in SECURITY_HEADERS:
        assert response.has_header(header), (header, response.status_code)
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions


def assert_strict_policy(response) -> None:
    csp = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    ["/", "/tin-tuc/", "/tim-kiem/?q=thu", "/hoi-dap/gui-cau-hoi/", "/khong-co/", "/en/", "/robots.txt"],
)
def test_public_pages_have_a_strict_policy(portal_a, path):
    response = client_for(portal_a).get(path)
    assert response.status_code in (200, 404)
    assert_security_headers(response)
    assert_strict_policy(response)


def test_public_pages_have_no_inline_script_or_style(portal_a):
    for path in ["/", "/tim-kiem/?q=thu", "/hoi-dap/gui-cau-hoi/", "/khong-co/"]:
        html = client_for(portal_a).get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path


def test_the_admin_has_a_policy_wagtail_can_work_with(portal_a, make_local_user):
    user = make_local_user(portal_a, "bientap.csp", "Biên tập viên")
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user, backend=MODEL_BACKEND)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_security_headers(response)
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"] and csp["object-src"] == ["'none'"]
    # The sign-in page is the admin's too.
    assert "'unsafe-inline'" in directives(client_for(portal_a).get("/admin/login/"))["script-src"]


def test_the_unknown_host_404_and_the_console_have_the_same_headers(db):
    unknown = client_for("khong-ton-tai.example.vn").get("/")
    assert unknown.status_code == 404
    assert_security_headers(unknown)
    assert_strict_policy(unknown)
    console = client_for(settings.CONG_CONSOLE_DOMAIN).get("/dang-nhap/")
    assert console.status_code == 200
    assert_security_headers(console)
    assert_strict_policy(console)


def test_static_files_and_the_bad_request_page_have_them_too(portal_a, settings):
    # WhiteNoise answers from the app folders, as it answers from STATIC_ROOT in production.
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True
    static = client_for(portal_a).get("/static/themes/base/portal.js")
    assert static.status_code == 200
    assert_security_headers(static)
    bad = client_for(portal_a).get("/tim-kiem/?q=%00")
    assert bad.status_code == 400
    assert_security_headers(bad)


def test_the_brand_colours_come_from_a_stylesheet_of_the_portal(portal_a):
    from wagtail.models import Site

    from themes.models import ThemeSettings

    with schema_context(portal_a.schema_name):
        theme = ThemeSettings.for_site(Site.objects.get(is_default_site=True))
        theme.primary_colour = "#0b6e4f"
        theme.save()
    html = client_for(portal_a).get("/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/giao-dien\.css\?v=([0-9a-f]{12}))">', html)
    assert link, "the portal's colours are linked"
    css = client_for(portal_a).get(link.group(1))
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert "--brand-accent:#0b6e4f" in css.content.decode()
    assert "immutable" in css["Cache-Control"]
    # Another portal keeps its own colours.
    assert "#0b6e4f" not in client_for("xab.laichau.test").get("/giao-dien.css").content.decode()
    # A new colour is a new address.
    with schema_context(portal_a.schema_name):
        theme.primary_colour = "#123456"
        theme.save()
    assert link.group(2) not in client_for(portal_a).get("/").content.decode()


def check_deploy(**env) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cong.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": "postgres://cong@localhost/cong",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_with_the_production_settings():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_warns_about_a_cache_each_worker_keeps_for_itself():
    result = check_deploy(DJANGO_CACHE_BACKEND="django.core.cache.backends.locmem.LocMemCache")
    assert result.returncode != 0 and "core.W001" in result.stdout + result.stderr


def test_production_settings_insist_on_https_and_preloaded_hsts():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cong.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": "postgres://cong@localhost/cong",
        "PYTHONPATH": os.pathsep.join([str(settings.BASE_DIR / "platform"), str(settings.BASE_DIR)]),
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        " s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, s.CACHES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True", "31536000", "True", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_hsts_on_https_requests_behind_our_proxy(portal_a, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client_for(portal_a).get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    # A client that is not our proxy cannot claim HTTPS (nor get HSTS on plain HTTP).
    direct = client_for(portal_a).get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="198.51.100.3")
    assert not direct.has_header("Strict-Transport-Security")
