"""Colour arithmetic for the per-portal theme: WCAG contrast and a legible brand colour.

A portal's board picks its primary colour (themes.ThemeSettings). The base theme uses that
colour behind white text (header, navigation, buttons, current tab) and as text on white
(kickers, the search button). Both need a contrast of at least 4.5:1 (WCAG 2.x AA, normal
text). When the chosen colour is too light, `legible_brand` darkens it, keeping its hue,
just enough to reach that ratio; the colour as chosen is still used where it carries no text
(borders, rules). Nothing is rejected: a board that picks pale yellow gets a dark olive.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND = "#a50e0e"
# A portal that keeps the default colour gets the one of its kind, so that the province,
# a department and a commune do not look identical: the province's red, a department's navy,
# a commune's green (all dark enough for white text).
KIND_BRANDS = {"province": DEFAULT_BRAND, "department": "#0b3d7a", "district": "#6b2d0f",
               "commune": "#145a32"}
WHITE = "#ffffff"
# AA for normal text, with a little room so rounding never lands just under it.
MIN_CONTRAST = 4.5
TARGET_CONTRAST = 4.6


def is_hex_colour(value: object) -> bool:
    return isinstance(value, str) and bool(HEX_COLOUR.match(value))


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darken(colour: str, factor: float) -> str:
    """Scale every channel by `factor` (0–1): the same hue, darker."""
    return _hex(*(c * factor for c in _channels(colour)))


def legible_brand(colour: str, background: str = WHITE) -> str:
    """`colour`, or the lightest darker shade of it that reaches TARGET_CONTRAST on
    `background` (and so carries white text, when the background is white)."""
    colour = colour.lower()
    if contrast_ratio(colour, background) >= MIN_CONTRAST:
        return colour
    low, high = 0.0, 1.0  # low always passes (black), high fails
    for _ in range(20):
        middle = (low + high) / 2
        if contrast_ratio(darken(colour, middle), background) >= TARGET_CONTRAST:
            low = middle
        else:
            high = middle
    return darken(colour, low)


@dataclass(frozen=True)
class BrandColours:
    chosen: str  # the board's colour, for decoration only
    brand: str  # text on white, and the background of white text
    brand_dark: str  # the navigation bar, under white text

    def css(self) -> str:
        return (
            f":root{{--brand:{self.brand};--brand-dark:{self.brand_dark};"
            f"--brand-accent:{self.chosen}}}"
        )

    @property
    def digest(self) -> str:
        """Changes whenever the colours do: names the version of the portal's stylesheet."""
        return hashlib.sha256(self.css().encode()).hexdigest()[:12]


def brand_colours(chosen: object) -> BrandColours:
    """The theme's colours for a board's choice; an invalid value falls back to the default."""
    colour = chosen.lower() if is_hex_colour(chosen) else DEFAULT_BRAND
    brand = legible_brand(colour)
    return BrandColours(chosen=colour, brand=brand, brand_dark=darken(brand, 0.76))
