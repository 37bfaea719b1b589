"""What the console's tests share: the province board's decision as its form posts it."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4 quyet dinh phe duyet cua Ban Bien tap"


def decision_post(number: str = "15/QĐ-BBT", date: str = "05/01/2026", pdf: bytes | None = PDF) -> dict:
    data = {"number": number, "date": date, "signer": "Hoàng Thị Tỉnh"}
    if pdf is not None:
        data["file"] = SimpleUploadedFile("qd-15.pdf", pdf, content_type="application/pdf")
    return data
