"""Text helpers: Vietnamese text is stored as NFC (TCVN 6909:2011)."""

from __future__ import annotations

import unicodedata

from django.utils.translation import get_language


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


def english_active() -> bool:
    """Whether the page being made is in English (its address is under /en/)."""
    return (get_language() or "").startswith("en")


def in_active_language(obj: object, field_name: str) -> str:
    """`obj.<field>_en` on English pages when it is filled in, else `obj.<field>`."""
    if english_active():
        english = getattr(obj, f"{field_name}_en", "")
        if english:
            return english
    return getattr(obj, field_name, "")
