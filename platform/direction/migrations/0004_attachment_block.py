"""The body's file block is the core library's attachment block: stored "document" blocks
become "attachment" blocks, and their "title" becomes "label" (pages and revisions)."""

from django.db import migrations

from core.streamdata import BlockRename, stream_field_migration

RENAMES = [BlockRename("document", "attachment", {"title": "label"})]


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("direction", "0003_core_blocks_and_section_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [stream_field_migration("direction", "LawDisseminationPage", "body", RENAMES)]
