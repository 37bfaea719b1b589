"""Text helpers: Vietnamese text is stored as NFC (TCVN 6909:2011)."""

from __future__ import annotations

import unicodedata


def nfc(value: str | None) -> str:
    """Normalise to NFC; None becomes an empty string."""
    if not value:
        return ""
    return unicodedata.normalize("NFC", value)


def unaccent(value: str) -> str:
    """`Lai Châu` → `Lai Chau`, `Đồng` → `Dong`: for codes, slugs and folded search."""
    value = nfc(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
