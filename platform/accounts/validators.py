"""Password validators (AUTH_PASSWORD_VALIDATORS) with Vietnamese messages."""

from __future__ import annotations

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class LettersAndDigitsValidator:
    """At least `min_length` characters, with both letters and digits."""

    def __init__(self, min_length: int = 10):
        self.min_length = min_length

    def validate(self, password: str, user=None) -> None:
        errors = []
        if len(password) < self.min_length:
            errors.append(
                ValidationError(
                    _("Mật khẩu phải có ít nhất %(min_length)d ký tự."),
                    code="password_too_short",
                    params={"min_length": self.min_length},
                )
            )
        if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
            errors.append(
                ValidationError(_("Mật khẩu phải có cả chữ cái và chữ số."), code="password_letters_digits")
            )
        if errors:
            raise ValidationError(errors)

    def get_help_text(self) -> str:
        return _("Mật khẩu có ít nhất %(min_length)d ký tự, gồm cả chữ cái và chữ số.") % {
            "min_length": self.min_length
        }


class PasswordHistoryValidator:
    """Refuses the user's current password and the previous ones, as many as the portal's
    account policy says (`AccountPolicy.password_history`)."""

    def _history_size(self) -> int:
        from accounts.audit import current_request, in_portal
        from accounts.models import AccountPolicy

        if not in_portal():
            return 0
        return AccountPolicy.current(current_request()).password_history

    def validate(self, password: str, user=None) -> None:
        if user is None or user.pk is None:
            return
        size = self._history_size()
        if not size:
            return
        from accounts.models import PasswordHistory

        hashes = list(
            PasswordHistory.objects.filter(user_id=user.pk).values_list("password", flat=True)[:size]
        )
        if not hashes and user.has_usable_password():
            hashes = [user.password]
        if any(check_password(password, encoded) for encoded in hashes):
            raise ValidationError(
                _("Không được dùng lại %(count)d mật khẩu gần nhất. Hãy chọn một mật khẩu khác."),
                code="password_reused",
                params={"count": size},
            )

    def get_help_text(self) -> str:
        return _("Không được dùng lại các mật khẩu gần đây.")
