"""django-tenants' PostgreSQL backend, with commit hooks that run in the schema that
registered them, no `SET search_path` the connection already has, and content types kept
across schema switches.

Wagtail and our own code defer work to the end of the transaction
(`transaction.on_commit`): Wagtail's redirect for a changed slug, wagtail-localize's
publication of a translation, index updates for a search server, page cache purges. With
django-tenants such a hook runs in whatever schema is active when the outermost transaction
commits, which after a `schema_context()` block is the public schema: there it finds no page
tables and fails, or worse, would write into another portal. Each hook here remembers its
schema.

django-tenants forgets, at every schema switch, which search_path the connection has (so each
request sends `SET search_path` twice: the control plane's for the host lookup, then the
portal's) and empties Django's content-type cache (so every page costs a content-type query
per level of the page tree). This backend remembers the search_path the server really has and
sends a `SET` only when it must change; content types are cached per group of schemas that
hold the same ones (`core.postgresql.contenttypes`).
"""

from __future__ import annotations

from collections.abc import Callable

from django_tenants.postgresql_backend import base as tenants_base
from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper
from django_tenants.utils import get_limit_set_calls

from django.conf import settings


class DatabaseWrapper(TenantDatabaseWrapper):
    def __init__(self, *args, **kwargs) -> None:
        # The search_path the server session has now, as sent by the last `SET`; None when
        # unknown (new connection, or a rollback may have undone it).
        self.search_path_on_server: list[str] | None = None
        # Schemas this session has worked in since it was opened.
        self.schemas_seen: set[str] = set()
        super().__init__(*args, **kwargs)

    def on_commit(self, func: Callable[[], object], robust: bool = False) -> None:
        tenant = self.tenant

        def in_its_schema() -> None:
            if tenant is None or self.schema_name == tenant.schema_name:
                func()
                return
            previous = self.tenant
            self.set_tenant(tenant)
            try:
                func()
            finally:
                self.set_tenant(previous)

        super().on_commit(in_its_schema, robust=robust)

    def set_tenant(self, tenant, include_public: bool = True) -> None:
        """As django-tenants' `set_tenant`, without emptying the content-type cache: it is
        kept per group of schemas with the same content types instead."""
        self.tenant = tenant
        self.schema_name = tenant.schema_name
        self.include_public_schema = include_public
        self.set_settings_schema(self.schema_name)
        if tenants_base.EXTRA_SET_TENANT_METHOD:
            tenants_base.EXTRA_SET_TENANT_METHOD(self, tenant)
        self.search_path_set_schemas = None

    def _handle_search_path(self, cursor=None) -> None:
        if self._setting_search_path:
            return
        if get_limit_set_calls() and self.search_path_set_schemas:
            return
        if self.search_path_on_server is not None and self.schema_name:
            if self._get_cursor_search_paths() == self.search_path_on_server:
                # The session already has it (same portal as the connection's last request).
                self.search_path_set_schemas = self.search_path_on_server
                return
        super()._handle_search_path(cursor)
        self.search_path_on_server = self.search_path_set_schemas
        if self.search_path_set_schemas:
            self.schemas_seen.add(self.search_path_set_schemas[0])

    def close_if_unusable_or_obsolete(self) -> None:
        """Django's end-of-request check, and: a session that has opened the tables of too
        many schemas is closed (its catalog cache would only grow)."""
        limit = getattr(settings, "CONG_DB_SCHEMAS_PER_CONNECTION", 0)
        if (
            self.connection is not None and limit and len(self.schemas_seen) > limit
            and not self.in_atomic_block
        ):
            self.close()
            return
        super().close_if_unusable_or_obsolete()

    # A new session, or a rollback (a `SET` is transactional), leaves the search_path unknown.

    def connect(self) -> None:
        self.search_path_on_server = None
        self.schemas_seen = set()
        super().connect()

    def close(self) -> None:
        self.search_path_on_server = None
        self.schemas_seen = set()
        super().close()

    def rollback(self) -> None:
        self.search_path_on_server = None
        super().rollback()

    def savepoint_rollback(self, sid) -> None:
        self.search_path_on_server = None
        super().savepoint_rollback(sid)
