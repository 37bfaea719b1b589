"""Subscribe, confirm (double opt-in), digests, one-click unsubscribe."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.core import mail
from django.core.management import call_command

from subscriptions.models import Subscription
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.news.factories import NewsArticlePageFactory
from tests.support.portals import client_for

from .helpers import links, mails_to, news_index_id, subscribe

pytestmark = pytest.mark.django_db


def _digests(portal) -> None:
    call_command("send_subscription_digests", portal=portal.code, stdout=open("/dev/null", "w"))


def _confirmed(portal, capture, email: str, target: str) -> dict[str, str]:
    with capture(execute=True):
        assert subscribe(portal, email, target).status_code == 200
    (message,) = mails_to(email)
    found = links(message)
    client = client_for(portal)
    assert client.post(found["confirm"]).status_code == 200
    mail.outbox.clear()
    return found


def test_subscribe_confirm_then_two_publications_make_one_digest(
    portal_a, django_capture_on_commit_callbacks
):
    target = f"chuyen-muc:{news_index_id(portal_a)}"
    client = client_for(portal_a)
    page = client.get("/dang-ky-nhan-tin/", {"muc": target})
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert f'value="{target}" selected' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(portal_a, "Dan.Thuong@Example.VN", target)
    assert response.status_code == 200
    assert "Vui lòng kiểm tra hộp thư" in response.content.decode()
    with schema_context(portal_a.schema_name):
        subscription = Subscription.objects.get()
        assert subscription.email == "Dan.Thuong@example.vn"  # the domain lower-cased
        assert subscription.status == Subscription.Status.PENDING

    (confirmation,) = mail.outbox
    assert confirmation.to == ["Dan.Thuong@example.vn"]
    assert "Xác nhận nhận tin" in confirmation.subject
    found = links(confirmation)
    assert set(found) == {"confirm", "unsubscribe"}
    assert confirmation.extra_headers["List-Unsubscribe"].endswith(f"{found['unsubscribe']}>")
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mail.outbox.clear()

    # Pending: a publication now is not mailed.
    with django_capture_on_commit_callbacks(execute=True):
        NewsArticlePageFactory(portal=portal_a, title="Tin khi chưa xác nhận", publish=True)
    _digests(portal_a)
    assert mail.outbox == []

    # Following the link shows a button (mail scanners open links); pressing it confirms.
    shown = client.get(found["confirm"])
    assert shown.status_code == 200 and "<form" in shown.content.decode()
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get().status == Subscription.Status.PENDING
    assert client.post(found["confirm"]).status_code == 200
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get().status == Subscription.Status.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        NewsArticlePageFactory(portal=portal_a, title="Tin thứ nhất sau xác nhận", publish=True)
        NewsArticlePageFactory(portal=portal_a, title="Tin thứ hai sau xác nhận", publish=True)
    assert mail.outbox == []  # publishing sends nothing by itself
    with django_capture_on_commit_callbacks(execute=True):
        _digests(portal_a)
    (digest,) = mail.outbox
    assert "Tin thứ nhất sau xác nhận" in digest.body and "Tin thứ hai sau xác nhận" in digest.body
    assert "Tin khi chưa xác nhận" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert found["unsubscribe"] in digest.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _digests(portal_a)
    assert mail.outbox == []  # nothing new: no mail


def test_legal_document_type_and_issuer(portal_a, django_capture_on_commit_callbacks):
    _confirmed(portal_a, django_capture_on_commit_callbacks, "nq@example.vn", "loai-van-ban:nghi-quyet")
    with django_capture_on_commit_callbacks(execute=True):
        LegalDocumentPageFactory(portal=portal_a, doc_type="nghi-quyet", number="12/2026/NQ-HĐND",
                                 summary="Về học phí năm học 2026", publish=True)
        LegalDocumentPageFactory(portal=portal_a, doc_type="quyet-dinh", summary="Về bảng giá đất",
                                 publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        _digests(portal_a)
    (digest,) = mails_to("nq@example.vn")
    assert "học phí" in digest.body and "bảng giá đất" not in digest.body


def test_question_topic(portal_a, django_capture_on_commit_callbacks):
    from tests.participation.factories import QuestionFactory, QuestionTopicFactory

    topic = QuestionTopicFactory(portal=portal_a, name="Đất đai")
    _confirmed(portal_a, django_capture_on_commit_callbacks, "datdai@example.vn", f"linh-vuc:{topic.pk}")
    with django_capture_on_commit_callbacks(execute=True):
        QuestionFactory(portal=portal_a, topic=topic, title="Cấp sổ đỏ lần đầu", status="published",
                        is_public=True, answer="Trả lời.")
        QuestionFactory(portal=portal_a, topic=topic, title="Câu hỏi chưa trả lời")
    with django_capture_on_commit_callbacks(execute=True):
        _digests(portal_a)
    (digest,) = mails_to("datdai@example.vn")
    assert "Cấp sổ đỏ lần đầu" in digest.body and "chưa trả lời" not in digest.body


@pytest.mark.parametrize("how", ["link", "one-click"])
def test_unsubscribe_in_one_click_and_no_more_mail(portal_a, django_capture_on_commit_callbacks, how):
    found = _confirmed(
        portal_a, django_capture_on_commit_callbacks, "huy@example.vn", "loai-van-ban:nghi-quyet"
    )
    # A mail client posts without cookie or CSRF token (RFC 8058).
    client = client_for(portal_a)
    client.handler.enforce_csrf_checks = True
    if how == "link":
        page = client.get(found["unsubscribe"])
        assert page.status_code == 200 and 'name="hanh-dong" value="huy"' in page.content.decode()
        with schema_context(portal_a.schema_name):
            assert Subscription.objects.filter(email="huy@example.vn").exists()  # GET ends nothing
        response = client.post(found["unsubscribe"], {"hanh-dong": "huy"})
    else:
        response = client.post(
            found["unsubscribe"], "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 200
    assert "Đã hủy nhận tin" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.filter(email="huy@example.vn").exists()
    with django_capture_on_commit_callbacks(execute=True):
        LegalDocumentPageFactory(portal=portal_a, doc_type="nghi-quyet", publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        _digests(portal_a)
    assert mails_to("huy@example.vn") == []
    # The link again: the same words, and nothing there any more.
    again = client.get(found["unsubscribe"])
    assert again.status_code == 404 and "Đã hủy nhận tin" in again.content.decode()


def test_no_enumeration(portal_a, django_capture_on_commit_callbacks):
    target = "loai-van-ban:nghi-quyet"
    with django_capture_on_commit_callbacks(execute=True):
        fresh = subscribe(portal_a, "moi@example.vn", target)
    _confirmed(portal_a, django_capture_on_commit_callbacks, "cu@example.vn", target)
    with django_capture_on_commit_callbacks(execute=True):
        again = subscribe(portal_a, "cu@example.vn", target)
    assert fresh.status_code == again.status_code == 200
    assert fresh.content == again.content
    assert mails_to("cu@example.vn") == []  # nothing new for an address already subscribed


def test_confirmation_mails_to_one_address_are_limited(portal_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            response = subscribe(portal_a, "nannhan@example.vn", "loai-van-ban:nghi-quyet",
                                 address=f"10.9.0.{number + 1}")
            assert response.status_code == 200
    assert len(mails_to("nannhan@example.vn")) == 3


def test_bad_address_gives_a_vietnamese_error_and_keeps_what_was_typed(portal_a):
    response = subscribe(portal_a, "dan thuong@", "loai-van-ban:nghi-quyet")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Địa chỉ thư điện tử không hợp lệ" in body
    assert 'value="dan thuong@"' in body
    assert 'value="loai-van-ban:nghi-quyet" selected' in body
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.exists()


def test_spam_is_refused(portal_a):
    response = subscribe(portal_a, "robot@example.vn", "loai-van-ban:nghi-quyet", website="http://spam")
    assert response.status_code == 400
    response = subscribe(portal_a, "robot@example.vn", "loai-van-ban:nghi-quyet", form_token="gia-mao")
    assert response.status_code == 400
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.exists()


def test_english_subscription_gets_english_mail(portal_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(portal_a, "en@example.vn", "loai-van-ban:nghi-quyet", prefix="/en")
    assert response.status_code == 200
    (message,) = mails_to("en@example.vn")
    assert "Confirm" in message.subject
    assert "/en/dang-ky-nhan-tin/xac-nhan/" in message.body


def test_a_confirmation_link_expires_after_a_week(portal_a):
    import datetime as dt

    from django.utils import timezone

    from tests.subscriptions.factories import SubscriptionFactory

    with schema_context(portal_a.schema_name):
        late = SubscriptionFactory(status=Subscription.Status.PENDING, confirmed_at=None)
        Subscription.objects.filter(pk=late.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    response = client_for(portal_a).post(f"/dang-ky-nhan-tin/xac-nhan/{late.link_token}/")
    assert response.status_code == 404 and "Liên kết không còn hiệu lực" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get(pk=late.pk).status == Subscription.Status.PENDING


def test_pending_subscriptions_expire(portal_a):
    import datetime as dt

    from django.utils import timezone

    from tests.subscriptions.factories import SubscriptionFactory

    with schema_context(portal_a.schema_name):
        old = SubscriptionFactory(status=Subscription.Status.PENDING, confirmed_at=None)
        recent = SubscriptionFactory(status=Subscription.Status.PENDING, confirmed_at=None)
        kept = SubscriptionFactory()
        Subscription.objects.filter(pk__in=[old.pk, kept.pk]).update(
            created_at=timezone.now() - dt.timedelta(days=8)
        )
    call_command("prune_subscriptions", portal=portal_a.code, stdout=open("/dev/null", "w"))
    with schema_context(portal_a.schema_name):
        assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}
    response = client_for(portal_a).get(f"/dang-ky-nhan-tin/xac-nhan/{old.link_token}/")
    assert response.status_code == 404
