from __future__ import annotations

from django.db import connection

from ._base import PortalCommand


class Command(PortalCommand):
    help = "Tạo các extension PostgreSQL dùng chung (unaccent, pg_trgm) trong lược đồ public."

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
