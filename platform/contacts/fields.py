"""Phone and e-mail fields with Vietnamese error messages, used by every contact list."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import nfc

_SEPARATORS = re.compile(r"[\s.\-()]")
# Landlines are 0 + 10 digits (0213 3876 543), mobiles 0 + 9 digits; hotlines 1800/1900.
_NATIONAL = re.compile(r"^0\d{9,10}$")
_HOTLINE = re.compile(r"^1[89]00\d{4,6}$")

PHONE_ERROR = _(
    "Số điện thoại “%(value)s” không hợp lệ. Hãy nhập số bắt đầu bằng 0 hoặc +84 "
    "(ví dụ: 0213 3876 543 hoặc +84 213 3876 543), hoặc số 1800/1900."
)
EMAIL_ERROR = _("Địa chỉ thư điện tử không hợp lệ (ví dụ hợp lệ: vanphong@laichau.gov.vn).")


def validate_phone(value: str) -> None:
    digits = _SEPARATORS.sub("", nfc(value))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    if not (_NATIONAL.match(digits) or _HOTLINE.match(digits)):
        raise ValidationError(PHONE_ERROR, code="invalid_phone", params={"value": value})


class PhoneField(models.CharField):
    """A Vietnamese phone or fax number, kept as the editor wrote it."""

    default_validators = [validate_phone]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)


class EmailAddressField(models.EmailField):
    """An e-mail address whose error message is Vietnamese in the admin and in full_clean()."""

    default_error_messages = {"invalid": EMAIL_ERROR}

    def formfield(self, **kwargs: Any):
        kwargs.setdefault("error_messages", {"invalid": EMAIL_ERROR})
        return super().formfield(**kwargs)
