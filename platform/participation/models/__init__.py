"""Citizen participation: questions and petitions (Hỏi – Đáp, phản ánh – kiến nghị), public
consultations (lấy ý kiến) and the e-mail outbox that serves both.

Import direction: models → workdays, legaldocs, core; views, workflow, forms → models.
"""

from __future__ import annotations

from .consultations import (
    ConsultationComment,
    ConsultationFile,
    ConsultationIndexPage,
    ConsultationPage,
)
from .notifications import Notification
from .questions import (
    ParticipationSettings,
    Question,
    QuestionEvent,
    QuestionIndexPage,
    QuestionTopic,
    new_tracking_code,
)

__all__ = [
    "ConsultationComment",
    "ConsultationFile",
    "ConsultationIndexPage",
    "ConsultationPage",
    "Notification",
    "ParticipationSettings",
    "Question",
    "QuestionEvent",
    "QuestionIndexPage",
    "QuestionTopic",
    "new_tracking_code",
]
