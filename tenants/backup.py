"""One portal's backup and restore: its schema, its registry rows and domains, its media
folder and whatever the apps registered (search: the portal's documents, its search words
and its PDFs' extracted text), in one tar archive
with a manifest and SHA-256 checksums.

    <code>-<yyyymmdd-hhmmss>.tar
      manifest.json   what, when, from which schema; every other member's size and sha256
      schema.sql      pg_dump --schema=<schema> (plain SQL, no owners or privileges)
      registry.json   the Portal row, its Domains and its PortalEvents
      media.tar       MEDIA_ROOT/<schema>/
      part-<name>.json  each registered part (search-words, attachment-text, search)

Restoring runs the SQL in one transaction through psql. Into a new code (`--as`) the schema
name is rewritten in the statements only, never in the rows' data (COPY blocks pass through
untouched), so text that happens to contain the old code stays as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django_tenants.utils import schema_context, schema_exists

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.current import public_schema
from tenants.models import Domain, Portal, PortalEvent, validate_portal_code

FORMAT = 1


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupPart:
    """Data of a portal kept outside its schema by a higher app (registered in its ready()).

    `dump(schema)` returns JSON-able data; `restore(schema, data, same_schema)` puts it back
    for the portal now in `schema` (`same_schema`: restored under the schema it was taken
    from, so stored names still hold)."""

    name: str
    dump: Callable[[str], object]
    restore: Callable[[str, object, bool], None]


_PARTS: dict[str, BackupPart] = {}


def register_backup_part(part: BackupPart) -> None:
    _PARTS[part.name] = part


# --- the database -------------------------------------------------------------------------


def _libpq_env() -> dict[str, str]:
    """PG* variables for pg_dump and psql from Django's connection settings."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host")
    if host:
        env["PGHOST"] = host
    if db.get("PORT"):
        env["PGPORT"] = str(db["PORT"])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _tool(name: str) -> str:
    """A PostgreSQL client program: on PATH, or in the server's version folder."""
    found = shutil.which(name)
    if found:
        return found
    version = connection.pg_version // 10000
    candidate = Path(f"/usr/lib/postgresql/{version}/bin/{name}")
    if candidate.exists():
        return str(candidate)
    raise BackupError(_("Không tìm thấy chương trình %(name)s của PostgreSQL.") % {"name": name})


def table_counts(schema: str) -> dict[str, int]:
    """Rows of every table of a schema (exact counts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename", [schema]
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _latest_migrations(schema: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations ORDER BY id')
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, ""), name)
    return latest


_COPY = re.compile(r"^COPY .* FROM stdin;$")


def rewrite_schema(sql: str, old: str, new: str) -> str:
    """`old` → `new` as a schema name in the statements of a pg_dump script; the rows of COPY
    blocks are left exactly as they are."""
    name = re.compile(rf'(?<![A-Za-z0-9_$"]){re.escape(old)}(?=\.)|(?<=SCHEMA ){re.escape(old)}(?=[ ;])'
                      rf'|"{re.escape(old)}"')
    out = []
    in_copy = False
    for line in sql.splitlines(keepends=True):
        if in_copy:
            if line.rstrip("\n") == "\\.":
                in_copy = False
            out.append(line)
            continue
        if line.startswith("--"):
            out.append(line)
            continue
        rewritten = name.sub(lambda m: f'"{new}"' if m.group(0).startswith('"') else new, line)
        out.append(rewritten)
        if _COPY.match(line.rstrip("\n")):
            in_copy = True
    return "".join(out)


# --- backup --------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _registry(portal: Portal) -> dict:
    return {
        "portal": {
            "code": portal.code,
            "schema_name": portal.schema_name,
            "name": portal.name,
            "name_en": portal.name_en,
            "kind": portal.kind,
            "parent": portal.parent.code if portal.parent_id else None,
            "status": portal.status,
            "contact_email": portal.contact_email,
            "created_at": portal.created_at.isoformat(),
            "status_changed_at": portal.status_changed_at.isoformat() if portal.status_changed_at else None,
        },
        "domains": [
            {"domain": d.domain, "is_primary": d.is_primary} for d in portal.domains.order_by("id")
        ],
        "events": [
            {"action": e.action, "actor": e.actor, "detail": e.detail,
             "ip_address": e.ip_address, "at": e.at.isoformat()}
            for e in portal.events.order_by("at", "id")
        ],
    }


def backup_dir() -> Path:
    return Path(getattr(settings, "CONG_BACKUP_DIR", settings.BASE_DIR / "var" / "backups"))


def backup_portal(portal: Portal, output: Path | None = None) -> Path:
    """Write the portal's archive into `output` (default CONG_BACKUP_DIR); return its path."""
    schema = portal.schema_name
    output = Path(output or backup_dir())
    output.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = output / f"{portal.code}-{stamp}.tar"
    with tempfile.TemporaryDirectory(prefix=f"cong-backup-{portal.code}-") as work:
        work = Path(work)
        dump = subprocess.run(
            [_tool("pg_dump"), "--schema", schema, "--no-owner", "--no-privileges",
             "--file", str(work / "schema.sql")],
            env=_libpq_env(), capture_output=True, text=True,
        )
        if dump.returncode:
            raise BackupError(dump.stderr.strip())
        (work / "registry.json").write_text(json.dumps(_registry(portal), ensure_ascii=False, indent=1))
        media = Path(settings.MEDIA_ROOT) / schema
        with tarfile.open(work / "media.tar", "w") as tar:
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    tar.add(path, arcname=str(path.relative_to(media)), recursive=False)
        parts = []
        for part in _PARTS.values():
            with schema_context(public_schema()):
                data = part.dump(schema)
            (work / f"part-{part.name}.json").write_text(json.dumps(data, ensure_ascii=False))
            parts.append(part.name)
        members = sorted(p.name for p in work.iterdir())
        manifest = {
            "format": FORMAT,
            "code": portal.code,
            "schema": schema,
            "created_at": timezone.now().isoformat(),
            "postgresql": connection.pg_version,
            "migrations": _latest_migrations(schema),
            "tables": table_counts(schema),
            "parts": parts,
            "files": {name: {"size": (work / name).stat().st_size, "sha256": _sha256(work / name)}
                      for name in members},
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        partial = archive.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            for name in ["manifest.json", *members]:
                tar.add(work / name, arcname=name)
        partial.rename(archive)
    return archive


# --- restore -------------------------------------------------------------------------------


def read_archive(archive: Path, into: Path) -> dict:
    """Unpack and check every member against the manifest; return the manifest."""
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(_("Không đọc được tệp sao lưu: %(error)s") % {"error": exc}) from exc
    manifest_path = into / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(_("Tệp sao lưu không có manifest.json."))
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(_("Định dạng sao lưu không được hỗ trợ."))
    for name, expected in manifest["files"].items():
        path = into / name
        if not path.exists() or _sha256(path) != expected["sha256"]:
            raise BackupError(_("Tệp %(name)s trong bản sao lưu bị hỏng (sai mã kiểm tra).") % {"name": name})
    return manifest


def _check_migrations(manifest: dict) -> None:
    """The archive must not come from newer code than this (unknown migrations)."""
    from django.db.migrations.loader import MigrationLoader

    known = {key for key in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in known]
    if unknown:
        raise BackupError(
            _("Bản sao lưu được tạo từ phiên bản mới hơn (các migration lạ: %(names)s).")
            % {"names": ", ".join(sorted(unknown)[:5])}
        )


@dataclass
class Restored:
    portal: Portal
    tables: dict[str, int]
    seconds: float


def restore_portal(archive: Path, new_code: str | None = None, replace: bool = False,
                   domain: str | None = None) -> Restored:
    import time

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cong-restore-") as work:
        work = Path(work)
        manifest = read_archive(Path(archive), work)
        _check_migrations(manifest)
        registry = json.loads((work / "registry.json").read_text())
        source = manifest["schema"]
        code = new_code or manifest["code"]
        target = code if new_code else source
        existing = Portal.objects.filter(code=code).first()
        if new_code:
            from django.core.exceptions import ValidationError

            try:
                validate_portal_code(new_code)
            except ValidationError as exc:
                raise BackupError(" ".join(exc.messages)) from exc
            if existing is not None or schema_exists(target):
                raise BackupError(_("Mã cổng “%(code)s” đã có.") % {"code": new_code})
        elif (existing is not None or schema_exists(target)) and not replace:
            raise BackupError(
                _("Cổng “%(code)s” đang có dữ liệu: thêm --replace để thay bằng bản sao lưu.")
                % {"code": code}
            )

        sql = (work / "schema.sql").read_text()
        if target != source:
            sql = rewrite_schema(sql, source, target)
        script = work / "restore.sql"
        with script.open("w") as handle:
            if schema_exists(target):
                handle.write(f'DROP SCHEMA "{target}" CASCADE;\n')
            handle.write(sql)
        run = subprocess.run(
            [_tool("psql"), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
             "--single-transaction", "--file", str(script)],
            env=_libpq_env(), capture_output=True, text=True,
        )
        if run.returncode:
            raise BackupError(run.stderr.strip()[-2000:])

        with transaction.atomic():
            portal = _restore_registry(registry, code, target, existing, new_code is not None, domain)
        _restore_media(work / "media.tar", target)
        for name in manifest.get("parts", []):
            part = _PARTS.get(name)
            if part is not None:
                data = json.loads((work / f"part-{name}.json").read_text())
                part.restore(target, data, target == source)
        if new_code:
            _rename_site(portal)
        cache.clear()  # cached pages, menus and site roots of the schema's old content
        connection.set_schema_to_public()
        return Restored(portal, table_counts(target), time.perf_counter() - started)


def _restore_registry(registry: dict, code: str, schema: str, existing: Portal | None,
                      as_new: bool, domain: str | None) -> Portal:
    data = registry["portal"]
    parent = Portal.objects.filter(code=data["parent"]).first() if data["parent"] else None
    fields = {
        "name": data["name"], "name_en": data["name_en"], "kind": data["kind"], "parent": parent,
        "status": data["status"], "contact_email": data["contact_email"],
    }
    if existing is None:
        portal = Portal(code=code, schema_name=schema, **fields)
        portal.save()
    else:
        portal = existing
        for key, value in fields.items():
            setattr(portal, key, value)
        portal.save()
    if as_new:
        host = (domain or f"{code}.{settings.CONG_PROVINCE_DOMAIN}").lower()
        if Domain.objects.filter(domain=host).exclude(tenant=portal).exists():
            raise BackupError(_("Tên miền %(host)s đã thuộc cổng khác.") % {"host": host})
        Domain.objects.get_or_create(domain=host, tenant=portal, defaults={"is_primary": True})
        PortalEvent.objects.create(portal=portal, action=PortalEvent.Action.CREATED,
                                   actor="restore_portal", detail=f"{registry['portal']['code']} → {code}")
        return portal
    wanted = {d["domain"]: d["is_primary"] for d in registry["domains"]}
    taken = Domain.objects.filter(domain__in=wanted).exclude(tenant=portal)
    if taken.exists():
        raise BackupError(
            _("Tên miền %(host)s đã thuộc cổng khác.") % {"host": taken.first().domain}
        )
    portal.domains.exclude(domain__in=wanted).delete()
    for host, primary in wanted.items():
        Domain.objects.update_or_create(domain=host, defaults={"tenant": portal, "is_primary": primary})
    if not portal.events.exists():
        PortalEvent.objects.bulk_create(
            PortalEvent(portal=portal, action=e["action"], actor=e["actor"], detail=e["detail"],
                        ip_address=e["ip_address"])
            for e in registry["events"]
        )
    return portal


def _restore_media(media_tar: Path, schema: str) -> None:
    root = Path(settings.MEDIA_ROOT)
    target = root / schema
    fresh = root / f".{schema}.restoring"
    old = root / f".{schema}.replaced"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    fresh.mkdir(parents=True)
    with tarfile.open(media_tar) as tar:
        tar.extractall(fresh, filter="data")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _rename_site(portal: Portal) -> None:
    """A copy under a new code answers on its own domain: its Site follows."""
    from wagtail.models import Site

    with schema_context(portal.schema_name):
        Site.objects.filter(is_default_site=True).update(hostname=portal.primary_domain)
