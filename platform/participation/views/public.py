"""The citizen-facing pages: called from the routes of QuestionIndexPage and
ConsultationPage. Nothing here renders an asker's or commenter's personal data."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers

from core.listing import paginate, query_without_page

from .. import spam, workflow
from ..forms import CommentForm, LookupForm, QuestionFilterForm, QuestionForm
from ..models import ConsultationPage, Question, QuestionEvent, QuestionIndexPage

LOOKUPS_PER_HOUR = 30


def _settings(request: HttpRequest):
    from ..models import ParticipationSettings

    return ParticipationSettings.for_request(request)


def question_list(page: QuestionIndexPage, request: HttpRequest) -> HttpResponse:
    form = QuestionFilterForm(request.GET or None)
    questions = Question.objects.published().select_related("topic").order_by("-published_at", "-pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            text = data["q"]
            # Only the published wording is searched: the asker's own text may name them.
            questions = questions.filter(
                Q(public_title__icontains=text)
                | (Q(public_title="") & Q(title__icontains=text))
                | Q(public_body__icontains=text)
                | (Q(public_body="") & Q(body__icontains=text))
                | Q(answer__icontains=text)
            )
        if data["linh_vuc"]:
            questions = questions.filter(topic=data["linh_vuc"])
        if data["loai"]:
            questions = questions.filter(kind=data["loai"])
    return page.render(
        request,
        context_overrides={
            "form": form,
            "questions": paginate(request, questions, 20),
            "page_query": query_without_page(request),
            "filtering": bool(request.GET.get("q") or request.GET.get("linh_vuc") or request.GET.get("loai")),
        },
    )


def question_form(page: QuestionIndexPage, request: HttpRequest, kind: str) -> HttpResponse:
    settings = _settings(request)
    scope = "question"
    template = "participation/question_form.html"
    context = {"kind": kind, "is_petition": kind == Question.Kind.PETITION}
    if request.method != "POST":
        return page.render(
            request, template=template, context_overrides={**context, "form": QuestionForm(kind=kind)}
        )
    form = QuestionForm(request.POST, request.FILES, kind=kind)
    if spam.rate_limited(request, scope, settings.submissions_per_hour):
        form.renew_challenge()
        response = page.render(
            request,
            template=template,
            context_overrides={**context, "form": form, "rate_limited": True},
        )
        response.status_code = 429
        return response
    if not form.is_valid():
        if form.is_spam:
            spam.record_submission(request, scope)
        form.renew_challenge()
        response = page.render(request, template=template, context_overrides={**context, "form": form})
        response.status_code = 400 if form.is_spam else 200
        return response
    with transaction.atomic():
        question = form.save(commit=False)
        question.submitter_ip = spam.client_ip(request) or None
        workflow.receive(question)
    spam.record_submission(request, scope)
    return page.render(
        request,
        template="participation/question_received.html",
        context_overrides={**context, "question": question},
    )


def question_lookup(page: QuestionIndexPage, request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET or None)
    question = None
    not_found = limited = False
    if form.is_bound and form.is_valid():
        if spam.rate_limited(request, "lookup", LOOKUPS_PER_HOUR):
            limited = True
        else:
            spam.record_submission(request, "lookup")
            question = Question.objects.filter(tracking_code=form.cleaned_data["ma"]).first()
            not_found = question is None
    notices = question.events.filter(action=QuestionEvent.Action.PROGRESS) if question else []
    response = page.render(
        request,
        template="participation/question_lookup.html",
        context_overrides={
            "form": form,
            "question": question,
            "not_found": not_found,
            "rate_limited": limited,
            "notices": notices,
            "show_answer": question is not None
            and question.status in (Question.Status.APPROVED, Question.Status.PUBLISHED),
        },
    )
    if limited:
        response.status_code = 429
    # One asker's question and its progress, by its tracking code: for nobody else's cache.
    add_never_cache_headers(response)
    return response


def question_detail(page: QuestionIndexPage, request: HttpRequest, question_id: int) -> HttpResponse:
    question = Question.objects.published().select_related("topic").filter(pk=question_id).first()
    if question is None:
        raise Http404
    return page.render(
        request,
        template="participation/question_detail.html",
        context_overrides={"question": question, "citations": question.citation_lines()},
    )


def consultation(page: ConsultationPage, request: HttpRequest) -> HttpResponse:
    is_open = page.is_open()
    context = {
        "is_open": is_open,
        "comments": page.published_comments(),
        "sent": request.GET.get("da-gui") == "1",
    }
    if request.method == "POST":
        if not is_open:
            response = page.render(request, context_overrides={**context, "refused": True, "form": None})
            response.status_code = 403
            return response
        form = CommentForm(request.POST)
        settings = _settings(request)
        if spam.rate_limited(request, "comment", settings.submissions_per_hour):
            form.renew_challenge()
            response = page.render(request, context_overrides={**context, "form": form, "rate_limited": True})
            response.status_code = 429
            return response
        if form.is_valid():
            comment = form.save(commit=False)
            comment.page = page
            comment.submitter_ip = spam.client_ip(request) or None
            comment.save()
            spam.record_submission(request, "comment")
            return HttpResponseRedirect(page.url + "?da-gui=1#gop-y")
        if form.is_spam:
            spam.record_submission(request, "comment")
        form.renew_challenge()
        response = page.render(request, context_overrides={**context, "form": form})
        response.status_code = 400 if form.is_spam else 200
        return response
    return page.render(request, context_overrides={**context, "form": CommentForm() if is_open else None})
