from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from tenants.models import PlatformRole, Portal, validate_hostname, validate_portal_code


class ConsoleLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản đã bị khoá."),
        "no_role": _("Tài khoản này không có quyền vào trang quản trị hệ thống."),
    }

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not PlatformRole.objects.filter(user=user).exists():
            raise ValidationError(self.error_messages["no_role"], code="no_role")


class PortalRequestForm(forms.Form):
    code = forms.CharField(
        label=_("Mã cổng"), max_length=40,
        help_text=_("Chữ thường không dấu, dùng trong tên miền: sotttt, xaphongtho."),
    )
    name = forms.CharField(label=_("Tên cổng (tiếng Việt)"), max_length=255)
    name_en = forms.CharField(label=_("Tên tiếng Anh"), max_length=255, required=False)
    kind = forms.ChoiceField(
        label=_("Loại cổng"),
        choices=[(k, label) for k, label in Portal.Kind.choices if k not in ("province", "platform")],
    )
    parent = forms.ModelChoiceField(
        label=_("Cổng cấp trên"), queryset=Portal.objects.none(), required=False,
        empty_label=_("Cổng tỉnh"),
    )
    contact_email = forms.EmailField(label=_("Thư điện tử liên hệ"), required=False)
    extra_domains = forms.CharField(
        label=_("Tên miền riêng đang dùng (nếu có)"), required=False,
        help_text=_("Mỗi tên miền một dòng."), widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Portal.objects.exclude(
            kind=Portal.Kind.PLATFORM
        ).exclude(status=Portal.Status.ARCHIVED)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        validate_portal_code(code)
        if Portal.objects.filter(code=code).exists():
            raise ValidationError(_("Mã cổng “%(code)s” đã được dùng."), params={"code": code})
        return code

    def clean_name(self) -> str:
        return nfc(self.cleaned_data["name"]).strip()

    def clean_extra_domains(self) -> list[str]:
        hosts = [h.strip().lower() for h in self.cleaned_data["extra_domains"].splitlines() if h.strip()]
        for host in hosts:
            validate_hostname(host)
        return hosts


class DomainForm(forms.Form):
    host = forms.CharField(label=_("Tên miền"), max_length=253)

    def clean_host(self) -> str:
        host = self.cleaned_data["host"].strip().lower()
        validate_hostname(host)
        return host


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)
