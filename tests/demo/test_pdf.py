"""The demo PDF writer makes files a PDF reader opens."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from demo.pdf import make_pdf


def test_the_cross_reference_table_points_at_each_object():
    content = make_pdf("Quyết định 12/2024/QĐ-UBND", ["Trích yếu (có ngoặc) \\ và dấu"])
    assert content.startswith(b"%PDF-1.4\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", content).group(1))
    assert content[startxref:].startswith(b"xref\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", content)
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset):].startswith(b"%d 0 obj" % number)
    assert b"Quyet dinh 12/2024/QD-UBND" in content
    assert b"\\(co ngoac\\) \\\\" in content


def test_a_pdf_reader_reads_the_text():
    """What the search's attachment extraction (pypdf) reads of a demo file."""
    text = "Phát triển vùng chè Tam Đường giai đoạn 2024–2030. " * 20
    reader = PdfReader(io.BytesIO(make_pdf("Nghị quyết 45/2023/NQ-HĐND", [text])), strict=True)
    read = " ".join(page.extract_text() for page in reader.pages)
    assert "Nghi quyet 45/2023/NQ-HDND" in read
    assert "Phat trien vung che Tam Duong giai doan 2024-2030" in " ".join(read.split())
