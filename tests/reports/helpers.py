"""A quarter's worth of data in a portal, inside and outside the period (Q3 2026)."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.utils import timezone

from tests.deadlines.helpers import planning_item

D = dt.date
Q3 = (D(2026, 7, 1), D(2026, 9, 30))
TODAY = D(2026, 12, 3)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def fill_quarter(portal) -> None:
    """What the third quarter of 2026 holds in `portal`, with items just outside it."""
    from participation.models import ConsultationComment, Question
    from services.models import ReportPeriod
    from signin.models import SignInFailure, SignInLockout
    from tests.news.factories import NewsArticlePageFactory
    from tests.participation.factories import (
        ConsultationCommentFactory,
        ConsultationPageFactory,
        QuestionFactory,
    )
    from tests.services.factories import PublicServicePageFactory, ServiceStatisticFactory

    S = Question.Status
    with schema_context(portal.schema_name):
        for day in (D(2026, 6, 30), D(2026, 7, 1), D(2026, 8, 10), D(2026, 9, 30), D(2026, 10, 1)):
            NewsArticlePageFactory(first_published_at=at(day), last_published_at=at(day))
        planning_item("Đăng đúng hạn", D(2026, 7, 1), D(2026, 7, 3))
        planning_item("Đăng trễ hạn", D(2026, 8, 3), D(2026, 9, 30))
        planning_item("Quá hạn chưa đăng", D(2026, 9, 1), None)
        planning_item("Quý sau", D(2026, 10, 5), None)

        def question(received, status=S.RECEIVED, deadline=None, approved=None):
            QuestionFactory(received_at=at(received), status=status, deadline=at(deadline),
                            approved_at=at(approved) if approved else None)

        question(D(2026, 8, 1), S.APPROVED, D(2026, 8, 20), D(2026, 8, 5))  # on time
        question(D(2026, 8, 10), S.PUBLISHED, D(2026, 8, 30), D(2026, 9, 25))  # late
        question(D(2026, 9, 1), S.RECEIVED, D(2026, 9, 20))  # overdue
        question(D(2026, 9, 5), S.REFUSED, D(2026, 9, 25))
        question(D(2026, 10, 2), S.RECEIVED, D(2026, 10, 20))  # next quarter
        question(D(2026, 6, 10), S.APPROVED, D(2026, 7, 10), D(2026, 7, 2))  # answered in Q3

        draft = ConsultationPageFactory(opens_at=at(D(2026, 8, 1)), closes_at=at(D(2026, 8, 30)))
        ConsultationCommentFactory(page=draft, submitted_at=at(D(2026, 8, 2)),
                                   status=ConsultationComment.Status.APPROVED)
        ConsultationCommentFactory(page=draft, submitted_at=at(D(2026, 8, 3)))
        ConsultationCommentFactory(page=draft, submitted_at=at(D(2026, 10, 3)))

        PublicServicePageFactory(statistics=[
            ServiceStatisticFactory.build(period=ReportPeriod.Q3, received=40, received_online=30),
            ServiceStatisticFactory.build(period=ReportPeriod.Q2, received=99, received_online=9),
        ])

    realm = portal.schema_name
    for day in (D(2026, 8, 15), D(2026, 9, 1), D(2026, 10, 1)):
        SignInFailure.objects.create(realm=realm, username="ai.do", at=at(day))
    SignInFailure.objects.create(realm="khac", username="ai.do", at=at(D(2026, 8, 15)))
    SignInLockout.objects.create(scope=SignInLockout.Scope.ACCOUNT, realm=realm, key="ai.do",
                                 locked_at=at(D(2026, 9, 1)), locked_until=at(D(2026, 9, 2)))
