"""Bar charts drawn on the server as inline SVG (no script, no other origin): the admin's
views by day and the console's comparison of portals. A table beside each says the same."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 720, 180


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass
class Columns:
    width: int
    height: int
    bars: list[Bar]
    top: int


def columns(values: list[tuple[str, int]], width: int = WIDTH, height: int = HEIGHT) -> Columns:
    """One vertical bar per (label, value), scaled to the largest value."""
    top = max((value for _label, value in values), default=0) or 1
    step = width / max(len(values), 1)
    bars = []
    for n, (label, value) in enumerate(values):
        bar_height = round(value / top * (height - 4), 1)
        bars.append(Bar(round(n * step + step * 0.1, 1), round(height - bar_height, 1),
                        round(step * 0.8, 1), bar_height, label, value))
    return Columns(width, height, bars, top)


@dataclass
class Row:
    y: int
    width: float
    label: str
    value: int
    text: str


def rows(values: list[tuple[str, int, str]], width: int = 420, row_height: int = 22) -> list[Row]:
    """One horizontal bar per (label, value, text shown), scaled to the largest value."""
    top = max((value for _label, value, _text in values), default=0) or 1
    return [
        Row(n * row_height, round(value / top * width, 1), label, value, text)
        for n, (label, value, text) in enumerate(values)
    ]
