from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_site_id(value: str) -> None:
    if value and not (value.isascii() and value.isdigit()):
        raise ValidationError(_("Mã website chỉ gồm chữ số."))


def validate_https_url(value: str) -> None:
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ValidationError(_("Địa chỉ phải bắt đầu bằng https:// và không chứa tài khoản."))
    if parts.query or parts.fragment:
        raise ValidationError(_("Địa chỉ không được có phần ?… hoặc #…."))


def origin(url: str) -> str:
    """https://host[:port] of a validated URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
