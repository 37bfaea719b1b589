"""The demo PDF writer makes files a PDF reader opens."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

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


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_text(tmp_path):
    path = tmp_path / "van-ban.pdf"
    text = "Phát triển vùng chè Tam Đường giai đoạn 2024–2030. " * 20
    path.write_bytes(make_pdf("Nghị quyết 45/2023/NQ-HĐND", [text]))
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    assert result.stderr == ""
    assert "Nghi quyet 45/2023/NQ-HDND" in result.stdout
    assert "Phat trien vung che Tam Duong giai doan 2024-2030" in result.stdout
