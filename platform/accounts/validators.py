"""Password validators (AUTH_PASSWORD_VALIDATORS) with Vietnamese messages."""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import unaccent

BREACHED_LIST = Path(__file__).resolve().parent / "data" / "breached-passwords.txt.gz"


class LettersAndDigitsValidator:
    """At least `min_length` characters, with both letters and digits."""

    def __init__(self, min_length: int = 12):
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
        from signin.policy import platform_policy

        if not in_portal():
            return platform_policy().password_history  # platform accounts, in the console
        return AccountPolicy.current(current_request()).password_history

    def _history(self, user):
        from accounts.audit import in_portal
        from accounts.models import PasswordHistory
        from signin.models import PlatformPasswordHistory

        model = PasswordHistory if in_portal() else PlatformPasswordHistory
        return model.objects.filter(user_id=user.pk).values_list("password", flat=True)

    def validate(self, password: str, user=None) -> None:
        if user is None or user.pk is None:
            return
        size = self._history_size()
        if not size:
            return
        hashes = list(self._history(user)[:size])
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


# What people build passwords from here: the word "password" in both languages, the
# platform's own names, places (every province and the largest cities, unaccented), and
# affection. A password made of one of these plus digits and symbols (`LaiChau2026`,
# `matkhau123`, `P@ssw0rd!!`) is guessed in the first minutes of any attack.
BASE_WORDS = frozenset(
    """
    matkhau matma mk password passwd pass admin administrator quantri quantrivien hethong
    congthongtin congtt cong portal login dangnhap user nguoidung bientap truongban pheduyet
    vietnam hanoi hochiminh saigon tphcm danang haiphong cantho hue laichau laocai dienbien
    sonla yenbai hagiang caobang backan langson tuyenquang thainguyen phutho vinhphuc bacgiang
    bacninh quangninh haiduong hungyen thaibinh hanam namdinh ninhbinh hoabinh thanhhoa nghean
    hatinh quangbinh quangtri thuathienhue quangnam quangngai binhdinh phuyen khanhhoa
    nhatrang ninhthuan binhthuan kontum gialai daklak daknong lamdong dalat binhphuoc tayninh
    binhduong dongnai bariavungtau vungtau longan tiengiang bentre travinh vinhlong dongthap
    angiang kiengiang haugiang soctrang baclieu camau
    anhyeuem emyeuanh yeuem iloveyou qwerty asdfgh zxcvbn abcdef abc xinchao
    """.split()
)
# Look-alike digits and symbols read as the letters they stand for.
_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "5": "s", "7": "t",
                       "1": "i", "!": "i", "|": "i", "8": "b", "9": "g"})
_LEET_L = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "5": "s", "7": "t",
                         "1": "l", "!": "", "|": "l", "8": "b", "9": "g"})
_NOT_LETTERS = re.compile(r"[^a-z]+")
# Fewer letters than this besides the base word make no real difference to a guesser.
MIN_OWN_LETTERS = 4


def _letter_readings(password: str) -> set[str]:
    """The letters of the password, unaccented, in lower case: as typed, and with look-alike
    digits and symbols read as letters."""
    folded = unaccent(password).lower()
    return {
        _NOT_LETTERS.sub("", variant)
        for variant in (folded, folded.translate(_LEET), folded.translate(_LEET_L))
    }


def is_patterned(password: str) -> bool:
    """A well-known word (see BASE_WORDS) with little else, or no letters at all."""
    for letters in _letter_readings(password):
        if not letters:
            return True
        for word in BASE_WORDS:
            if word in letters and len(letters.replace(word, "", 1)) < MIN_OWN_LETTERS:
                return True
    return False


class VietnamesePatternValidator:
    """Refuses passwords built the way people here build them: `matkhau…`, a province or
    city name with a year, `P@ssw0rd!!`."""

    def validate(self, password: str, user=None) -> None:
        if is_patterned(password):
            raise ValidationError(
                _(
                    "Mật khẩu này quá dễ đoán: được ghép từ một từ phổ biến (như “matkhau”, "
                    "“password”, tên tỉnh, tên cổng) với chữ số hoặc ký hiệu. Hãy dùng một "
                    "cụm từ riêng của bạn."
                ),
                code="password_patterned",
            )

    def get_help_text(self) -> str:
        return _("Không dùng mật khẩu ghép từ “matkhau”, “password”, tên tỉnh hay năm sinh.")


@lru_cache(maxsize=1)
def breached_passwords() -> frozenset[str]:
    """The bundled list (see data/README.md), read once on first use."""
    with gzip.open(BREACHED_LIST, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


_EDGE_NOISE = re.compile(r"^[^a-z]+|[^a-z]+$")


class BreachedPasswordValidator:
    """Refuses a password that appears in public breach corpora, also with digits or symbols
    added before or after it (`superman2026!`)."""

    def validate(self, password: str, user=None) -> None:
        lowered = password.lower()
        known = breached_passwords()
        core = _EDGE_NOISE.sub("", lowered)
        if lowered in known or (len(core) >= 4 and core in known):
            raise ValidationError(
                _(
                    "Mật khẩu này có trong danh sách mật khẩu đã bị lộ trong các vụ rò rỉ dữ "
                    "liệu công khai. Hãy chọn mật khẩu khác."
                ),
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return _("Không dùng mật khẩu đã bị lộ trong các vụ rò rỉ dữ liệu.")
