"""User names a portal may give its users.

A portal's user name is written in a safe script: Latin letters (Vietnamese diacritics are
folded: "trưởngban" becomes "truongban"), digits, ".", "_" and "-". It may not be, or look
like, the name of a platform account (operators and the province board sign in to every
portal with their own names; a local look-alike would refuse them there and fill the audit
trail with a false "quantri"), nor begin with "@" (reserved for platform accounts mapped into
the portal), nor look like another user of the same portal.

"Looks like" is decided on a skeleton in the manner of Unicode TR39: Cyrillic and Greek
letters that look Latin become Latin, case is folded, and "rn"/"m", "vv"/"w", "1"/"l"/"i",
"0"/"o" count as the same, and separators as nothing ("bien.tap" looks like "bientap").
"""

from __future__ import annotations

import re
import unicodedata

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import unaccent
from tenants.current import in_public_schema

MAPPED_PREFIX = "@"
SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
# Names nobody may take in a portal, whether or not a platform account has them now.
RESERVED = frozenset(
    {"admin", "administrator", "root", "system", "superuser", "quantri", "quantrivien",
     "hethong", "operator", "support", "hotro", "webmaster", "postmaster", "anonymous"}
)

# Letters of other scripts that are drawn like Latin ones (TR39 confusables, the part that
# matters for names typed on a Vietnamese keyboard or pasted from elsewhere).
_LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ь": "b", "г": "r",
        "п": "n", "ү": "y",
        "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p",
        "С": "c", "Т": "t", "У": "y", "Х": "x", "Ѕ": "s", "І": "i", "Ј": "j", "Ԁ": "d",
        "Ү": "y", "Ԛ": "q", "Ԝ": "w",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w",
        "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m",
        "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
        # Latin look-alikes
        "ı": "i", "ł": "l", "ø": "o", "ß": "ss",
    }
)
_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_SINGLE = str.maketrans({"1": "l", "i": "l", "|": "l", "0": "o", "_": None, "-": None, ".": None})


def skeleton(name: str) -> str:
    """The shape of a name, for telling whether two names look alike."""
    text = unicodedata.normalize("NFKC", name or "").translate(_LOOKALIKES)
    text = unaccent(text).casefold()
    for sequence, replacement in _SEQUENCES:
        text = text.replace(sequence, replacement)
    return text.translate(_SINGLE)


def fold(name: str) -> str:
    """What a typed name is stored as: NFC, trimmed, Vietnamese diacritics folded."""
    return unaccent((name or "").strip())


def platform_names() -> list[str]:
    """Every account name of the control plane (operators, the province board)."""
    with in_public_schema():
        return list(get_user_model()._default_manager.values_list("username", flat=True))


def problem_with(name: str, *, exclude_pk: int | None = None) -> ValidationError | None:
    """Why `name` cannot be given to a user of the current portal, or None."""
    if name.startswith(MAPPED_PREFIX):
        return ValidationError(_("Tên bắt đầu bằng “@” dành cho tài khoản hệ thống."), code="reserved")
    if not SAFE_NAME.match(name):
        return ValidationError(
            _(
                "Tên đăng nhập chỉ gồm chữ cái Latinh (dấu tiếng Việt được bỏ), chữ số và các "
                "dấu “.”, “_”, “-”, không có dấu cách."
            ),
            code="unsafe_script",
        )
    shape = skeleton(name)
    if shape in {skeleton(reserved) for reserved in RESERVED} or any(
        skeleton(other) == shape for other in platform_names()
    ):
        return ValidationError(
            _("Tên “%(name)s” dành cho tài khoản hệ thống hoặc quá giống tên đó; hãy chọn tên khác."),
            code="reserved",
            params={"name": name},
        )
    others = get_user_model()._default_manager.exclude(username__startswith=MAPPED_PREFIX)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    for other in others.values_list("username", flat=True):
        if other != name and skeleton(other) == shape:
            return ValidationError(
                _("Tên “%(name)s” quá dễ nhầm với tài khoản “%(other)s” đã có trong cổng."),
                code="confusable",
                params={"name": name, "other": other},
            )
    return None
