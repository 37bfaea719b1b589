"""Amounts of money in Vietnamese notation: 12.500.000.000 đồng."""

from __future__ import annotations

from decimal import Decimal

from core.text import english_active


def format_vnd(amount: int | Decimal | None, unit: str | None = None) -> str:
    """`12500000000` → `12.500.000.000 đồng` (in English: `12,500,000,000 VND`).
    Đồng has no subunit: decimals are rounded."""
    if amount is None or amount == "":
        return ""
    english = english_active()
    if unit is None:
        unit = "VND" if english else "đồng"
    value = int(Decimal(amount).quantize(Decimal(1)))
    sign = "-" if value < 0 else ""
    grouped = f"{abs(value):,}" if english else f"{abs(value):,}".replace(",", ".")
    return f"{sign}{grouped} {unit}".strip()
