"""The citizen-facing pages: called from the routes of QuestionIndexPage and
ConsultationPage. Nothing here renders an asker's or commenter's personal data."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.clientip import client_ip
from core.listing import paginate, query_without_page

from .. import spam, workflow
from ..forms import CommentForm, LookupForm, QuestionFilterForm, QuestionForm
from ..models import ConsultationPage, Question, QuestionEvent, QuestionIndexPage

LOOKUPS_PER_HOUR = 30


def _private(response: HttpResponse) -> HttpResponse:
    """A page carrying a single-use form token is one visitor's: no shared cache may keep it
    and hand the same token to the next visitor."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


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

    def render(form: QuestionForm, status: int = 200, **extra) -> HttpResponse:
        response = page.render(
            request, template=template, context_overrides={**context, "form": form, **extra}
        )
        response.status_code = status
        return _private(response)

    if request.method != "POST":
        return render(QuestionForm(kind=kind))
    form = QuestionForm(request.POST, request.FILES, kind=kind)
    if spam.rate_limited(request, scope, settings.submissions_per_hour):
        return render(form, 429, rate_limited=True)
    if not form.is_valid():
        if form.is_spam:
            spam.take_submission(request, scope, settings.submissions_per_hour)
        return render(form, 400 if form.is_spam else 200)
    if not form.claim_token():
        return render(form)
    # Counted atomically: of two simultaneous last submissions only one gets through.
    if not spam.take_submission(request, scope, settings.submissions_per_hour):
        form.renew_token()
        return render(form, 429, rate_limited=True)
    with transaction.atomic():
        question = form.save(commit=False)
        question.submitter_ip = client_ip(request)
        workflow.receive(question)
    return page.render(
        request,
        template="participation/question_received.html",
        context_overrides={**context, "question": question},
    )


def question_lookup(page: QuestionIndexPage, request: HttpRequest) -> HttpResponse:
    # Bound only once a code was asked for: other parameters (a campaign tag, a language
    # switch) must not show an empty code as an error.
    form = LookupForm(request.GET if "ma" in request.GET else None)
    question = None
    not_found = limited = False
    if form.is_bound and form.is_valid():
        if not spam.take_submission(request, "lookup", LOOKUPS_PER_HOUR):
            limited = True
        else:
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
        per_hour = _settings(request).submissions_per_hour

        def render(status: int = 200, **extra) -> HttpResponse:
            response = page.render(request, context_overrides={**context, "form": form, **extra})
            response.status_code = status
            return _private(response)

        if spam.rate_limited(request, "comment", per_hour):
            return render(429, rate_limited=True)
        if not form.is_valid():
            if form.is_spam:
                spam.take_submission(request, "comment", per_hour)
            return render(400 if form.is_spam else 200)
        if not form.claim_token():
            return render()
        if not spam.take_submission(request, "comment", per_hour):
            form.renew_token()
            return render(429, rate_limited=True)
        comment = form.save(commit=False)
        comment.page = page
        comment.submitter_ip = client_ip(request)
        comment.save()
        return HttpResponseRedirect(page.url + "?da-gui=1#gop-y")
    response = page.render(request, context_overrides={**context, "form": CommentForm() if is_open else None})
    return _private(response) if is_open else response
