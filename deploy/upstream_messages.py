"""Check the project's Vietnamese catalogue of upstream admin strings against the installed packages.

Wagtail's and wagtail-localize's own Vietnamese catalogues are largely untranslated, so the
project ships its own in platform/cong/locale_upstream/vi/LC_MESSAGES (django.po and
djangojs.po). After upgrading Wagtail or wagtail-localize, run

    .venv/bin/python deploy/upstream_messages.py check

It reads the English source catalogue (locale/en/LC_MESSAGES/<domain>.po) of every upstream
app listed in CATALOGUES, located through importlib in the running environment, and prints
each message that our catalogue lacks, leaves untranslated or marks fuzzy, or whose plural
form has changed; it exits with status 1 if there is any. Messages we still carry but
upstream has dropped are counted for information only. Compile with msgfmt or
`manage.py compilemessages` as usual.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import polib

# Upstream apps in cong.settings' INSTALLED_APPS that ship a catalogue, per domain (a module
# without one, or not installed, is skipped).
CATALOGUES: dict[str, tuple[str, ...]] = {
    "django": (
        "wagtail",
        "wagtail.admin",
        "wagtail.users",
        "wagtail.images",
        "wagtail.documents",
        "wagtail.snippets",
        "wagtail.sites",
        "wagtail.search",
        "wagtail.locales",
        "wagtail.embeds",
        "wagtail.contrib.settings",
        "wagtail.contrib.redirects",
        "wagtail.contrib.forms",
        "wagtail.contrib.table_block",
        "wagtail_localize",
        "wagtail_localize.locales",
    ),
    "djangojs": ("wagtail.admin", "wagtail_localize"),
}
OURS = Path(__file__).resolve().parent.parent / "platform" / "cong" / "locale_upstream" / "vi" / "LC_MESSAGES"

Key = tuple[str | None, str]


def source_catalogue(module: str, domain: str) -> Path | None:
    """The English catalogue of an installed package, or None if it is absent or ships none."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    path = package / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    return path if path.exists() else None


def upstream_messages(domain: str) -> dict[Key, tuple[polib.POEntry, str]]:
    """Every upstream message of a domain, keyed by (msgctxt, msgid), with its app."""
    messages: dict[Key, tuple[polib.POEntry, str]] = {}
    for module in CATALOGUES[domain]:
        path = source_catalogue(module, domain)
        if path is not None:
            for entry in polib.pofile(str(path)):
                if not entry.obsolete:
                    messages.setdefault((entry.msgctxt, entry.msgid), (entry, module))
    return messages


def is_translated(entry: polib.POEntry, upstream: polib.POEntry) -> bool:
    if entry.fuzzy or entry.obsolete or entry.msgid_plural != upstream.msgid_plural:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural.get(0, "").strip())
    return bool(entry.msgstr.strip())


def check() -> int:
    missing_total = 0
    for domain in CATALOGUES:
        ours_path = OURS / f"{domain}.po"
        ours = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(ours_path))} if ours_path.exists() else {}
        upstream = upstream_messages(domain)
        missing = [
            (module, key)
            for key, (entry, module) in upstream.items()
            if key not in ours or not is_translated(ours[key], entry)
        ]
        stale = sum(1 for key in ours if key not in upstream)
        for module, (context, msgid) in missing:
            label = f"{context}\x04{msgid}" if context else msgid
            sys.stdout.write(f"{domain}\t{module}\t{label!r}\n")
        sys.stdout.write(
            f"{domain}: {len(upstream)} upstream messages, {len(missing)} missing or untranslated, "
            f"{stale} no longer used upstream\n"
        )
        missing_total += len(missing)
    return 1 if missing_total else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.parse_args(argv)
    return check()


if __name__ == "__main__":
    sys.exit(main())
