"""django-tenants' PostgreSQL backend, with commit hooks that run in the schema that
registered them.

Wagtail and our own code defer work to the end of the transaction
(`transaction.on_commit`): Wagtail's redirect for a changed slug, wagtail-localize's
publication of a translation, index updates for a search server. With django-tenants such
a hook runs in whatever schema is active when the outermost transaction commits, which
after a `schema_context()` block is the public schema: there it finds no page tables and
fails, or worse, would write into another portal. Each hook here remembers its schema.
"""

from __future__ import annotations

from collections.abc import Callable

from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper


class DatabaseWrapper(TenantDatabaseWrapper):
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
