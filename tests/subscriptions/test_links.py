"""The links in subscribers' mails are keyed with the site's secret: the stored secret of a
subscription (what a copy of the database holds) is not a link, a forged or damaged link
names nothing, links outlive a key rotation, and the subscriptions made before keyed links
keep the links their mails already carry."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.conf import settings
from django.test import override_settings

from participation.models import Notification
from subscriptions.models import Subscription
from tests.support.portals import client_for

from .factories import SubscriptionFactory
from .helpers import links, mails_to, subscribe

pytestmark = pytest.mark.django_db

CONFIRM = "/dang-ky-nhan-tin/xac-nhan/{}/"
UNSUBSCRIBE = "/dang-ky-nhan-tin/huy/{}/"


def test_the_mail_carries_a_keyed_link_and_not_the_stored_secret(
    portal_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert subscribe(portal_a, "khoa@example.vn", "loai-van-ban:nghi-quyet").status_code == 200
    (message,) = mails_to("khoa@example.vn")
    with schema_context(portal_a.schema_name):
        subscription = Subscription.objects.get(email="khoa@example.vn")
    assert not subscription.legacy_link
    assert subscription.token not in message.body
    assert links(message)["confirm"] == CONFIRM.format(subscription.link_token)
    client = client_for(portal_a)
    # What the database holds is no link.
    assert client.post(CONFIRM.format(subscription.token)).status_code == 404
    assert client.post(UNSUBSCRIBE.format(subscription.token)).status_code == 200
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get(pk=subscription.pk).status == Subscription.Status.PENDING
    assert client.post(links(message)["confirm"]).status_code == 200
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get(pk=subscription.pk).status == Subscription.Status.CONFIRMED
        # Nor does the outbox keep the links once the mail is delivered.
        (kept,) = Notification.objects.filter(to_email="khoa@example.vn")
        assert kept.status == Notification.Status.SENT and kept.subject == message.subject
        assert subscription.link_token not in kept.body + str(kept.headers)


@pytest.mark.parametrize(
    "damage",
    [
        lambda link: link[:-1] + ("A" if link[-1] != "A" else "B"),  # one character changed
        lambda link: link[:-1],  # cut short
        lambda link: "9" + link,  # another row's number
        lambda link: "x" + link,
        lambda link: "٣" + link,  # a digit, but not an ASCII one
        lambda link: "1" * 30 + link,  # past any row number
        lambda link: link.replace(".", ".\x00", 1),
        lambda link: link.split(".")[0] + ".",
        lambda link: "." + link.split(".")[1],
        lambda link: link + "." + link,
    ],
)
def test_a_damaged_or_forged_link_names_nothing(portal_a, damage):
    with schema_context(portal_a.schema_name):
        subscription = SubscriptionFactory(
            email="gia@example.vn", status=Subscription.Status.PENDING, confirmed_at=None
        )
        link = subscription.link_token
    client = client_for(portal_a)
    # 404: names nothing; 400: a NUL in the address is refused before any view.
    assert client.get(CONFIRM.format(damage(link))).status_code in (400, 404)
    assert client.post(CONFIRM.format(damage(link))).status_code in (400, 404)
    assert client.post(UNSUBSCRIBE.format(damage(link))).status_code in (200, 400)
    with schema_context(portal_a.schema_name):
        assert Subscription.objects.get(pk=subscription.pk).status == Subscription.Status.PENDING
    assert client.get(CONFIRM.format(link)).status_code == 200


def test_links_outlive_a_key_rotation(portal_a):
    with schema_context(portal_a.schema_name):
        subscription = SubscriptionFactory(email="xoay@example.vn")
        link = subscription.link_token
    client = client_for(portal_a)
    with override_settings(SECRET_KEY="khoa-moi-" + "x" * 50, SECRET_KEY_FALLBACKS=[]):
        assert client.get(UNSUBSCRIBE.format(link)).status_code == 404
    with override_settings(
        SECRET_KEY="khoa-moi-" + "x" * 50, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]
    ):
        assert client.get(UNSUBSCRIBE.format(link)).status_code == 200
        client.post(UNSUBSCRIBE.format(link), {"hanh-dong": "huy"})
    with schema_context(portal_a.schema_name):
        assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_subscriptions_made_before_keyed_links_keep_their_old_links(portal_a):
    with schema_context(portal_a.schema_name):
        old = SubscriptionFactory(email="cu@example.vn", legacy_link=True)
        new = SubscriptionFactory(email="moi@example.vn")
    client = client_for(portal_a)
    assert client.get(UNSUBSCRIBE.format(new.token)).status_code == 404
    assert client.get(UNSUBSCRIBE.format(old.token)).status_code == 200
    assert client.get(UNSUBSCRIBE.format(old.link_token)).status_code == 200
    client.post(UNSUBSCRIBE.format(old.token), {"hanh-dong": "huy"})
    with schema_context(portal_a.schema_name):
        assert list(Subscription.objects.values_list("email", flat=True)) == ["moi@example.vn"]


def test_the_upgrade_keeps_old_links_and_forgets_those_of_delivered_mails(portal_a):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    with schema_context(portal_a.schema_name):
        executor = MigrationExecutor(connection)
        executor.migrate([("subscriptions", "0001_initial")])
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO subscriptions_subscription (email, kind, target, language, token, "
                "status, created_at) VALUES ('truoc@example.vn', 'loai-van-ban', 'nghi-quyet', "
                "'vi', 'ma-cu-123', 'confirmed', now())"
            )
        link = "http://soa.laichau.test/dang-ky-nhan-tin/huy/ma-cu-123/"
        delivered, waiting = (
            Notification.objects.create(
                purpose=Notification.Purpose.SUBSCRIPTION, status=status, to_email="truoc@example.vn",
                subject="Tin mới", body=f"Hủy nhận tin: {link}",
                headers={"List-Unsubscribe": f"<{link}>"},
            )
            for status in (Notification.Status.SENT, Notification.Status.PENDING)
        )
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        assert Subscription.objects.get(email="truoc@example.vn").legacy_link
        delivered.refresh_from_db()
        waiting.refresh_from_db()
        assert (delivered.body, delivered.headers, delivered.subject) == ("", {}, "Tin mới")
        assert link in waiting.body  # still to be sent: kept whole
    assert client_for(portal_a).get(UNSUBSCRIBE.format("ma-cu-123")).status_code == 200
