#!/usr/bin/env python
"""How long do `backup_portal` and `restore_portal` take for the demo province?

Creates a throwaway database on the same PostgreSQL server (embedded cluster by default,
or the server of DATABASE_URL), loads the demo province (`load_demo`), then times, each in
its own process as an operator runs them: the province portal's backup, its restore over
itself (`--replace`) and its restore as a new portal (`--as`), and checks that every table
has the rows it had.

    .venv/bin/python benchmarks/backup_restore.py [--portal laichau] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_backup"
sys.path[:0] = [str(ROOT / "benchmarks")]

from create_portal import bench_database_url as _portal_bench_url  # noqa: E402
from migrate_platform import admin_connection  # noqa: E402


def bench_database_url() -> str:
    return urlunsplit(urlsplit(_portal_bench_url())._replace(path=f"/{BENCH_DB}"))


def recreate(url: str, drop_only: bool = False) -> None:
    conn = admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()


def manage(env: dict, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started, done.stdout


COUNTS = (
    "import json, django; django.setup()\n"
    "from tenants.backup import table_counts\n"
    "print(json.dumps(table_counts({schema!r})))\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="laichau")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    url = bench_database_url()
    recreate(url)
    media = Path(tempfile.mkdtemp(prefix="cong-bench-media-"))
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cong.settings.dev",
           "DJANGO_MEDIA_ROOT": str(media), "PYTHONPATH": f"{ROOT}:{ROOT / 'platform'}"}

    def counts(schema: str) -> dict:
        out = subprocess.run([sys.executable, "-c", COUNTS.format(schema=schema)], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    try:
        seconds, _out = manage(env, "migrate_platform", "--verbosity", "0")
        print(f"migrate_platform: {seconds:.0f} s", flush=True)
        seconds, _out = manage(env, "load_demo")
        print(f"load_demo: {seconds:.0f} s", flush=True)
        before = counts(args.portal)
        output = tempfile.mkdtemp(prefix="cong-bench-backup-")
        backup_seconds, out = manage(env, "backup_portal", args.portal, "--output", output)
        archive = Path(out.strip().splitlines()[-1])
        size = archive.stat().st_size / 1_000_000
        replace_seconds, _out = manage(env, "restore_portal", str(archive), "--replace")
        assert counts(args.portal) == before, "the restored portal differs"
        copy_seconds, _out = manage(env, "restore_portal", str(archive), "--as", f"{args.portal}saoluu")
        assert counts(f"{args.portal}saoluu") == before, "the copy differs"
    finally:
        if not args.keep:
            recreate(url, drop_only=True)
    rows = sum(before.values())
    media_files = sum(1 for p in (media / args.portal).rglob("*") if p.is_file())
    print(f"\nportal {args.portal}: {len(before)} tables, {rows} rows, {media_files} media files; "
          f"archive {size:.1f} MB")
    print(f"backup_portal: {backup_seconds:.1f} s")
    print(f"restore_portal --replace: {replace_seconds:.1f} s (every table's rows as before)")
    print(f"restore_portal --as {args.portal}saoluu: {copy_seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
