"""`{{ image|alt_text }}`: an image's alt text on a page (editorial.images.alt_text)."""

from __future__ import annotations

from typing import Any

from django import template

from editorial import images

register = template.Library()


@register.filter
def alt_text(image: Any) -> str:
    return images.alt_text(image)
