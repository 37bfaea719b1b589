"""The on-time chart of the league table, drawn on the server as SVG: one row per portal,
one column per month, each cell shaded by that month's on-time %. No script, no CDN: the
page's inline SVG is all there is, and a table beside it says the same in text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CELL_W, CELL_H, LABEL_W, HEADER_H = 46, 22, 260, 28

# (lower bound %, fill, text colour): colours pass contrast with their text.
BANDS = [(90, "#1b7a3a", "#ffffff"), (70, "#8cc63f", "#10240a"), (50, "#f3c623", "#2b2200"),
         (0, "#c0392b", "#ffffff")]
NO_DATA = ("#e9ecef", "#495057")


@dataclass
class Cell:
    x: int
    y: int
    fill: str
    ink: str
    text: str
    title: str


@dataclass
class Chart:
    width: int
    height: int
    months: list[tuple[int, str]]  # (x, "mm/yy")
    rows: list[tuple[int, str]]  # (y, portal name)
    cells: list[Cell]


def band(percent: float | None) -> tuple[str, str]:
    if percent is None:
        return NO_DATA
    for lower, fill, ink in BANDS:
        if percent >= lower:
            return fill, ink
    return BANDS[-1][1:]


def on_time_chart(portals, months: list[dt.date], values: dict) -> Chart:
    cells, rows = [], []
    for r, portal in enumerate(portals):
        y = HEADER_H + r * CELL_H
        rows.append((y + CELL_H // 2 + 4, portal.name))
        for c, month in enumerate(months):
            percent = values.get(portal.pk, {}).get(month)
            fill, ink = band(percent)
            text = "–" if percent is None else f"{percent:.0f}"
            title = f"{portal.name}, {month:%m/%Y}: " + ("–" if percent is None else f"{percent:.1f}%")
            cells.append(Cell(LABEL_W + c * CELL_W, y, fill, ink, text, title))
    return Chart(
        width=LABEL_W + CELL_W * len(months) + 4,
        height=HEADER_H + CELL_H * len(portals) + 4,
        months=[(LABEL_W + c * CELL_W + CELL_W // 2, f"{m:%m/%y}") for c, m in enumerate(months)],
        rows=rows,
        cells=cells,
    )
