"""Public consultation: the comment window, moderation, public display and the summary."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.urls import reverse
from django.utils import timezone

from accounts.roles import APPROVER, CONTRIBUTOR
from tests.participation.factories import ConsultationCommentFactory, ConsultationPageFactory
from tests.support.admin import assert_refused, signed_in
from tests.support.participation import spam_fields
from tests.support.portals import client_for


def make_consultation(portal, slug: str, opens: dt.timedelta, closes: dt.timedelta):
    """“Dự thảo <slug>” of portal A's office, open from `opens` to `closes` from now."""
    now = timezone.now()
    return ConsultationPageFactory(
        portal=portal, title=f"Dự thảo {slug}", slug=slug, opens_at=now + opens,
        closes_at=now + closes, receiving_unit="Văn phòng Sở A",
        receiving_address="Số 1 đường Trần Phú", receiving_email="vanphong@soa.example.vn",
    )


def comment_data(portal="soa", **overrides) -> dict:
    return {
        "commenter_type": "individual",
        "full_name": "Phạm Góp Ý",
        "email": "gopy@example.vn",
        "phone": "",
        "section": "Điều 1",
        "body": "Đề nghị làm rõ phạm vi điều chỉnh của dự thảo.",
        "consent": "on",
        **spam_fields(portal, "comment"),
        **overrides,
    }


def test_open_consultation_takes_moderated_comments(portal_a, make_local_user):
    from participation.models import ConsultationComment

    page = make_consultation(portal_a, "mo", -dt.timedelta(days=1), dt.timedelta(days=10))
    public = client_for(portal_a)
    url = f"/lay-y-kien/{page.slug}/"
    html = public.get(url).content.decode()
    assert "Gửi ý kiến góp ý" in html and 'name="body"' in html
    assert "vanphong@soa.example.vn" in html and "Số 1 đường Trần Phú" in html
    assert "Dự thảo mo" in public.get("/lay-y-kien/").content.decode()

    response = public.post(url, comment_data(full_name="", email=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng nhập họ và tên." in html and "Vui lòng ghi thư điện tử hoặc số điện thoại." in html
    assert "Đề nghị làm rõ phạm vi" in html  # kept

    response = public.post(url, comment_data())
    assert response.status_code == 302
    assert "Ý kiến sẽ được đăng sau khi kiểm duyệt" in public.get(response["Location"]).content.decode()
    with schema_context(portal_a.schema_name):
        comment = ConsultationComment.objects.get()
        assert comment.status == "pending"
    assert "Đề nghị làm rõ phạm vi" not in public.get(url).content.decode()

    board = signed_in(portal_a, make_local_user(portal_a, "bbt.gopy", APPROVER))
    listing = board.get(reverse("participation_comment:index"))
    assert listing.status_code == 200 and "Đề nghị làm rõ phạm vi" in listing.content.decode()
    assert "csrfmiddlewaretoken" in listing.content.decode()
    r = board.post(reverse("participation_comment:moderate", args=(comment.pk, "approve")))
    assert r.status_code == 302
    html = public.get(url).content.decode()
    assert "Đề nghị làm rõ phạm vi" in html and "Điều 1" in html
    assert "Phạm Góp Ý" not in html and "gopy@example.vn" not in html

    # The summary is exported only after the window closes.
    r = board.get(reverse("participation_comment:summary", args=(page.pk,)))
    assert r.status_code == 302


def test_closed_consultation_refuses_comments(portal_a):
    from participation.models import ConsultationComment

    page = make_consultation(portal_a, "dong", -dt.timedelta(days=10), -dt.timedelta(hours=1))
    public = client_for(portal_a)
    url = f"/lay-y-kien/{page.slug}/"
    html = public.get(url).content.decode()
    assert "Đã hết thời hạn lấy ý kiến" in html
    assert 'name="body"' not in html
    response = public.post(url, comment_data())
    assert response.status_code == 403
    assert "không trong thời gian lấy ý kiến" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert not ConsultationComment.objects.exists()


def test_not_yet_open_consultation_refuses_comments(portal_a):
    page = make_consultation(portal_a, "sap", dt.timedelta(days=2), dt.timedelta(days=10))
    public = client_for(portal_a)
    html = public.get(f"/lay-y-kien/{page.slug}/").content.decode()
    assert 'name="body"' not in html and "bắt đầu nhận ý kiến" in html
    assert public.post(f"/lay-y-kien/{page.slug}/", comment_data()).status_code == 403


def test_summary_csv_after_close(portal_a, make_local_user):
    page = make_consultation(portal_a, "tonghop", -dt.timedelta(days=10), -dt.timedelta(days=1))
    ConsultationCommentFactory(
        portal=portal_a, page=page, full_name="Lê Tổng Hợp", email="th@example.vn",
        body="Ý kiến thứ nhất",
    )
    board = signed_in(portal_a, make_local_user(portal_a, "bbt.csv", APPROVER))
    response = board.get(reverse("participation_comment:summary", args=(page.pk,)))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Lê Tổng Hợp" in text and "Ý kiến thứ nhất" in text
    contributor = signed_in(portal_a, make_local_user(portal_a, "ctv.csv", CONTRIBUTOR))
    assert_refused(contributor.get(reverse("participation_comment:summary", args=(page.pk,))))


def test_comment_honeypot(portal_a):
    from participation.models import ConsultationComment

    page = make_consultation(portal_a, "bay", -dt.timedelta(days=1), dt.timedelta(days=1))
    response = client_for(portal_a).post(f"/lay-y-kien/{page.slug}/", comment_data(website="x"))
    assert response.status_code == 400
    with schema_context(portal_a.schema_name):
        assert not ConsultationComment.objects.exists()


def test_summary_button_on_the_consultation_edit_screen(portal_a, make_local_user):
    page = make_consultation(portal_a, "nutcsv", -dt.timedelta(days=10), -dt.timedelta(days=1))
    summary = reverse("participation_comment:summary", args=(page.pk,))
    board = signed_in(portal_a, make_local_user(portal_a, "bbt.nut", APPROVER))
    response = board.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert summary in response.content.decode()
    # Other pages' edit screens are unaffected by the hook.
    with schema_context(portal_a.schema_name):
        from wagtail.models import Page

        news_index = Page.objects.get(depth=3, slug="tin-tuc")
    other = board.get(f"/admin/pages/{news_index.pk}/edit/")
    assert other.status_code == 200 and summary not in other.content.decode()
