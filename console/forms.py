from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.forms import LockoutMessages
from core.text import nfc
from tenants.models import (
    DECISION_EXTENSIONS,
    DECISION_MAX_BYTES,
    Domain,
    PlatformRole,
    Portal,
    PortalApplication,
    validate_hostname,
    validate_portal_code,
)
from tenants.provisioning import DecisionSpec
from visits.validators import validate_site_id

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


def check_pdf(upload, max_bytes: int = DECISION_MAX_BYTES) -> None:
    """A signed document as a PDF of reasonable size (read from its first bytes, not its
    name alone)."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in DECISION_EXTENSIONS:
        raise ValidationError(_("Tệp phải là tệp PDF."), code="not_pdf")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp không được lớn hơn %(mb)d MB."), code="too_big", params={"mb": max_bytes // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if not head.startswith(b"%PDF-"):
        raise ValidationError(_("Tệp không phải tệp PDF hợp lệ."), code="not_pdf")


class ConsoleLoginForm(LockoutMessages, AuthenticationForm):
    """Platform accounts only; locked out after repeated failures like everywhere else
    (the failures are counted once for the whole platform)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản đã bị khoá."),
        "no_role": _("Tài khoản này không có quyền vào trang quản trị hệ thống."),
    }

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not PlatformRole.objects.filter(user=user).exists():
            from console.journal import Action, log

            log(Action.CONSOLE_LOGIN_REFUSED, user.get_username(), "không có vai trò hệ thống", self.request)
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


class EmcForm(forms.Form):
    """The EMC code given by the national monitoring system (visits.VisitSettings)."""

    site_id = forms.CharField(label=_("Mã website EMC"), max_length=20, validators=[validate_site_id])
    url = forms.URLField(
        label=_("Địa chỉ máy chủ EMC"), required=False, assume_scheme="https",
        help_text=_("Để trống: địa chỉ mặc định của Hệ thống EMC."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)


class DecisionForm(forms.Form):
    """The province board's decision admitting a portal."""

    number = forms.CharField(label=_("Số quyết định"), max_length=100, help_text=_("Ví dụ: 12/QĐ-BBT"))
    date = forms.DateField(label=_("Ngày quyết định"), widget=DATE_WIDGET, help_text=_("dd/mm/yyyy"))
    signer = forms.CharField(label=_("Người ký"), max_length=200)
    file = forms.FileField(label=_("Tệp quyết định đã ký (PDF)"))

    def clean_date(self):
        from django.utils import timezone

        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise ValidationError(_("Ngày quyết định không được sau hôm nay."))
        return value

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf(upload)
        return upload

    def decision(self) -> DecisionSpec:
        data = self.cleaned_data
        return DecisionSpec(
            number=nfc(data["number"]).strip(), date=data["date"], signer=nfc(data["signer"]).strip(),
            file=data["file"],
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do không phê duyệt"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


APPLICATION_FILE_MAX_BYTES = 10 * 1024 * 1024


class ApplicationForm(forms.ModelForm):
    """A unit's application to join the system, sent by its head from the public form."""

    class Meta:
        model = PortalApplication
        fields = [
            "unit_name", "unit_name_en", "kind", "parent", "code", "domain", "head_name",
            "head_title", "email", "phone", "board_members", "board_decision_file", "note",
        ]
        widgets = {
            "board_members": forms.Textarea(attrs={"rows": 5}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "code": _("Chữ thường không dấu, dùng trong tên miền: sotttt, xaphongtho."),
            "domain": _("Nếu đơn vị đang dùng một tên miền riêng, ví dụ stttt.laichau.gov.vn."),
            "board_members": _("Mỗi người một dòng: họ tên – chức vụ – vai trò trong Ban Biên tập."),
            "board_decision_file": _("Quyết định của đơn vị thành lập Ban Biên tập, tệp PDF tối đa 10 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (k, label) for k, label in Portal.Kind.choices if k not in ("province", "platform")
        ]
        self.fields["parent"].queryset = Portal.objects.exclude(kind=Portal.Kind.PLATFORM).filter(
            status=Portal.Status.ACTIVE
        )
        self.fields["parent"].empty_label = _("Cổng tỉnh")
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["required"] = True

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        validate_portal_code(code)
        if Portal.objects.filter(code=code).exists():
            raise ValidationError(_("Mã cổng “%(code)s” đã được dùng."), params={"code": code})
        if PortalApplication.objects.filter(code=code, status=PortalApplication.Status.PENDING).exists():
            raise ValidationError(
                _("Đã có đơn đăng ký đang chờ xem xét với mã “%(code)s”."), params={"code": code}
            )
        return code

    def clean_domain(self) -> str:
        host = self.cleaned_data["domain"].strip().lower()
        if host:
            validate_hostname(host)
            if Domain.objects.filter(domain=host).exists():
                raise ValidationError(_("Tên miền “%(host)s” đã thuộc cổng khác."), params={"host": host})
        return host

    def clean_board_members(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["board_members"].splitlines() if line.strip()]
        if not lines:
            raise ValidationError(_("Hãy ghi danh sách Ban Biên tập, mỗi người một dòng."))
        return "\n".join(lines)

    def clean_board_decision_file(self):
        upload = self.cleaned_data["board_decision_file"]
        check_pdf(upload, APPLICATION_FILE_MAX_BYTES)
        return upload
