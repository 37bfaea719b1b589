"""A portal's figures for a period, read from its own schema (and its rows of the public
tables: the deadlines ledger, sign-in failures and lockouts).

Run inside the portal's schema. Everything is counted by date, inclusive, from the period's
first day to its cutoff (its last day, or today when the period is not over):
- published per section: pages below the section first published in the period;
- on time per section: the section's clocks (deadlines ledger) due in the period: posted on
  time, late, and overdue (not posted, due before the cutoff);
- questions: received in the period (refused: of those, the ones refused); answered: answers
  approved in the period, on time when approved by the deadline; overdue: deadline passed by
  the cutoff without an approved answer by then (refused and forwarded ones excluded);
- consultations opened in the period, comments received in it (and approved);
- services: the published services, the online ones, and the service statistics the unit
  entered for this period (ServiceStatistic of the same year and period);
- English: the pages the law wants in English, and those up to date (as of today);
- security: failed sign-ins and account lockouts of this portal's own accounts.
The result is plain JSON: it is stored as is when the report is submitted.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, Sum
from django.utils import timezone

from tenants.current import current_portal

from .periods import Kind, ReportPeriod
from .sources import registered_sources

SERVICE_PERIODS = {
    (Kind.QUARTER, 1): "quy-1", (Kind.QUARTER, 2): "quy-2", (Kind.QUARTER, 3): "quy-3",
    (Kind.QUARTER, 4): "quy-4", (Kind.HALF, 1): "6-thang-dau", (Kind.HALF, 2): "6-thang-cuoi",
    (Kind.YEAR, 1): "ca-nam",
}


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes from the start of `start` to the end of `end` (local time)."""
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    last = timezone.make_aware(dt.datetime.combine(end, dt.time.max))
    return first, last


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def section_figures(start: dt.date, end: dt.date, today: dt.date) -> list[dict]:
    from django.db.models import Count

    from wagtail.models import Page, Site

    from deadlines.province.models import ClockRecord

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    portal = current_portal()
    first, last = _bounds(start, end)
    # Not posted by the cutoff and due before it (before today while the period runs).
    late_after = end if end < today else today - dt.timedelta(days=1)
    posted = Q(posted_on__isnull=False, posted_on__lte=end)
    rows = []
    for section in site.root_page.get_children().order_by("path"):
        below = Page.objects.descendant_of(section)
        published = below.filter(first_published_at__range=(first, last)).count()
        counted = ClockRecord.objects.filter(
            portal=portal, kind=ClockRecord.Kind.PAGE, due_date__range=(start, end),
            object_id__in=below.values("pk"),
        ).aggregate(
            posted=Count("pk", filter=posted),
            on_time=Count("pk", filter=posted & Q(late_days=0)),
            overdue=Count("pk", filter=~posted & Q(due_date__lte=late_after)),
        )
        if not (published or counted["posted"] or counted["overdue"]):
            continue
        rows.append({
            "slug": section.slug, "title": section.title, "published": published,
            "clocked_posted": counted["posted"], "on_time": counted["on_time"],
            "late": counted["posted"] - counted["on_time"], "overdue": counted["overdue"],
            "on_time_percent": percent(counted["on_time"], counted["posted"] + counted["overdue"]),
        })
    return rows


def question_figures(start: dt.date, end: dt.date) -> dict:
    from participation.models import Question

    S = Question.Status
    first, last = _bounds(start, end)
    answered_states = (S.APPROVED, S.PUBLISHED)
    received = Question.objects.filter(received_at__range=(first, last))
    answered = Question.objects.filter(status__in=answered_states, approved_at__range=(first, last))
    on_time = answered.filter(Q(deadline__isnull=True) | Q(approved_at__lte=F("deadline")))
    overdue = (
        Question.objects.filter(deadline__lt=last)
        .exclude(status__in=(S.REFUSED, S.FORWARDED))
        .filter(deadline__gte=first)
        .filter(Q(approved_at__isnull=True) | Q(approved_at__gt=last))
    )
    return {
        "received": received.count(),
        "answered": answered.count(),
        "answered_on_time": on_time.count(),
        "overdue": overdue.count(),
        "refused": received.filter(status=S.REFUSED).count(),
        "forwarded": received.filter(status=S.FORWARDED).count(),
    }


def consultation_figures(start: dt.date, end: dt.date) -> dict:
    from participation.models import ConsultationComment, ConsultationPage

    first, last = _bounds(start, end)
    comments = ConsultationComment.objects.filter(submitted_at__range=(first, last))
    return {
        "opened": ConsultationPage.objects.live().filter(opens_at__range=(first, last)).count(),
        "comments": comments.count(),
        "comments_approved": comments.filter(status=ConsultationComment.Status.APPROVED).count(),
    }


def service_figures(period: ReportPeriod) -> dict:
    from services.models import STATISTICS_LEVELS, PublicServicePage, ServiceStatistic

    live = PublicServicePage.objects.live()
    stats = ServiceStatistic.objects.filter(
        page__in=live, year=period.year, period=SERVICE_PERIODS[(period.kind, period.number)]
    ).aggregate(
        usage=Sum("usage_count"), received=Sum("received"), received_online=Sum("received_online"),
        resolved_on_time=Sum("resolved_on_time"), resolved_late=Sum("resolved_late"),
        in_progress=Sum("in_progress"),
    )
    return {
        "services": live.count(),
        "online": live.filter(level__in=STATISTICS_LEVELS).count(),
        **{name: value or 0 for name, value in stats.items()},
    }


def english_figures() -> dict:
    from languages.status import State, portal_report, summary

    portal = current_portal()
    counts = summary(portal_report(kind=portal.kind if portal else None))
    return {"required": sum(counts.values()), "up_to_date": counts[State.UP_TO_DATE]}


def security_figures(start: dt.date, end: dt.date) -> dict:
    from signin.models import SignInFailure, SignInLockout

    portal = current_portal()
    realm = portal.schema_name if portal else ""
    first, last = _bounds(start, end)
    return {
        "failed_signins": SignInFailure.objects.filter(realm=realm, at__range=(first, last)).count(),
        "lockouts": SignInLockout.objects.filter(
            scope=SignInLockout.Scope.ACCOUNT, realm=realm, locked_at__range=(first, last)
        ).count(),
    }


def source_figures(start: dt.date, end: dt.date) -> dict:
    result = {}
    for source in registered_sources():
        values = source.func(start, end)
        result[source.key] = {
            "label": str(source.label),
            "rows": [
                {"name": name, "label": str(source.labels.get(name, name)), "value": int(value)}
                for name, value in values.items()
            ],
        }
    return result


def collect(period: ReportPeriod, today: dt.date | None = None) -> dict:
    """Every figure of the current portal for `period`, as plain JSON."""
    today = today or timezone.localdate()
    start, end = period.start, period.cutoff(today)
    return {
        "period": {"key": period.key, "start": start.isoformat(), "end": end.isoformat()},
        "sections": section_figures(start, end, today),
        "questions": question_figures(start, end),
        "consultations": consultation_figures(start, end),
        "services": service_figures(period),
        "english": english_figures(),
        "security": security_figures(start, end),
        "sources": source_figures(start, end),
        "computed_at": timezone.now().isoformat(),
    }
