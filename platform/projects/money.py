"""Amounts of money in Vietnamese notation: 12.500.000.000 đồng."""

from __future__ import annotations

from decimal import Decimal


def format_vnd(amount: int | Decimal | None, unit: str = "đồng") -> str:
    """`12500000000` → `12.500.000.000 đồng`. Đồng has no subunit: decimals are rounded."""
    if amount is None or amount == "":
        return ""
    value = int(Decimal(amount).quantize(Decimal(1)))
    sign = "-" if value < 0 else ""
    grouped = f"{abs(value):,}".replace(",", ".")
    return f"{sign}{grouped} {unit}".strip()
