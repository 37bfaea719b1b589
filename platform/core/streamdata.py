"""Data migrations of stored StreamField content: block types and struct fields renamed.

When two blocks are unified under one name, what pages already store (their live content
and every revision, so drafts and history open in the editor too) must follow. Runs from
a migration, in each portal's schema (`migrate_platform`), on raw JSON: it needs neither
the old nor the new block definitions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class BlockRename:
    """A top-level block of a stream renamed from `old` to `new`, and the fields of its
    struct value renamed by `fields` (old name → new name)."""

    old: str
    new: str
    fields: dict[str, str] = field(default_factory=dict)

    def reversed(self) -> BlockRename:
        return BlockRename(self.new, self.old, {new: old for old, new in self.fields.items()})


def rename_blocks(stream: list[dict[str, Any]], renames: Sequence[BlockRename]) -> bool:
    """Apply `renames` to a stream's raw data in place; whether anything changed."""
    by_type = {rename.old: rename for rename in renames}
    changed = False
    for block in stream:
        rename = by_type.get(block.get("type"))
        if rename is None:
            continue
        block["type"] = rename.new
        value = block.get("value")
        if isinstance(value, dict):
            for old, new in rename.fields.items():
                if old in value:
                    value[new] = value.pop(old)
        changed = True
    return changed


def _load(raw: Any) -> list | None:
    if isinstance(raw, str):
        raw = json.loads(raw) if raw else None
    return raw if isinstance(raw, list) else None


def migrate_stream_field(
    apps, schema_editor, app_label: str, model_name: str, field_name: str,
    renames: Sequence[BlockRename],
) -> None:
    """Rename blocks in `app_label.model_name.field_name` of every row and every revision."""
    model = apps.get_model(app_label, model_name)
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column = quote(model._meta.get_field(field_name).column)
    key = quote(model._meta.pk.column)
    with connection.cursor() as cursor:  # names from the model, quoted
        cursor.execute(f"SELECT {key}, {column}::text FROM {table}")
        for pk, raw in cursor.fetchall():
            stream = _load(raw)
            if stream is not None and rename_blocks(stream, renames):
                cursor.execute(
                    f"UPDATE {table} SET {column} = %s::jsonb WHERE {key} = %s",
                    [json.dumps(stream), pk],
                )

    # Revisions keep a StreamField as a JSON string inside their content.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label=model._meta.app_label, model=model._meta.model_name
    ).first()
    if content_type is None:  # a new schema: no content yet
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        raw = revision.content.get(field_name)
        stream = _load(raw)
        if stream is not None and rename_blocks(stream, renames):
            revision.content[field_name] = json.dumps(stream) if isinstance(raw, str) else stream
            revision.save(update_fields=["content"])


def stream_field_migration(
    app_label: str, model_name: str, field_name: str, renames: Sequence[BlockRename]
):
    """A RunPython operation applying `renames`, and undoing them when migrating back."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        migrate_stream_field(apps, schema_editor, app_label, model_name, field_name, renames)

    def backwards(apps, schema_editor):
        undo = [rename.reversed() for rename in renames]
        migrate_stream_field(apps, schema_editor, app_label, model_name, field_name, undo)

    return migrations.RunPython(forwards, backwards)
