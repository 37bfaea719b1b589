"""DOCX and XLSX of a report in the administrative form (Decree 30/2020 on documents):
the unit and the national header side by side, number, place and date, title, the tables,
the narrative, recipients ("Nơi nhận") and the signer."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.exports import safe_cell

from .tables import Table

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập – Tự do – Hạnh phúc"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def place_and_date(place: str, day: dt.date | None) -> str:
    """“Lai Châu, ngày 03 tháng 12 năm 2026”."""
    if day is None:
        return f"{place}, ngày … tháng … năm …" if place else ""
    text = f"ngày {day:%d} tháng {day:%m} năm {day.year}"
    return f"{place}, {text}" if place else text


@dataclass
class ReportDocument:
    unit: str
    number: str
    place: str
    day: dt.date | None
    title: str
    subtitle: str
    tables: list[Table]
    narrative: list[tuple[str, str]] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""


def _cell_text(cell, text: str, bold: bool = False, italic: bool = False, center: bool = True,
               size: int | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def docx_bytes(doc: ReportDocument) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)

    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    _cell_text(left, doc.unit.upper(), bold=True, size=12)
    _cell_text(left, f"Số: {doc.number or '…'}", size=13)
    _cell_text(right, NATION, bold=True, size=12)
    _cell_text(right, MOTTO, bold=True, size=13)
    _cell_text(right, place_and_date(doc.place, doc.day), italic=True, size=13)

    for text, bold in ((_("BÁO CÁO"), True), (doc.subtitle, True)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold

    document.add_heading(_("I. SỐ LIỆU HOẠT ĐỘNG"), level=2)
    for table in doc.tables:
        document.add_paragraph().add_run(table.title).bold = True
        grid = document.add_table(rows=1, cols=len(table.header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            _cell_text(cell, text, bold=True, size=11)
        for row in table.rows:
            cells = grid.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
                _cell_text(cell, _text(value), center=index > 0, size=11)
    for index, (heading, text) in enumerate(doc.narrative, start=2):
        roman = ["", "", "II", "III", "IV", "V", "VI"][index]
        document.add_heading(f"{roman}. {heading.upper()}", level=2)
        for line in (text or "").splitlines() or [""]:
            document.add_paragraph(line)

    footer = document.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    _cell_text(left, _("Nơi nhận:"), bold=True, italic=True, center=False, size=12)
    for line in doc.recipients:
        _cell_text(left, f"- {line};", center=False, size=11)
    _cell_text(right, doc.signer_title.upper(), bold=True)
    _cell_text(right, "\n\n\n")
    _cell_text(right, doc.signer_name, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(doc: ReportDocument) -> bytes:
    """One sheet: the header lines, then every table (cells formula-safe)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Báo cáo")[:31]
    for line in (doc.unit.upper(), NATION, MOTTO, f"Số: {doc.number}",
                 place_and_date(doc.place, doc.day), _("BÁO CÁO"), doc.subtitle):
        sheet.append([safe_cell(line)])
    for table in doc.tables:
        sheet.append([])
        sheet.append([safe_cell(table.title)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append([safe_cell(h) for h in table.header])
        for row in table.rows:
            sheet.append([safe_cell(value) for value in row])
    sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, filename: str, kind: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE if kind == "docx" else XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response
