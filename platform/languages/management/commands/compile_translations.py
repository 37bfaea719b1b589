"""Compile the project's gettext catalogues (.po) into the .mo files Django reads.

Pure Python (polib), so no gettext tools are needed on the server. `make run` and
`make test` run it; the .mo files are build output and are not committed.

    python manage.py compile_translations [--check]
"""

from __future__ import annotations

from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues() -> list[tuple[Path, Path]]:
    """(locale folder, .po file) of every catalogue in LOCALE_PATHS."""
    return sorted(
        (Path(base), po)
        for base in settings.LOCALE_PATHS
        for po in Path(base).glob("*/LC_MESSAGES/*.po")
    )


def is_source_catalogue(base: Path, po_path: Path) -> bool:
    """Our own strings are written in Vietnamese: their `vi` catalogue needs no msgstr."""
    return base == Path(settings.LOCALE_PATHS[0]) and po_path.parts[-3] == settings.LANGUAGE_CODE


class Command(BaseCommand):
    help = "Biên dịch các tệp bản dịch (.po → .mo) của dự án."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check", action="store_true",
            help="Chỉ kiểm tra: báo lỗi nếu có chuỗi chưa dịch hoặc đánh dấu fuzzy.",
        )

    def handle(self, *args, check: bool = False, **options) -> None:
        problems = []
        for base, po_path in catalogues():
            try:
                catalogue = polib.pofile(str(po_path), wrapwidth=0)
            except (OSError, ValueError) as exc:
                raise CommandError(f"{po_path}: không đọc được ({exc})") from exc
            if not is_source_catalogue(base, po_path):
                untranslated = [e.msgid for e in catalogue.untranslated_entries() if not e.obsolete]
                if untranslated:
                    problems.append(f"{po_path}: {len(untranslated)} chuỗi chưa dịch")
            fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
            if fuzzy:
                problems.append(f"{po_path}: {len(fuzzy)} chuỗi đánh dấu fuzzy")
            if not check:
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                if options["verbosity"] > 1:
                    self.stdout.write(f"{po_path.with_suffix('.mo')}")
        if check and problems:
            raise CommandError("\n".join(problems))
        for problem in problems:
            self.stderr.write(problem)
