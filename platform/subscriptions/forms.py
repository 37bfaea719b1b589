"""The public subscribe form: an address and one target, with participation's anti-spam."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.forms import CitizenFormMixin

from .models import normalise_email
from .targets import Target

TARGET_FIELD = "muc"


class SubscribeForm(CitizenFormMixin, forms.Form):
    token_purpose = "subscription"

    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        help_text=_("Chúng tôi gửi một thư xác nhận; chỉ sau khi bạn xác nhận mới nhận tin."),
        error_messages={
            "required": _("Vui lòng nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn)."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    muc = forms.ChoiceField(
        label=_("Nhận tin về"),
        error_messages={
            "required": _("Vui lòng chọn mục muốn nhận tin."),
            "invalid_choice": _("Mục đã chọn không còn; vui lòng chọn lại."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Cổng dùng địa chỉ thư điện tử này chỉ để gửi tin đã đăng ký; tôi có "
            "thể hủy nhận tin bất cứ lúc nào."
        ),
        error_messages={"required": _("Vui lòng đồng ý với việc sử dụng địa chỉ thư điện tử.")},
    )

    def __init__(self, *args, groups: list[tuple[str, list[Target]]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[TARGET_FIELD].choices = [("", _("— Chọn một mục —"))] + [
            (label, [(t.value, t.label) for t in targets]) for label, targets in groups
        ]
        self.add_spam_fields()

    def clean(self) -> dict:
        cleaned = super().clean()
        self.normalise(cleaned)
        if cleaned.get("email"):
            cleaned["email"] = normalise_email(cleaned["email"])
        self.clean_spam(cleaned)
        return cleaned
