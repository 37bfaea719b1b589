"""Spreadsheet exports that cannot run what someone typed.

A spreadsheet program opening a CSV takes a cell that begins with `=`, `+`, `-` or `@` (or a
tab or carriage return before one of those) as a formula: a citizen's comment
`=HYPERLINK("http://…","Bấm vào đây")`, or a user name typed at a failed sign-in, would
become a live link or worse in the board's spreadsheet. Every such text cell is written with
a leading single quote, the OWASP way: shown as text, nothing evaluated, nothing lost.

Every CSV export goes through `csv_response`; an XLSX writer, if one is added, passes each
cell through `safe_cell` the same way.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value`, with a leading `'` if it is text a spreadsheet would read as a formula.
    Numbers stay numbers (a negative amount is not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


def csv_response(filename: str, header: Sequence[Any], rows: Iterable[Iterable[Any]]) -> HttpResponse:
    """A CSV download: UTF-8 with a byte-order mark (so that Excel reads Vietnamese
    correctly), every text cell made safe, the header row first."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    if header:
        writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return response
