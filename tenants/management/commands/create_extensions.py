from __future__ import annotations

from django.db import connection

from tenants.current import public_schema

from ._base import PortalCommand


class Command(PortalCommand):
    help = "Tạo các extension PostgreSQL dùng chung (unaccent, pg_trgm) trong lược đồ public."

    def handle(self, *args, **options):
        schema = connection.ops.quote_name(public_schema())
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA {schema}")
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA {schema}")
