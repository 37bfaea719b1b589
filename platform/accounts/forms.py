"""Forms of the sign-in, password, two-factor and audit pages."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from accounts import lockout, names
from accounts.audit import client_ip
from accounts.models import AuditEvent


class LockoutMessages:
    """A sign-in form that tells a locked-out user until when, and a platform account
    refused in a portal why (set on the request by `PlatformAccountBackend`)."""

    def _locked_error(self) -> ValidationError | None:
        username = self.data.get("username") or ""
        if "\x00" in username:  # the name field reports it; no account can be named so
            return None
        locks = lockout.active_lockouts(username, client_ip(self.request))
        if not locks:
            return None
        return ValidationError(lockout.lockout_message(locks[0]), code="locked")

    def clean(self):
        error = self._locked_error()
        if error is not None:
            # Counted and audited like any refused attempt (LockoutBackend refuses it too).
            try:
                super().clean()
            except ValidationError:
                pass
            raise error
        try:
            return super().clean()
        except ValidationError:
            error = self._locked_error()  # this very failure may have locked the account
            if error is not None:
                raise error from None
            refusal = getattr(self.request, "_cong_login_refusal", None)
            if refusal:
                raise ValidationError(refusal, code="refused") from None
            raise


class LoginForm(LockoutMessages, WagtailLoginForm):
    """Wagtail's sign-in form with the account rules' messages."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Wagtail leaves the password unlabelled, so Django names it "Password" untranslated.
        self.fields["password"].label = _("Mật khẩu")


class PasswordChangeForm(DjangoPasswordChangeForm):
    error_messages = {
        **DjangoPasswordChangeForm.error_messages,
        "password_incorrect": _("Mật khẩu hiện tại không đúng."),
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")


class OtpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực (6 chữ số) hoặc mã khôi phục"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class RecoveryRenewForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực hiện tại (6 chữ số)"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class OtpDisableForm(forms.Form):
    password = forms.CharField(label=_("Mật khẩu hiện tại"), widget=forms.PasswordInput, strip=False)
    code = OtpCodeForm.base_fields["code"]


class AuditFilterForm(forms.Form):
    date_from = forms.DateField(label=_("Từ ngày"), required=False)
    date_to = forms.DateField(label=_("Đến ngày"), required=False)
    action = forms.ChoiceField(
        label=_("Hành động"), required=False, choices=[("", _("Tất cả"))] + list(AuditEvent.Action.choices)
    )
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=150)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data


class _UserFormRules:
    """User names in a safe script, not a platform account's (nor "@…", reserved for platform
    accounts mapped into the portal), not a look-alike of another name (`accounts.names`)."""

    def _clean_username(self):
        if "username" in self.cleaned_data:
            self.cleaned_data["username"] = names.fold(self.cleaned_data["username"])
        super()._clean_username()
        username = self.cleaned_data.get("username") or ""
        if not username or (self.instance.pk is not None and self.instance.username == username):
            return
        if "username" in self.errors:
            return
        problem = names.problem_with(username, exclude_pk=self.instance.pk)
        if problem is not None:
            self.add_error("username", problem)


class UserCreationForm(_UserFormRules, WagtailUserCreationForm):
    pass


class UserEditForm(_UserFormRules, WagtailUserEditForm):
    pass
