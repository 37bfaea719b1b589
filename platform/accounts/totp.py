"""Time-based one-time passwords (RFC 6238, HMAC-SHA1, 6 digits, 30-second steps) as
authenticator apps (Google Authenticator, Microsoft Authenticator, FreeOTP…) compute them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6


def generate_secret() -> str:
    """160 random bits, base32 without padding."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def time_step(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // STEP)


def code_at_step(secret: str, step: int) -> str:
    """HOTP (RFC 4226) of the step counter."""
    digest = hmac.new(_key(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def code(secret: str, at: float | None = None) -> str:
    return code_at_step(secret, time_step(at))


def matching_step(secret: str, candidate: str, *, after_step: int = 0, at: float | None = None,
                  window: int = 1) -> int | None:
    """The time step whose code is `candidate`, allowing `window` steps of clock drift either
    way; None if none matches or the step is not later than `after_step` (a code is
    accepted once)."""
    candidate = "".join(ch for ch in candidate or "" if not ch.isspace())
    if len(candidate) != DIGITS or not candidate.isdigit():
        return None
    now = time_step(at)
    for step in range(now - window, now + window + 1):
        if step > after_step and hmac.compare_digest(code_at_step(secret, step), candidate):
            return step
    return None


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads (from a QR code or typed in)."""
    label = quote(f"{issuer}:{account}")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP}
    )
    return f"otpauth://totp/{label}?{query}"
