"""A legal document's validity follows its dates and relations every day, without anyone
editing it; the board's manual choice is kept and logged."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from deadlines.daily import run_daily
from tests.support.portals import client_for

D = dt.date


def _document(number: str, slug: str, effective: dt.date, **extra):
    from legaldocs.models import IssuingAuthority, LegalDocumentIndexPage, LegalDocumentPage

    issuer, _c = IssuingAuthority.objects.get_or_create(name="UBND tỉnh Thử")
    page = LegalDocumentPage(
        title=f"Quyết định {number}", slug=slug, doc_type="quyet-dinh", number=number,
        issuer=issuer, summary="Quy định giá dịch vụ khám bệnh, chữa bệnh.",
        issue_date=min(effective, D(2026, 2, 5)), effective_date=effective, **extra,
    )
    LegalDocumentIndexPage.objects.get(depth=3).add_child(instance=page)
    page.save_revision().publish()
    return page


def test_status_changes_on_the_effective_date_without_editing(province):
    from legaldocs.models import LegalDocumentPage, ValidityChange

    with schema_context(province.schema_name):
        page = _document("04/2026/QĐ-UBND", "qd-04-2026", D(2026, 7, 1))
        # Published before it takes effect (the real date is later; the job is given the day).
        LegalDocumentPage.objects.filter(pk=page.pk).update(status="chua-co-hieu-luc")

    run_daily(province.schema_name, D(2026, 6, 30), send_mail=False)
    with schema_context(province.schema_name):
        assert LegalDocumentPage.objects.get(pk=page.pk).status == "chua-co-hieu-luc"

    report = run_daily(province.schema_name, D(2026, 7, 1), send_mail=False)
    assert report.validity_changes == 1
    with schema_context(province.schema_name):
        assert LegalDocumentPage.objects.get(pk=page.pk).status == "con-hieu-luc"
        change = ValidityChange.objects.get(page_id=page.pk)
        assert (change.old_status, change.new_status, change.reason) == (
            "chua-co-hieu-luc", "con-hieu-luc", "dates"
        )
    client = client_for(province)
    assert "Còn hiệu lực" in client.get("/van-ban/qd-04-2026/").content.decode()
    in_force = client.get("/van-ban/?hieu_luc=con-hieu-luc").content.decode()
    assert "04/2026/QĐ-UBND" in in_force
    assert "04/2026/QĐ-UBND" not in client.get("/van-ban/?hieu_luc=chua-co-hieu-luc").content.decode()
    search = client.get("/tim-kiem/?q=04/2026/QĐ-UBND").content.decode()
    assert "Còn hiệu lực" in search


def test_replacement_ends_a_document_and_a_manual_choice_is_kept(province):
    from legaldocs.models import LegalDocumentPage, LegalDocumentRelation, ValidityChange

    with schema_context(province.schema_name):
        old = _document("09/2024/QĐ-UBND", "qd-09-2024", D(2024, 3, 10))
        kept = _document("10/2024/QĐ-UBND", "qd-10-2024", D(2024, 3, 10))
        kept.status, kept.validity_locked = "het-hieu-luc-mot-phan", True
        kept.save_revision().publish()
        assert ValidityChange.objects.filter(page_id=kept.pk, reason="manual").exists()
        new = _document("20/2026/QĐ-UBND", "qd-20-2026", D(2026, 12, 1))
        for target in (old, kept):
            LegalDocumentRelation.objects.create(page=new, target=target, kind="thay-the")
        new.save_revision().publish()  # the replaced documents follow at once
        assert LegalDocumentPage.objects.get(pk=old.pk).status == "het-hieu-luc"
        assert LegalDocumentPage.objects.get(pk=kept.pk).status == "het-hieu-luc-mot-phan"


def test_the_scheduler_runs_the_daily_job_through_the_worker(province, settings):
    """Nobody runs `run_daily` by hand in production: the scheduler queues it every morning
    and a worker brings a document whose effective date has come into force."""
    from django_tasks_db.models import DBTaskResult

    from legaldocs.models import LegalDocumentPage
    from tenants.worker import Worker, schedule_due

    settings.TASKS = {"default": {"BACKEND": "tenants.jobs.PortalDatabaseBackend"}}
    with schema_context(province.schema_name):
        page = _document("07/2026/QĐ-UBND", "qd-07-2026", D(2026, 1, 10))
        LegalDocumentPage.objects.filter(pk=page.pk).update(status="chua-co-hieu-luc")

    assert schedule_due()["deadlines_daily"] == 1
    assert "deadlines_daily" not in schedule_due()  # once a day
    Worker(interval=0).run(batch=True)
    job = DBTaskResult.objects.get(args_kwargs__args=["run_daily"])
    assert "tinhthu:" in job.return_value
    with schema_context(province.schema_name):
        assert LegalDocumentPage.objects.get(pk=page.pk).status == "con-hieu-luc"
