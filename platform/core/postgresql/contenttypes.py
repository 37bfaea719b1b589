"""Django's content-type cache, shared by the schemas that hold the same content types.

Each schema has its own `django_content_type` table. Portals are clones of one template, so
their tables are the same; the control plane's differs. django-tenants empties the cache at
every schema switch (a content type id of one schema may mean another model in the next);
then every page costs a content-type query per level of its tree. Here the cache is kept per
group of schemas whose tables are identical, told apart by a checksum of the table read once
per schema and process. Any change to content types (a migration, a model created at run
time) empties it all.
"""

from __future__ import annotations

import threading

from django.db import DatabaseError, connections, transaction

SIGNATURE_SQL = (
    "SELECT md5(coalesce(string_agg(id || ':' || app_label || '.' || model, ',' ORDER BY id), ''))"
    " FROM django_content_type"
)


class GroupedContentTypeCache(dict):
    """Stands in for `ContentTypeManager._cache` ({alias: {key: ContentType}}): the inner
    dict is chosen by the database alias and the group of the connection's schema."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def _signature(self, alias: str) -> str | None:
        connection = connections[alias]
        if connection.needs_rollback:
            return None
        try:
            with transaction.atomic(using=alias), connection.cursor() as cursor:
                cursor.execute(SIGNATURE_SQL)
                return cursor.fetchone()[0]
        except DatabaseError:  # no table yet (a schema being migrated)
            return None

    def _key(self, alias: str) -> tuple[str, str]:
        schema = connections[alias].schema_name or ""
        group = self._groups.get((alias, schema))
        if group is None:
            signature = self._signature(alias)
            if signature is None:
                return (alias, f"schema:{schema}")  # this schema alone, asked again next time
            with self._lock:
                group = self._groups.setdefault((alias, schema), f"types:{signature}")
        return (alias, group)

    def __getitem__(self, alias: str) -> dict:
        return super().__getitem__(self._key(alias))

    def __contains__(self, alias: object) -> bool:
        return isinstance(alias, str) and super().__contains__(self._key(alias))

    def get(self, alias: str, default=None):
        return super().get(self._key(alias), default)

    def setdefault(self, alias: str, default=None):
        return super().setdefault(self._key(alias), {} if default is None else default)

    def clear(self) -> None:
        with self._lock:
            super().clear()
            self._groups.clear()


def install() -> None:
    """Give Django's ContentType manager the grouped cache; any saved or deleted content type
    empties it."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models.signals import post_delete, post_save

    if not isinstance(ContentType.objects._cache, GroupedContentTypeCache):
        ContentType.objects._cache = GroupedContentTypeCache()

    def forget(**_kwargs) -> None:
        ContentType.objects.clear_cache()

    post_save.connect(forget, sender=ContentType, weak=False, dispatch_uid="cong_ct_cache_save")
    post_delete.connect(forget, sender=ContentType, weak=False, dispatch_uid="cong_ct_cache_delete")
