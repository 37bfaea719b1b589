"""Isolation between portals, the board's counts (never the addresses), erase and export."""

from __future__ import annotations

import json

import pytest
from django_tenants.utils import schema_context

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.roles import APPROVER, BOARD_HEAD, EDITOR
from participation.models import Notification
from subscriptions.models import Subscription
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.support.admin import assert_refused, signed_in
from tests.support.portals import client_for

from .factories import DigestEntryFactory, SubscriptionFactory
from .helpers import links, mails_to, news_index_id, subscribe

pytestmark = pytest.mark.django_db


def test_listing_pages_offer_the_subscription(portal_a):
    client = client_for(portal_a)
    index_id = news_index_id(portal_a)
    news = client.get("/tin-tuc/").content.decode()
    assert f'/dang-ky-nhan-tin/?muc=chuyen-muc:{index_id}"' in news
    assert "Nhận tin qua thư điện tử" in client.get("/van-ban/").content.decode()
    assert "/dang-ky-nhan-tin/" in client.get("/hoi-dap/").content.decode()


def test_a_subscription_never_receives_another_portals_publications(
    portal_a, portal_b, django_capture_on_commit_callbacks
):
    SubscriptionFactory(portal=portal_a, email="chiA@example.vn", target="nghi-quyet")
    with django_capture_on_commit_callbacks(execute=True):
        LegalDocumentPageFactory(portal=portal_b, doc_type="nghi-quyet", summary="Nghị quyết của B",
                                 publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_subscription_digests", stdout=open("/dev/null", "w"))
    assert mails_to("chiA@example.vn") == []
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.get().entries.exists()


def test_a_link_of_one_portal_means_nothing_on_another(portal_a, portal_b):
    subscription = SubscriptionFactory(portal=portal_a, email="lienket@example.vn")
    other = client_for(portal_b)
    assert other.get(f"/dang-ky-nhan-tin/xac-nhan/{subscription.link_token}/").status_code == 404
    other.post(f"/dang-ky-nhan-tin/huy/{subscription.link_token}/", {"hanh-dong": "xoa"})
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_the_board_sees_counts_only_and_only_its_own(portal_a, portal_b, make_local_user):
    SubscriptionFactory(portal=portal_a, email="dem1@example.vn", target="nghi-quyet")
    SubscriptionFactory(portal=portal_a, email="dem2@example.vn", target="nghi-quyet")
    SubscriptionFactory(portal=portal_a, email="dem3@example.vn", target="nghi-quyet",
                        status=Subscription.Status.PENDING, confirmed_at=None)
    url = reverse("subscriptions_counts")
    board_a = signed_in(portal_a, make_local_user(portal_a, "bbt.nhantin", APPROVER))
    page = board_a.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Nghị quyết" in body and "<td>2</td><td>1</td>" in body
    assert "example.vn" not in body  # never the addresses

    board_b = signed_in(portal_b, make_local_user(portal_b, "bbt.nhantin.b", APPROVER))
    body_b = board_b.get(url).content.decode()
    assert "Chưa có ai đăng ký nhận tin." in body_b and "Nghị quyết" not in body_b

    editor = signed_in(portal_a, make_local_user(portal_a, "bt.nhantin", EDITOR))
    assert_refused(editor.get(url))
    assert_refused(editor.get(reverse("subscriptions_personal_data"), {"email": "dem1@example.vn"}))
    assert_refused(board_a.get(reverse("subscriptions_personal_data"), {"email": "dem1@example.vn"}))


def test_subscriber_mail_is_not_in_the_askers_mail_list(
    portal_a, make_local_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(portal_a, "anmail@example.vn", "loai-van-ban:nghi-quyet")
    with schema_context(portal_a.schema_name):
        notification = Notification.objects.get(to_email="anmail@example.vn")
        assert notification.purpose == Notification.Purpose.SUBSCRIPTION
    operator = make_local_user(portal_a, "quantri.thu")
    with schema_context(portal_a.schema_name):
        operator.is_superuser = True
        operator.save()
    admin = signed_in(portal_a, operator)
    listing = admin.get(reverse("participation_notification:index"))
    assert listing.status_code == 200 and "anmail@example.vn" not in listing.content.decode()
    assert admin.get(reverse("participation_notification:edit", args=(notification.pk,))).status_code == 404


def test_board_head_exports_and_erases_a_subscribers_address(
    portal_a, make_local_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(portal_a, "Xoa.Toi@Example.vn", "loai-van-ban:nghi-quyet")
    SubscriptionFactory(portal=portal_a, email="Xoa.Toi@example.vn", target="quyet-dinh")
    SubscriptionFactory(portal=portal_a, email="giulai@example.vn", target="quyet-dinh")
    url = reverse("subscriptions_personal_data")
    head = signed_in(portal_a, make_local_user(portal_a, "tbbt.nhantin", BOARD_HEAD))
    page = head.get(url, {"email": "xoa.toi@example.vn"}).content.decode()
    assert "Nghị quyết" in page and "Quyết định" in page

    rows = json.loads(head.post(url, {"email": "Xoa.Toi@example.vn", "operation": "json"}).content)
    kinds = sorted(row["loai"] for row in rows)
    assert kinds == ["dang_ky_nhan_tin", "dang_ky_nhan_tin", "thu_da_gui"]
    assert {row["email"] for row in rows} == {"Xoa.Toi@example.vn"}
    csv = head.post(url, {"email": "Xoa.Toi@example.vn", "operation": "csv"}).content.decode("utf-8-sig")
    assert "Xoa.Toi@example.vn" in csv

    assert head.post(url, {"email": "Xoa.Toi@example.vn", "operation": "erase"}).status_code == 302
    with schema_context(portal_a.schema_name):
        assert list(Subscription.objects.values_list("email", flat=True)) == ["giulai@example.vn"]
        assert not Notification.objects.filter(to_email__iexact="xoa.toi@example.vn").exists()


def test_the_subscriber_erases_their_own_address(portal_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(portal_a, "tuxoa@example.vn", "loai-van-ban:nghi-quyet")
    first = SubscriptionFactory(portal=portal_a, email="tuxoa@example.vn", target="quyet-dinh")
    DigestEntryFactory(portal=portal_a, subscription=first)
    (message,) = mails_to("tuxoa@example.vn")
    response = client_for(portal_a).post(links(message)["unsubscribe"], {"hanh-dong": "xoa"})
    assert response.status_code == 200
    assert "địa chỉ đã được xóa" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.filter(email="tuxoa@example.vn").exists()
        assert not Notification.objects.filter(to_email="tuxoa@example.vn").exists()
    mail.outbox.clear()
