"""Checks on what citizens upload and type."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# extension → leading bytes the file must start with (the extension alone is a claim).
ATTACHMENT_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "docx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 .\-()]{6,18}[0-9]$")


def validate_attachment(file: UploadedFile) -> None:
    name = file.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_SIGNATURES:
        raise ValidationError(_("Tệp đính kèm chỉ nhận định dạng PDF, DOC, DOCX, JPG hoặc PNG."), code="type")
    if file.size is not None and file.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("Tệp đính kèm không được lớn hơn 5 MB."), code="size")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8)
    file.seek(position)
    if not head.startswith(ATTACHMENT_SIGNATURES[extension]):
        raise ValidationError(
            _("Nội dung tệp không đúng định dạng %(ext)s."),
            code="content",
            params={"ext": extension.upper()},
        )


def validate_phone(value: str) -> None:
    digits = re.sub(r"\D", "", value or "")
    if not PHONE_RE.match(value or "") or not 8 <= len(digits) <= 15:
        raise ValidationError(
            _("Số điện thoại không hợp lệ (ví dụ: 0213 3876 123 hoặc 0912 345 678)."),
            code="phone",
        )
