from __future__ import annotations

from decimal import Decimal

from django import template

from projects.money import format_vnd

register = template.Library()


@register.filter(name="vnd")
def vnd(amount: int | Decimal | None, unit: str | None = None) -> str:
    """`{{ page.budget|vnd }}` → `12.500.000.000 đồng`."""
    return format_vnd(amount, unit)
