"""Who is a visitor, without knowing who: a hash that changes every day.

visitor = sha256(salt of the day ‖ address ‖ browser ‖ portal). The salt is random, made on
the day's first view, kept in the portal's `DailySalt` (and the cache) for that day only and
deleted by the nightly roll-up: from then on nobody, not even the operator, can tell which
address a hash came from. Neither the address nor the browser string is ever stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction

from .models import DailySalt

# Browsers that are programs: search engines, link previews, monitors, scripts.
BOT_MARKERS = (
    "bot", "crawl", "spider", "slurp", "scrap", "fetch", "preview", "monitor", "headless",
    "phantomjs", "lighthouse", "pagespeed", "curl", "wget", "python", "java/", "go-http",
    "okhttp", "axios", "node-fetch", "libwww", "httpclient", "facebookexternalhit",
    "bingpreview", "yandex", "baidu", "coccoc", "zalo-link", "uptime", "pingdom",
)


def is_bot(user_agent: str) -> bool:
    """No browser string, or one that names a program, is not a visitor."""
    agent = user_agent.strip().lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


def salt_for(day: dt.date) -> str:
    key = f"visits:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt:
        return salt
    try:
        with transaction.atomic():
            salt = DailySalt.objects.get_or_create(
                day=day, defaults={"salt": secrets.token_hex(32)}
            )[0].salt
    except IntegrityError:  # made by a request at the same moment
        salt = DailySalt.objects.get(day=day).salt
    cache.set(key, salt, 26 * 3600)
    return salt


def visitor_hash(day: dt.date, address: str, user_agent: str, portal: str) -> str:
    material = "\x1f".join([salt_for(day), address, user_agent, portal])
    return hashlib.sha256(material.encode()).hexdigest()


def forget_salts(before: dt.date) -> int:
    """Delete the salts of the days before `before` (and their cached copies)."""
    days = list(DailySalt.objects.filter(day__lt=before).values_list("day", flat=True))
    cache.delete_many([f"visits:salt:{day.isoformat()}" for day in days])
    return DailySalt.objects.filter(day__lt=before).delete()[0]
