"""Spam protection that needs no outside service: a honeypot field, a per-IP rate limit and
a small arithmetic question whose operands travel signed (django.core.signing).

The cache keys carry the schema (django_tenants.cache.make_key), so each portal counts its
own submissions.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

HONEYPOT_FIELD = "website"
CHALLENGE_SALT = "participation.challenge"
CHALLENGE_MAX_AGE = 2 * 60 * 60  # a citizen may take a while to type a question
RATE_WINDOW_SECONDS = 60 * 60


@dataclass(frozen=True)
class Challenge:
    a: int
    b: int
    token: str

    @property
    def question(self) -> str:
        return f"{self.a} + {self.b}"

    @property
    def answer(self) -> int:
        return self.a + self.b


def issue_challenge(a: int | None = None, b: int | None = None) -> Challenge:
    a = a if a is not None else secrets.randbelow(9) + 1
    b = b if b is not None else secrets.randbelow(9) + 1
    token = signing.dumps({"a": a, "b": b}, salt=CHALLENGE_SALT, compress=False)
    return Challenge(a, b, token)


def check_challenge(token: str, answer: str) -> bool:
    """Whether `answer` solves the challenge signed in `token` (and the token is fresh)."""
    try:
        data = signing.loads(token or "", salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
        expected = int(data["a"]) + int(data["b"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False
    try:
        return int(str(answer).strip()) == expected
    except ValueError:
        return False


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind the project's nginx (DJANGO_BEHIND_TLS_PROXY), the last
    X-Forwarded-For entry is the one nginx added itself; earlier ones are the client's word."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return (request.META.get("REMOTE_ADDR") or "").strip()


def _rate_key(scope: str, ip: str) -> str:
    return f"participation:rate:{scope}:{ip}"


def rate_limited(request: HttpRequest, scope: str, limit: int) -> bool:
    """Whether this IP has already used its `limit` submissions in the current hour."""
    return (cache.get(_rate_key(scope, client_ip(request))) or 0) >= limit


def record_submission(request: HttpRequest, scope: str) -> None:
    key = _rate_key(scope, client_ip(request))
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, RATE_WINDOW_SECONDS)
