from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Tìm kiếm")

    def ready(self) -> None:
        from django.core import checks

        from core.caching.signals import register_page_rule
        from core.monitoring import register_check

        from . import signals  # noqa: F401
        from .aggregation import province_pages_showing
        from .facets import check_declarations

        checks.register(check_declarations)
        register_page_rule(province_pages_showing)
        register_check("search", search_ready)
        from tenants.backup import BackupPart, register_backup_part

        from . import backup

        # In this order: the documents, when indexed again on restore, read the PDF text.
        register_backup_part(BackupPart("search-words", backup.dump_tuning, backup.restore_tuning))
        register_backup_part(
            BackupPart("attachment-text", backup.dump_attachment_texts, backup.restore_attachment_texts)
        )
        register_backup_part(BackupPart("search", backup.dump_documents, backup.restore_documents))


def search_ready() -> str:
    """/readyz: the search backend answers (a search server; the PostgreSQL table is the
    database's own check)."""
    from .backends import get_backend

    backend = get_backend()
    if backend.name != "postgres":
        backend.count()
    return backend.name
