"""Tests: the dev database settings (pytest-django creates its own test_* database), fast
password hashing, in-memory e-mail, throwaway media."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cong-test-media-"))
_MEDIA_OWNER = os.getpid()


def _remove_media() -> None:
    # Only by the process that made it: a server's forked workers end before their master.
    if os.getpid() == _MEDIA_OWNER:
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)


# Each process that loads these settings (the test workers, the servers some tests start)
# removes the media it made when it ends.
atexit.register(_remove_media)
CONG_PROVINCE_DOMAIN = "laichau.test"
CONG_CONSOLE_DOMAIN = "quantri.laichau.test"
CONG_PUBLIC_SCHEME = "http"
CONG_PUBLIC_PORT = None
WAGTAILADMIN_BASE_URL = "http://laichau.test"
ALLOWED_HOSTS = ["*"]
# Jobs run at once, in the test's own transaction; the job queue's own tests switch to the
# stored queue and run the worker (tests/tenants/test_jobs.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Concurrent runs (two checkouts, or a developer beside CI) each get their own test database.
_suffix = os.environ.get("CONG_TEST_DB_SUFFIX", "")
if _suffix:
    DATABASES["default"]["TEST"] = {"NAME": f"test_cong_{_suffix}"}  # noqa: F405

# Test data is thrown away: the tests' own connections do not wait for each commit to reach
# the disk. The cluster keeps fsync on and every other database (the development one
# included) keeps synchronous_commit on (deploy/localpg.sh).
_options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
_options["options"] = (_options.get("options", "") + " -c synchronous_commit=off").strip()

# One process: memory caches (cleared after each test, tests/conftest.py). The page cache is
# on, as in production; registry changes are checked at every request, and this machine's
# clock is the only one.
CACHES = {  # noqa: F405
    "default": {**CACHES["default"], "BACKEND": "django.core.cache.backends.locmem.LocMemCache",  # noqa: F405
                "LOCATION": "cong-test-default", "OPTIONS": {}},
    "pages": {**CACHES["pages"], "BACKEND": "django.core.cache.backends.locmem.LocMemCache",  # noqa: F405
              "LOCATION": "cong-test-pages", "OPTIONS": {"MAX_ENTRIES": 100_000}},
}
CONG_PAGE_CACHE = True
CONG_REGISTRY_RECHECK_SECONDS = 0
CONG_PAGE_CACHE_CLOCK_SKEW = 0
