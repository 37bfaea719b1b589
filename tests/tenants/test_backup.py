"""Per-portal backup and restore, for real: pg_dump of the portal's schema in another
connection, so everything here is committed to the test database (a portal made for this
module, removed afterwards), never in a rolled-back transaction.

Back up, change and delete content (pages, documents, users, submissions, media), restore:
every table's rows and every file are back exactly, and the other portals are untouched.
Restore again under a new code: a second portal with the same content on its own domain.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tarfile
from pathlib import Path

import pytest
from django_tenants.utils import schema_context

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tenants.backup import rewrite_schema, table_counts
from tests.support.portals import client_for

pytestmark = pytest.mark.slow

CODE = "saoluu"
COPY = "saoluuhai"


def drop_portal(code: str) -> None:
    from search.models import AttachmentText, SearchDocument, SearchTuning
    from tenants.models import Domain, Portal, PortalEvent

    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{code}" CASCADE')
    SearchDocument.objects.filter(portal=code).delete()
    SearchTuning.objects.filter(portal=code).delete()
    AttachmentText.objects.filter(portal=code).delete()
    portal = Portal.objects.filter(code=code).first()
    if portal is not None:
        Domain.objects.filter(tenant=portal).delete()
        PortalEvent.objects.filter(portal=portal).delete()
        portal.delete()
    shutil.rmtree(Path(settings.MEDIA_ROOT) / code, ignore_errors=True)


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    """Writes that other connections (pg_dump, psql) see; the module's portals go after."""
    with django_db_blocker.unblock():
        for code in (CODE, COPY):
            drop_portal(code)
        yield
        for code in (CODE, COPY):
            drop_portal(code)


def media_hashes(schema: str) -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT) / schema
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def content(schema: str) -> dict:
    from django.contrib.auth.models import User

    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from participation.models import Question
    from search.models import AttachmentText, SearchDocument, SearchTuning

    with schema_context(schema):
        found = {
            "pages": sorted(Page.objects.values_list("title", flat=True)),
            "users": sorted(User.objects.values_list("username", "is_active", "first_name")),
            "documents": sorted(get_document_model().objects.values_list("title", "file")),
            "questions": sorted(Question.objects.values_list("tracking_code", "title")),
        }
    connection.set_schema_to_public()
    found["search"] = sorted(
        SearchDocument.objects.filter(portal=schema).values_list("id", "title", "url")
    )
    found["search_words"] = list(
        SearchTuning.objects.filter(portal=schema).values_list("synonyms", "best_bets")
    )
    found["pdf_text"] = sorted(
        AttachmentText.objects.filter(portal=schema).values_list("document_id", "text", "outcome")
    )
    return found


def test_the_schema_name_is_rewritten_in_statements_only():
    script = (
        "CREATE SCHEMA saoluu;\n"
        "CREATE TABLE saoluu.news (id integer DEFAULT nextval('saoluu.news_id_seq'::regclass));\n"
        "COPY saoluu.news (id, title) FROM stdin;\n"
        "1\tsaoluu.news được nhắc trong bài\n"
        "\\.\n"
        "SELECT pg_catalog.setval('saoluu.news_id_seq', 1, true);\n"
        "CREATE INDEX x ON saoluu.news USING btree (title);\n"
        "CREATE TABLE saoluu.xsaoluu (id integer);\n"
    )
    out = rewrite_schema(script, "saoluu", "banmoi")
    assert "CREATE SCHEMA banmoi;" in out
    assert "nextval('banmoi.news_id_seq'::regclass)" in out
    assert "COPY banmoi.news (id, title) FROM stdin;" in out
    assert "1\tsaoluu.news được nhắc trong bài\n" in out  # the row's text is data, kept
    assert "setval('banmoi.news_id_seq'" in out and "ON banmoi.news" in out
    assert "banmoi.xsaoluu" in out


def test_backup_change_restore_and_copy(committed, capsys, tmp_path):
    from django.contrib.auth.models import User

    from wagtail.documents import get_document_model

    from participation.models import Question
    from tenants.models import Portal
    from tenants.provisioning import PortalSpec
    from tests.news.factories import NewsArticlePageFactory
    from tests.participation.factories import QuestionFactory
    from tests.support.factories import DocumentFactory
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(code=CODE, name="Sở Sao Lưu", kind=Portal.Kind.DEPARTMENT))
    with schema_context(CODE):
        kept = NewsArticlePageFactory(title="Tin được giữ lại", summary="Giữ.")
        gone = NewsArticlePageFactory(title="Tin sẽ bị xoá", summary="Xoá.")
        document = DocumentFactory(
            title="Báo cáo quý", file__data=b"%PDF-1.4 bao cao quy\n%%EOF", file__filename="bao-cao.pdf"
        )
        User.objects.create_user("bientap.saoluu", password="MatKhau@Thu2026")
        User.objects.create_user("pheduyet.saoluu", password="MatKhau@Thu2026")
    QuestionFactory(portal=portal, title="Câu hỏi trước khi sao lưu")
    # Kept outside the schema, in public tables: the portal's search words and PDF text.
    from search.models import AttachmentText, SearchTuning

    SearchTuning.objects.update_or_create(portal=CODE, defaults={
        "synonyms": "SLĐ, sao lưu dữ liệu", "best_bets": "sao lưu => /tin-tuc/tin-duoc-giu-lai/"})
    AttachmentText.objects.update_or_create(
        portal=CODE, document_id=document.pk,
        defaults={"text": "Báo cáo quý về sao lưu dữ liệu", "outcome": "ok"},
    )
    (Path(settings.MEDIA_ROOT) / CODE / "images").mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / CODE / "images" / "anh.jpg").write_bytes(b"\xff\xd8 anh goc")

    before = content(CODE)
    tables_before = table_counts(CODE)
    files_before = media_hashes(CODE)
    others_before = {code: table_counts(code) for code in ("tinhthu", "soa", "xab")}
    assert before["search"] and files_before and before["questions"]
    assert before["search_words"] and before["pdf_text"]

    call_command("backup_portal", CODE, "--output", str(tmp_path), verbosity=0)
    archive = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert archive.is_file() and archive.parent == tmp_path
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "schema.sql", "registry.json", "media.tar", "part-search.json",
            "part-search-words.json", "part-attachment-text.json"} <= names

    # Everything changes: pages, documents, users, submissions and files.
    with schema_context(CODE):
        gone.delete()
        kept.title = "Tin đã bị sửa"
        kept.save_revision().publish()
        NewsArticlePageFactory(title="Tin mới sau sao lưu", summary="Mới.")
        get_document_model().objects.get(pk=document.pk).delete()
        # Accounts are never deleted: one is switched off and renamed, another added.
        User.objects.filter(username="pheduyet.saoluu").update(
            is_active=False, username="pheduyet.cu", first_name="Đã đổi"
        )
        User.objects.create_user("nguoi.moi", password="MatKhau@Thu2026")
        Question.objects.all().delete()
    SearchTuning.objects.filter(portal=CODE).update(synonyms="", best_bets="")
    AttachmentText.objects.filter(portal=CODE).delete()
    (Path(settings.MEDIA_ROOT) / CODE / "images" / "anh.jpg").write_bytes(b"da bi ghi de")
    (Path(settings.MEDIA_ROOT) / CODE / "images" / "moi.jpg").write_bytes(b"tep moi")
    assert content(CODE) != before and media_hashes(CODE) != files_before

    # Without --replace nothing is touched.
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore_portal", str(archive))

    out = io.StringIO()
    call_command("restore_portal", str(archive), "--replace", stdout=out)
    assert "Đã khôi phục cổng saoluu" in out.getvalue()
    assert table_counts(CODE) == tables_before
    assert content(CODE) == before
    assert media_hashes(CODE) == files_before
    assert {code: table_counts(code) for code in ("tinhthu", "soa", "xab")} == others_before
    page = client_for("saoluu.laichau.test").get("/tin-tuc/tin-duoc-giu-lai/")
    assert page.status_code == 200 and "Tin được giữ lại" in page.content.decode()
    served_original = table_counts(CODE)  # a first visit stores the site's default settings

    # The same archive as a second portal, on its own schema and domain.
    call_command("restore_portal", str(archive), "--as", COPY, stdout=io.StringIO())
    copy = Portal.objects.get(code=COPY)
    assert copy.schema_name == COPY and copy.primary_domain == "saoluuhai.laichau.test"
    assert table_counts(COPY) == tables_before
    copied = content(COPY)
    same = ("pages", "users", "documents", "questions", "search_words", "pdf_text")
    assert {key: copied[key] for key in same} == {key: before[key] for key in same}
    assert media_hashes(COPY) == files_before
    assert len(copied["search"]) == len(before["search"])  # indexed again, on its own domain
    assert all("saoluuhai.laichau.test" in url for _id, _title, url in copied["search"])
    served = client_for("saoluuhai.laichau.test").get("/tin-tuc/tin-duoc-giu-lai/")
    assert served.status_code == 200
    assert table_counts(CODE) == served_original  # the original is untouched

    # A damaged archive is refused before anything changes.
    broken = tmp_path / "hong.tar"
    with tarfile.open(archive) as source, tarfile.open(broken, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "registry.json":
                data = data.replace(b"S\xe1\xbb\x9f Sao L\xc6\xb0u", b"Ai do da sua")
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="registry.json"):
        call_command("restore_portal", str(broken), "--replace")


def test_an_unknown_portal_is_refused(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("backup_portal", "khongco", "--output", str(tmp_path))
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(CommandError, match="Không có tệp"):
        call_command("restore_portal", str(tmp_path / "khong-co.tar"))
