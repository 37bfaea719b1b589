"""The ledger: one `ClockRecord` per clock of every portal, in the public schema.

Written as things change in a portal (signals.py), and rewritten for a whole portal by the
daily job (`resync`), so the province's league table reads one table with one query.
Everything here runs in the portal's schema.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from wagtail.models import Locale, Page

from tenants.current import current_portal
from workdays.calendar import WorkingCalendar
from workdays.models import calendar_for_schema

from . import rules
from .clocks import ClockState, clock_of, clock_state, kept_current_of, late_by, posted_on
from .province.models import ClockRecord

Kind = ClockRecord.Kind
FIELDS = ["rule", "title", "event_date", "due_date", "posted_on", "late_days"]


@dataclass
class Context:
    """What computing the clocks of one portal needs, read once."""

    portal: Any
    limits: dict[str, int]
    calendar: WorkingCalendar
    today: dt.date
    default_locale_id: int | None

    @classmethod
    def here(cls, today: dt.date | None = None) -> Context | None:
        portal = current_portal(active_only=False)
        if portal is None:
            return None
        locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        return cls(
            portal=portal, limits=rules.limits_for(), calendar=calendar_for_schema(),
            today=today or timezone.localdate(), default_locale_id=locale.pk if locale else None,
        )


def page_clock(page: Page, ctx: Context) -> ClockState | None:
    """The clock of a page of a clocked model, or None (no clock, no event date, an English
    page: the limits are about the Vietnamese information)."""
    clock = clock_of(page)
    if clock is None or not clock.applies_to(page):
        return None
    if ctx.default_locale_id and page.locale_id != ctx.default_locale_id:
        return None
    if getattr(page, "alias_of_id", None):
        return None
    event = clock.event_date(page)
    if event is None:
        return None
    rule = clock.rule_for(page)
    return clock_state(rule, ctx.limits[rule], event, posted_on(page), ctx.today, ctx.calendar)


def _record(ctx: Context, kind: str, object_id: int, values: dict | None) -> None:
    lookup = {"portal": ctx.portal, "kind": kind, "object_id": object_id}
    if values is None:
        ClockRecord.objects.filter(**lookup).delete()
    else:
        ClockRecord.objects.update_or_create(**lookup, defaults=values)


def _values(title: str, state: ClockState) -> dict:
    return {
        "rule": state.rule, "title": title[:255], "event_date": state.event_date,
        "due_date": state.due_date, "posted_on": state.posted_on,
        "late_days": state.late_days if state.posted_on else 0,
    }


def record_page(page: Page, ctx: Context | None = None) -> None:
    ctx = ctx or Context.here()
    if ctx is None:
        return
    state = page_clock(page, ctx)
    _record(ctx, Kind.PAGE, page.pk, _values(page.title, state) if state else None)


def forget(kind: str, object_id: int) -> None:
    portal = current_portal(active_only=False)
    if portal is not None:
        ClockRecord.objects.filter(portal=portal, kind=kind, object_id=object_id).delete()


# --- Obligations, questions, sections -------------------------------------------------------


def obligation_values(obligation, ctx: Context) -> dict | None:
    if obligation.status != obligation.Status.OPEN:
        return None  # done (the page created has its own clock) or not applicable
    return {
        "rule": rules.LEGAL_APPLYING, "title": str(obligation)[:255],
        "event_date": obligation.issue_date, "due_date": obligation.due_date,
        "posted_on": None, "late_days": 0,
    }


def record_obligation(obligation, ctx: Context | None = None) -> None:
    ctx = ctx or Context.here()
    if ctx is not None:
        _record(ctx, Kind.OBLIGATION, obligation.pk, obligation_values(obligation, ctx))


def question_values(question, ctx: Context) -> dict | None:
    """A question's clock: from receipt to the leader's approval of the answer."""
    from participation.models import Question

    S = Question.Status
    if question.deadline is None or question.status in (S.REFUSED, S.FORWARDED):
        return None
    due = timezone.localtime(question.deadline).date()
    answered = question.approved_at if question.status in (S.APPROVED, S.PUBLISHED) else None
    late = 0
    answered_on = None
    if answered is not None:
        answered_on = timezone.localtime(answered).date()
        if answered > question.deadline:
            late = max(1, late_by(due, answered_on, ctx.calendar))
    return {
        "rule": rules.QUESTIONS, "title": question.title[:255],
        "event_date": timezone.localtime(question.received_at).date(), "due_date": due,
        "posted_on": answered_on, "late_days": late,
    }


def record_question(question, ctx: Context | None = None) -> None:
    ctx = ctx or Context.here()
    if ctx is not None:
        _record(ctx, Kind.QUESTION, question.pk, question_values(question, ctx))


def last_change(section: Page, ctx: Context) -> dt.date:
    """When anything in a section (the section page included) was last published; the
    portal's creation when nothing ever was."""
    latest = Page.objects.descendant_of(section, inclusive=True).live().aggregate(
        latest=Max("last_published_at")
    )["latest"]
    if latest is not None:
        return timezone.localtime(latest).date()
    return timezone.localtime(ctx.portal.created_at).date()


def section_values(section: Page, ctx: Context) -> dict | None:
    declared = kept_current_of(section)
    if declared is None or not section.live:
        return None
    if ctx.default_locale_id and section.locale_id != ctx.default_locale_id:
        return None
    changed = last_change(section, ctx)
    return {
        "rule": declared.rule, "title": section.title[:255], "event_date": changed,
        "due_date": changed + dt.timedelta(days=ctx.limits[declared.rule]),
        "posted_on": None, "late_days": 0,
    }


def record_section_of(page: Page, ctx: Context | None = None) -> None:
    """Refresh the staleness of the kept-current section `page` belongs to, if any."""
    section = page if page.depth == 3 else Page.objects.ancestor_of(page).filter(depth=3).first()
    if section is None:
        return
    section = section.specific
    if kept_current_of(section) is None:
        return
    ctx = ctx or Context.here()
    if ctx is not None:
        _record(ctx, Kind.SECTION, section.pk, section_values(section, ctx))


# --- The whole portal -----------------------------------------------------------------------


def current_records(ctx: Context) -> dict[tuple[str, int], dict]:
    """Every clock of the current portal as it should be recorded: (kind, id) → values."""
    from participation.models import Question

    from .models import Obligation
    from .registry import clocked_models, kept_current_models

    wanted: dict[tuple[str, int], dict] = {}
    for model in clocked_models():
        for page in model.objects.all().iterator():
            state = page_clock(page, ctx)
            if state is not None:
                wanted[(Kind.PAGE, page.pk)] = _values(page.title, state)
    for obligation in Obligation.objects.filter(status=Obligation.Status.OPEN):
        wanted[(Kind.OBLIGATION, obligation.pk)] = obligation_values(obligation, ctx)
    for question in Question.objects.exclude(deadline=None).iterator():
        values = question_values(question, ctx)
        if values is not None:
            wanted[(Kind.QUESTION, question.pk)] = values
    for model in kept_current_models():
        for section in model.objects.filter(depth=3):
            values = section_values(section, ctx)
            if values is not None:
                wanted[(Kind.SECTION, section.pk)] = values
    return wanted


def resync(today: dt.date | None = None) -> int:
    """Rewrite the current portal's records from its content (the daily job; after the
    rules change). Returns how many clocks it has."""
    ctx = Context.here(today)
    if ctx is None:
        return 0
    wanted = current_records(ctx)
    existing = ClockRecord.objects.filter(portal=ctx.portal)
    stale = [pk for pk, kind, object_id in existing.values_list("pk", "kind", "object_id")
             if (kind, object_id) not in wanted]
    ClockRecord.objects.filter(pk__in=stale).delete()
    ClockRecord.objects.bulk_create(
        [ClockRecord(portal=ctx.portal, kind=kind, object_id=object_id, **values)
         for (kind, object_id), values in wanted.items()],
        update_conflicts=True, unique_fields=["portal", "kind", "object_id"],
        update_fields=[*FIELDS, "updated_at"], batch_size=500,
    )
    return len(wanted)
