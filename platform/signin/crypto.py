"""Two-factor secrets at rest: encrypted with Fernet (AES-128-CBC and HMAC-SHA256) under a
key from the environment.

CONG_TOTP_KEY is a Fernet key (`python -c "from cryptography.fernet import Fernet;
print(Fernet.generate_key().decode())"`). Without it the key is derived from
DJANGO_SECRET_KEY (SHA-256 of a fixed label and the secret key): changing the secret key
then needs the old one in CONG_TOTP_OLD_KEYS (as its derived Fernet key, printed by
`manage.py rotate_totp_key --show-derived`) until `rotate_totp_key` has re-encrypted every
secret. CONG_TOTP_OLD_KEYS lists keys still accepted for reading during a rotation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DERIVATION_LABEL = b"cong-totp-key-v1:"
# Every Fernet token starts with its version byte 0x80, "gA" in URL-safe base64.
TOKEN_PREFIX = "gAAAAA"


def derived_key(secret_key: str | None = None) -> bytes:
    digest = hashlib.sha256(DERIVATION_LABEL + (secret_key or settings.SECRET_KEY).encode()).digest()
    return base64.urlsafe_b64encode(digest)


def _fernet(key: str | bytes) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured("CONG_TOTP_KEY must be a Fernet key (32 bytes, URL-safe base64).") from exc


def keys() -> list[Fernet]:
    """The current key first, then the old ones (for reading only)."""
    primary = getattr(settings, "CONG_TOTP_KEY", "") or derived_key()
    old = [key for key in getattr(settings, "CONG_TOTP_OLD_KEYS", ()) if key]
    return [_fernet(primary), *(_fernet(key) for key in old)]


def encrypt(plain: str) -> str:
    return keys()[0].encrypt(plain.encode()).decode() if plain else ""


def decrypt(token: str) -> str:
    """The secret; raises ImproperlyConfigured when no configured key opens it."""
    if not token:
        return ""
    try:
        return MultiFernet(keys()).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A two-factor secret cannot be decrypted: CONG_TOTP_KEY changed without the old key "
            "in CONG_TOTP_OLD_KEYS (see docs/operations.md)."
        ) from exc


def is_encrypted(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


def rotate(token: str) -> str:
    """The same secret under the current key."""
    return MultiFernet(keys()).rotate(token.encode()).decode() if token else ""


# --- Recovery codes ------------------------------------------------------------------------
# Twelve characters of base32 (60 bits) each, shown once, stored as salted SHA-256: a code
# is random and used once, so a slow password hash would add nothing but seconds to every
# check.

RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODES = 10


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def hash_recovery_code(code: str, salt: str | None = None) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{normalise_recovery_code(code)}".encode()).hexdigest()
    return f"{salt}${digest}"


def recovery_code_matches(code: str, stored: str) -> bool:
    salt, _sep, _digest = stored.partition("$")
    return hmac.compare_digest(hash_recovery_code(code, salt), stored)
