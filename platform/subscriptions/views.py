"""The public pages: subscribe, confirm, unsubscribe (and erase the address).

None of them says whether an address is subscribed: subscribing answers the same whatever
the address, and a confirm or unsubscribe link names only its own subscription.
Confirming and unsubscribing are buttons (POST), not the GET of the link: mail scanners and
link previews open every link in a mail, and must neither confirm a subscription nobody
asked for nor end one. A mail client's one-click unsubscribe (RFC 8058) is a POST with
`List-Unsubscribe=One-Click`, without cookie or CSRF token: the unguessable link is the
proof, so these two views are exempt from CSRF.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from core import ratelimit
from participation import spam
from tenants.current import is_portal_schema

from . import mail
from .digest import PENDING_DAYS
from .forms import TARGET_FIELD, SubscribeForm
from .models import Subscription
from .personal_data import erase
from .targets import find_target, grouped_targets, label_of

SUBMISSIONS_PER_HOUR = 10
# Confirmation mails one address may receive a day, whoever asks: the form cannot be used
# to flood someone's mailbox.
CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3


def _private(response: HttpResponse) -> HttpResponse:
    """A page with a form token or a subscription's link is one visitor's: never cached."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = TemplateResponse(request, f"subscriptions/{template}.html", context, status=status)
    return _private(response)


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "vi"


def _address_limit(email: str) -> tuple[ratelimit.Limit, str]:
    who = hashlib.sha256(email.lower().encode()).hexdigest()[:32]
    return ratelimit.Limit("subscriptions:confirmations", CONFIRMATIONS_PER_ADDRESS_PER_DAY, 86400), who


def subscribe_address(email: str, kind: str, key: str, language: str) -> None:
    """Record a pending subscription and mail its confirmation link; an address already
    subscribed to the target gets nothing new (and the visitor is told the same)."""
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=email, kind=kind, target=key, defaults={"language": language}
        )
        if subscription.status == Subscription.Status.CONFIRMED:
            return
        if not created:
            # Asked again: the week to confirm starts again, in the language asked in now.
            subscription.language = language
            subscription.created_at = timezone.now()
            subscription.save(update_fields=["language", "created_at"])
        if ratelimit.take(*_address_limit(email)):
            mail.queue_confirmation(subscription)


def subscribe(request: HttpRequest) -> HttpResponse:
    if not is_portal_schema():
        raise Http404
    groups = grouped_targets()
    chosen = find_target(request.GET.get(TARGET_FIELD))
    context: dict = {"chosen": chosen}

    def render(form: SubscribeForm, status: int = 200, **extra) -> HttpResponse:
        return _render(request, "subscribe", {**context, "form": form, **extra}, status)

    if request.method != "POST":
        initial = {TARGET_FIELD: chosen.value} if chosen else {}
        return render(SubscribeForm(groups=groups, initial=initial))
    form = SubscribeForm(request.POST, groups=groups)
    scope = "subscribe"
    if spam.rate_limited(request, scope, SUBMISSIONS_PER_HOUR):
        return render(form, 429, rate_limited=True)
    if not form.is_valid():
        if form.is_spam:
            spam.take_submission(request, scope, SUBMISSIONS_PER_HOUR)
        return render(form, 400 if form.is_spam else 200)
    target = find_target(form.cleaned_data[TARGET_FIELD])
    if target is None or not form.claim_token():
        return render(form)
    if not spam.take_submission(request, scope, SUBMISSIONS_PER_HOUR):
        form.renew_token()
        return render(form, 429, rate_limited=True)
    subscribe_address(form.cleaned_data["email"], target.kind, target.key, _language())
    return _render(request, "sent", {"target": target})




def _expired(subscription: Subscription) -> bool:
    """A pending subscription past its week (the nightly prune removes it later)."""
    limit = timezone.now() - dt.timedelta(days=PENDING_DAYS)
    return subscription.status == Subscription.Status.PENDING and subscription.created_at < limit


@csrf_exempt
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if not is_portal_schema():
        raise Http404
    subscription = Subscription.by_link(token)
    if subscription is None or _expired(subscription):
        return _render(request, "link_expired", {}, 404)
    label = label_of(subscription.kind, subscription.target)
    if request.method == "POST":
        if subscription.status == Subscription.Status.PENDING:
            subscription.status = Subscription.Status.CONFIRMED
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["status", "confirmed_at"])
        return _render(request, "confirmed", {"label": label, "subscription": subscription})
    if subscription.status == Subscription.Status.CONFIRMED:
        return _render(request, "confirmed", {"label": label, "subscription": subscription})
    return _render(request, "confirm", {"label": label, "subscription": subscription})


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if not is_portal_schema():
        raise Http404
    subscription = Subscription.by_link(token)
    if request.method == "POST":
        # RFC 8058's body, or the page's own buttons: either ends this subscription at once.
        action = request.POST.get("hanh-dong", "huy")
        erased = False
        if subscription is not None:
            if action == "xoa":
                erase(subscription.email)
                erased = True
            else:
                subscription.delete()
        return _render(request, "unsubscribed", {"erased": erased})
    if subscription is None:
        # Already ended (or never existed): the same page, nothing to tell apart; 404, since
        # the link names nothing any more (and a link of another portal means nothing here).
        return _render(request, "unsubscribed", {"erased": False}, 404)
    return _render(
        request, "unsubscribe",
        {"label": label_of(subscription.kind, subscription.target), "subscription": subscription},
    )
