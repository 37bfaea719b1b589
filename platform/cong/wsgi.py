"""WSGI entry point (gunicorn --pythonpath platform cong.wsgi).

Django's own handler, which answers page-cache hits before the request cycle
(core.caching.wsgi)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.production")
django.setup(set_prefix=False)

from core.caching.wsgi import PageCacheWSGIHandler  # noqa: E402 - needs the apps loaded

application = PageCacheWSGIHandler()
