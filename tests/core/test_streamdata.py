"""The data migration that renames stored blocks: the news body's old "document" blocks
with a "title" become the core library's "attachment" blocks with a "label"."""

from __future__ import annotations

import json

import pytest
from django_tenants.utils import schema_context

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.streamdata import BlockRename, rename_blocks
from tests.news.factories import NewsArticlePageFactory
from tests.support.factories import DocumentFactory
from tests.support.portals import client_for

RENAME = BlockRename("document", "attachment", {"title": "label"})


def test_rename_blocks_renames_the_type_and_the_struct_fields_and_undoes_it():
    stream = [
        {"type": "paragraph", "value": "<p>Nội dung</p>", "id": "a"},
        {"type": "document", "value": {"document": 7, "title": "Toàn văn"}, "id": "b"},
    ]
    assert rename_blocks(stream, [RENAME])
    assert stream[1] == {"type": "attachment", "value": {"document": 7, "label": "Toàn văn"}, "id": "b"}
    assert stream[0]["type"] == "paragraph"
    assert not rename_blocks(stream, [RENAME])  # nothing left to rename
    assert rename_blocks(stream, [RENAME.reversed()])
    assert stream[1]["value"] == {"document": 7, "title": "Toàn văn"}


@pytest.mark.slow
def test_stored_articles_and_their_revisions_are_migrated_and_render(portal_a):
    with schema_context(portal_a.schema_name):
        executor = MigrationExecutor(connection)
        executor.migrate([("news", "0002_core_blocks_label_and_section_index")])
        file = DocumentFactory(
            title="Kế hoạch năm", file__data=b"%PDF-1.4", file__filename="ke-hoach.pdf"
        )
        article = NewsArticlePageFactory(title="Kế hoạch chuyển đổi số", slug="ke-hoach-cds")
        old_body = [
            {"type": "paragraph", "value": "<p>Toàn văn kế hoạch:</p>", "id": "p1"},
            {"type": "document", "value": {"document": file.pk, "title": "Kế hoạch số 12"},
             "id": "d1"},
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE news_newsarticlepage SET body = %s::jsonb WHERE page_ptr_id = %s",
                [json.dumps(old_body), article.pk],
            )
        revision = article.save_revision()
        revision.content["body"] = json.dumps(old_body)
        revision.save(update_fields=["content"])

        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT body FROM news_newsarticlepage WHERE page_ptr_id = %s", [article.pk]
            )
            stored = cursor.fetchone()[0]
        stored = json.loads(stored) if isinstance(stored, str) else stored
        assert stored[1] == {
            "type": "attachment", "value": {"document": file.pk, "label": "Kế hoạch số 12"},
            "id": "d1",
        }
        revision.refresh_from_db()
        assert json.loads(revision.content["body"])[1]["value"]["label"] == "Kế hoạch số 12"
        draft = revision.as_object()
        assert [block.block_type for block in draft.body] == ["paragraph", "attachment"]

    html = client_for(portal_a).get("/tin-tuc/ke-hoach-cds/").content.decode()
    assert '<p class="block-attachment"><a class="attachment"' in html
    assert ">Kế hoạch số 12</a>" in html and "(PDF" in html
