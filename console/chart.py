"""The on-time chart of the league table, drawn on the server as SVG: one row per portal,
one column per month, each cell shaded by that month's on-time %. No script, no CDN: the
page's inline SVG is all there is, and a table beside it says the same in text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

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


def _cell_svg(cell: Cell) -> str:
    return (
        f'<g><title>{escape(cell.title)}</title>'
        f'<rect x="{cell.x}" y="{cell.y}" width="{CELL_W - 2}" height="{CELL_H - 2}" '
        f'fill="{cell.fill}"></rect>'
        f'<text x="{cell.x + CELL_W // 2 - 1}" y="{cell.y + 14}" text-anchor="middle" '
        f'fill="{cell.ink}">{escape(cell.text)}</text></g>'
    )


def chart_svg(chart: Chart, labelled_by: str, description_id: str, description: str) -> SafeString:
    """The chart as inline SVG markup. Built here rather than in a template: a template loop
    over 100 portals × 12 months costs most of a second."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width}" height="{chart.height}" '
        f'viewBox="0 0 {chart.width} {chart.height}" role="img" '
        f'aria-labelledby="{escape(labelled_by)} {escape(description_id)}" font-family="sans-serif" '
        f'font-size="12">',
        f'<desc id="{escape(description_id)}">{escape(description)}</desc>',
    ]
    parts += [f'<text x="{x}" y="18" text-anchor="middle" fill="#212529">{escape(label)}</text>'
              for x, label in chart.months]
    parts += [f'<text x="4" y="{y}" fill="#212529">{escape(Truncator(name).chars(38))}</text>'
              for y, name in chart.rows]
    parts += [_cell_svg(cell) for cell in chart.cells]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def figures_table(portals, months: list[dt.date], values: dict, caption: str, first: str) -> SafeString:
    """The chart's figures as a table (its text alternative), built like the chart."""
    head = "".join(f'<th scope="col">{m:%m/%Y}</th>' for m in months)
    rows = []
    for portal in portals:
        cells = "".join(
            "<td>—</td>" if (v := values.get(portal.pk, {}).get(m)) is None else f"<td>{v}%</td>"
            for m in months
        )
        rows.append(f'<tr><th scope="row">{escape(portal.name)}</th>{cells}</tr>')
    return mark_safe(  # noqa: S308 - every value is escaped or a number
        f'<table><caption class="visually-hidden">{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">{escape(first)}</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )
