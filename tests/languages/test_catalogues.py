"""Every UI string has its English, and every Wagtail admin string its Vietnamese."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
SOURCES = ["platform", "themes", "search", "tenants", "console", "demo"]


def entries(po_path: Path) -> set[tuple[str, str]]:
    return {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(po_path)) if not e.obsolete}


def test_english_catalogue_is_complete_and_not_fuzzy():
    call_command("compile_translations", check=True, verbosity=0)


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path, monkeypatch):
    """Extract the strings again (as `make messages` does) into a scratch folder: nothing
    may be missing from the committed catalogues. From a copy of the sources: makemessages
    writes a `.py` beside each template it reads, which tests reading the source tree in a
    parallel worker must never meet."""
    for name in SOURCES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command(
            "makemessages", locale=["en"], symlinks=True, verbosity=0, no_obsolete=True,
            ignore_patterns=["*/migrations/*", "platform/cong/locale_upstream/*"],
        )
    extracted = entries(tmp_path / "locale/en/LC_MESSAGES/django.po")
    assert extracted, "nothing extracted"
    committed = entries(ROOT / "locale/en/LC_MESSAGES/django.po")
    missing = sorted(extracted - committed)
    assert not missing, f"run `make messages` and translate: {missing[:20]}"


def test_english_and_vietnamese_ui_strings_are_served():
    with translation.override("en"):
        assert translation.gettext("Trang chủ") == "Home"
        assert translation.pgettext("URL", "tim-kiem/") == "search/"
    with translation.override("vi"):
        assert translation.gettext("Trang chủ") == "Trang chủ"
        # Wagtail's own admin strings, from our Vietnamese catalogue.
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Sync translated pages") == "Đồng bộ các trang đã dịch"


@pytest.mark.skipif(not (ROOT / "deploy/upstream_messages.py").exists(), reason="no checker")
def test_upstream_admin_strings_all_have_vietnamese():
    result = subprocess.run(
        [sys.executable, str(ROOT / "deploy/upstream_messages.py"), "check"],
        capture_output=True, text=True, env=os.environ, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Upstream admin words a Vietnamese editor met in English (Django's own Vietnamese catalogue
# leaves them out or keeps the English): each must come out in Vietnamese.
UPSTREAM_WORDS_EDITORS_SEE = ("Password", "Email", "Username", "Groups", "Settings", "Dashboard")


def test_admin_words_and_durations_are_vietnamese():
    from datetime import timedelta

    from django.utils import timezone

    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("vi"):
        english = [word for word in UPSTREAM_WORDS_EDITORS_SEE if translation.gettext(word) == word]
        assert not english, english
        for unit in ("year", "month", "week", "day", "hour", "minute"):
            one = f"%(num)d {unit}"
            assert translation.ngettext(one, one + "s", 2) != one + "s", unit
        now = timezone.now()
        assert timesince_simple(now) == "vừa xong"  # not "0 minutes trước"
        assert timesince_simple(now - timedelta(hours=3)) == "3\xa0giờ trước"
        assert timesince_simple(now - timedelta(days=400)) == "1\xa0năm trước"
