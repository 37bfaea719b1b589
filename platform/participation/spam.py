"""Spam protection that needs no outside service and asks the citizen nothing.

- A **form token** in a hidden field: signed with the secret key, carrying a random id, the
  time it was issued, the portal and what it is for. A submission is accepted only between
  MIN_FILL_SECONDS and MAX_AGE_SECONDS after the form was issued, and only once: the id is
  consumed in the shared cache when the submission is accepted, so a token cannot be
  replayed, and a robot has to fetch a fresh form (and wait) for every submission.
- A **honeypot** field people never see or fill in.
- **Per-address limits** (core.ratelimit), counted in the shared cache for every worker.

Nothing can be read from the form to pass the check, and there is no puzzle: the form stays
as accessible as the rest of the page.
"""

from __future__ import annotations

import enum
import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from core import ratelimit
from core.clientip import client_ip
from tenants.current import schema_name

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
TOKEN_SALT = "participation.form-token"
# Nobody reads the page, fills in a question and presses "Gửi" in under three seconds.
MIN_FILL_SECONDS = 3
# A citizen may take a while to write; after this the form must be sent again.
MAX_AGE_SECONDS = 2 * 60 * 60
RATE_WINDOW_SECONDS = 60 * 60


class TokenState(enum.Enum):
    VALID = "valid"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    INVALID = "invalid"  # missing, forged, or issued for another form or portal
    USED = "used"


@dataclass(frozen=True)
class Token:
    id: str
    issued_at: float
    purpose: str
    schema: str


def issue_token(purpose: str, *, issued_at: float | None = None) -> str:
    """A fresh token for one form of the current portal (`issued_at`: for tests)."""
    payload = {
        "id": secrets.token_urlsafe(12),
        "t": int(time.time() if issued_at is None else issued_at),
        "p": purpose,
        "s": schema_name(),
    }
    return signing.dumps(payload, salt=TOKEN_SALT, compress=False)


def read_token(value: str | None) -> Token | None:
    """The token's content, if our own secret key signed it (its age is checked apart)."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT)
        return Token(id=str(data["id"]), issued_at=float(data["t"]), purpose=str(data["p"]),
                     schema=str(data["s"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def _used_key(token: Token) -> str:
    return f"participation:token-used:{token.id}"


def check_token(value: str | None, purpose: str, *, now: float | None = None) -> TokenState:
    """What to make of a submitted token, without using it up."""
    token = read_token(value)
    if token is None or token.purpose != purpose or token.schema != schema_name():
        return TokenState.INVALID
    age = (time.time() if now is None else now) - token.issued_at
    if age < MIN_FILL_SECONDS:
        return TokenState.TOO_FAST
    if age > MAX_AGE_SECONDS:
        return TokenState.EXPIRED
    if cache.get(_used_key(token)):
        return TokenState.USED
    return TokenState.VALID


def consume_token(value: str | None) -> bool:
    """Mark the token used; False when another request used it first (cache.add is atomic
    on the shared cache, so of two simultaneous submissions exactly one gets True)."""
    token = read_token(value)
    if token is None:
        return False
    return cache.add(_used_key(token), 1, MAX_AGE_SECONDS + 60)


# --- Per-address limits -------------------------------------------------------------------


def _limit(scope: str, per_hour: int) -> ratelimit.Limit:
    return ratelimit.Limit(scope=f"participation:{scope}", limit=per_hour, window=RATE_WINDOW_SECONDS)


def rate_limited(request: HttpRequest, scope: str, per_hour: int) -> bool:
    """Whether this address has already used its `per_hour` submissions this hour."""
    return ratelimit.exhausted(_limit(scope, per_hour), client_ip(request) or "")


def take_submission(request: HttpRequest, scope: str, per_hour: int) -> bool:
    """Count one submission from this address; False if it is one too many (refuse it)."""
    return ratelimit.take(_limit(scope, per_hour), client_ip(request) or "")
