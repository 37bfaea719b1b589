"""Development: the embedded PostgreSQL cluster and the demo province on *.localhost."""

import os
import subprocess

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, database_config, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-cong"


def embedded_database_url(name: str = "cong") -> str:
    """The project-local cluster's address (deploy/localpg.sh decides where it lives)."""
    script = BASE_DIR / "deploy" / "localpg.sh"
    return subprocess.run(
        [str(script), "url", name], check=True, capture_output=True, text=True
    ).stdout.strip()


if not DATABASES:
    DATABASES = {"default": database_config(embedded_database_url())}

CONG_ALLOW_DEMO = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CONG_PROVINCE_DOMAIN = os.environ.get("CONG_PROVINCE_DOMAIN", "laichau.localhost")
CONG_CONSOLE_DOMAIN = os.environ.get("CONG_CONSOLE_DOMAIN", f"quantri.{CONG_PROVINCE_DOMAIN}")
CONG_PUBLIC_SCHEME = os.environ.get("CONG_PUBLIC_SCHEME", "http")
CONG_PUBLIC_PORT = int(os.environ.get("CONG_PUBLIC_PORT", os.environ.get("PORT", "8000")))
WAGTAILADMIN_BASE_URL = f"http://{CONG_PROVINCE_DOMAIN}:{CONG_PUBLIC_PORT}"
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# With DEBUG on (manage.py runserver) a changed template shows at once: no page cache. `make
# run` serves with DEBUG off, as production does: cached.
CONG_PAGE_CACHE = env_bool("CONG_PAGE_CACHE", not DEBUG)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
