"""A tiny one-page PDF 1.4 writer, for demo and test files that open in any PDF reader.

The text is set in Helvetica, one of the 14 standard fonts every reader has, so nothing is
embedded; Vietnamese is folded to ASCII (`Lai Châu` → `Lai Chau`) because the standard
fonts have no Vietnamese glyphs. Real documents are uploaded by editors; this only makes
believable placeholders.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from core.text import unaccent

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
WRAP = 88  # characters per line of 10.5 pt Helvetica across the text width


_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'",
                              "…": "...", "\u00a0": " "})


def _ascii(value: str) -> str:
    return unaccent(value.translate(_PUNCTUATION)).encode("ascii", "replace").decode("ascii")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content_stream(heading: str, lines: Iterable[str]) -> bytes:
    ops = ["BT", f"/F2 13 Tf {MARGIN} {PAGE_HEIGHT - MARGIN - 14} Td 16 TL"]
    for line in textwrap.wrap(_ascii(heading), 70) or [""]:
        ops.append(f"({_escape(line)}) Tj T*")
    ops.append("/F1 10.5 Tf 14 TL T*")
    bottom = MARGIN + 14
    y = PAGE_HEIGHT - MARGIN - 14 - 16 * 2
    for paragraph in lines:
        for line in textwrap.wrap(_ascii(paragraph), WRAP) or [""]:
            if y < bottom:  # one page only: the rest is cut
                break
            ops.append(f"({_escape(line)}) Tj T*")
            y -= 14
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def make_pdf(heading: str, lines: Iterable[str] = (), title: str = "") -> bytes:
    """A valid one-page PDF with `heading` in bold and `lines` as wrapped paragraphs."""
    stream = _content_stream(heading, lines)
    info_title = _escape(_ascii(title or heading))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode("ascii"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({info_title}) /Producer (Cong) >>".encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return bytes(out)


def legal_document_pdf(document) -> bytes:
    """The placeholder full text of a legal document page: its number, issuer and summary."""
    issuer = document.issuer.name if document.issuer_id else ""
    heading = document.display_name
    lines = [
        issuer.upper(),
        "",
        f"So ky hieu: {document.number}" if document.number else "Du thao",
        f"Ngay ban hanh: {document.issue_date:%d/%m/%Y}" if document.issue_date else "",
        "",
        f"Trich yeu: {document.summary}",
        "",
        document.title,
        "",
        f"{document.signer_title}: {document.signer}" if document.signer else "",
    ]
    return make_pdf(heading, [line for line in lines], title=heading)
