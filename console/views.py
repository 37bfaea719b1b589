"""The platform console: operators and the province board manage the portal registry."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.audit import client_ip
from console.dashboard import dashboard as portal_dashboard
from console.forms import (
    ApplicationForm,
    ConsoleLoginForm,
    DecisionForm,
    DomainForm,
    EmcForm,
    PortalRequestForm,
    ReasonForm,
    RejectForm,
)
from console.oversight import member_activity
from languages.overview import members_english
from languages.status import State
from tenants import applications
from tenants.models import BoardDecision, PlatformRole, Portal, PortalApplication, PortalEvent
from tenants.provisioning import (
    PortalSpec,
    ProvisioningError,
    add_domain,
    approve_portal,
    change_status,
    create_portal,
    reject_portal,
)
from visits.analytics import emc_missing, set_emc
from visits.chart import rows as bar_rows

EMC_WARNING = gettext_lazy(
    "Cổng chưa có mã theo dõi EMC (Thông tư 22/2023/TT-BTTTT): cần gắn mã trước khi đưa vào "
    "hoạt động chính thức."
)
OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


def role_of(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    role = PlatformRole.objects.filter(user=request.user).values_list("role", flat=True).first()
    return role


def role_required(*roles: str):
    """Signed-in platform accounts with one of `roles`; others go to the login page or 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            role = role_of(request)
            if role is None:
                return redirect(f"/dang-nhap/?next={request.path}")
            if role not in roles:
                return HttpResponseForbidden(_("Bạn không có quyền thực hiện thao tác này."))
            request.platform_role = role
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class LoginView(auth_views.LoginView):
    template_name = "console/login.html"
    authentication_form = ConsoleLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        # Without ?next= the console's home, not Django's /accounts/profile/.
        return reverse("console:portal_list")


@role_required(OPERATOR, BOARD)
def portal_list(request: HttpRequest) -> HttpResponse:
    portals = (
        Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
        .select_related("parent")
        .prefetch_related("domains")
        .order_by("parent_id", "kind", "code")
    )
    status = request.GET.get("trang_thai")
    if status in Portal.Status.values:
        portals = portals.filter(status=status)
    portals = list(portals)
    # Circular 22/2023: the EMC code before go-live. A warning on every portal that has a
    # schema and lacks it (read in each portal's schema).
    live = {Portal.Status.REQUESTED, Portal.Status.ACTIVE, Portal.Status.SUSPENDED}
    for portal in portals:
        portal.emc_missing = portal.status in live and emc_missing(portal.schema_name)
    connection.set_schema_to_public()
    return render(
        request,
        "console/portal_list.html",
        {
            "portals": portals,
            "statuses": Portal.Status.choices,
            "current_status": status,
            "role": request.platform_role,
            "waiting": Portal.objects.filter(status=Portal.Status.REQUESTED).count(),
        },
    )


@role_required(OPERATOR, BOARD)
def portal_detail(
    request: HttpRequest, code: str, decision_form=None, reject_form=None, emc_form=None
) -> HttpResponse:
    portal = get_object_or_404(
        Portal.objects.exclude(kind=Portal.Kind.PLATFORM).select_related("approval"), code=code
    )
    has_schema = portal.status not in (Portal.Status.REJECTED, Portal.Status.ARCHIVED)
    missing = has_schema and emc_missing(portal.schema_name)
    connection.set_schema_to_public()
    return render(
        request,
        "console/portal_detail.html",
        {
            "portal": portal,
            "emc_missing": missing,
            "emc_form": emc_form or EmcForm(),
            "events": portal.events.all()[:50],
            "role": request.platform_role,
            "domain_form": DomainForm(),
            "reason_form": ReasonForm(),
            "decision_form": decision_form or DecisionForm(),
            "reject_form": reject_form or RejectForm(),
        },
        status=400 if (decision_form or reject_form) else 200,
    )


@role_required(OPERATOR, BOARD)
def portal_request(request: HttpRequest) -> HttpResponse:
    """Register a member portal; it waits as `requested` until the province board approves."""
    form = PortalRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            portal = create_portal(
                PortalSpec(
                    code=data["code"], name=data["name"], name_en=data["name_en"],
                    kind=data["kind"], parent_code=data["parent"].code if data["parent"] else None,
                    domains=tuple(data["extra_domains"]), status=Portal.Status.REQUESTED,
                    contact_email=data["contact_email"],
                ),
                actor=request.user.get_username(),
            )
        except ProvisioningError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Đã đăng ký cổng %(name)s; cổng chờ Ban Biên tập Cổng tỉnh phê duyệt.")
                % {"name": portal.name},
            )
            return redirect("console:portal_detail", code=portal.code)
    return render(request, "console/portal_request.html", {"form": form})


def _act(request: HttpRequest, code: str, action) -> HttpResponse:
    portal = get_object_or_404(Portal.objects.exclude(kind=Portal.Kind.PLATFORM), code=code)
    try:
        message = action(portal)
    except ProvisioningError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, message)
    return redirect("console:portal_detail", code=portal.code)


@require_POST
@role_required(BOARD)
def portal_approve(request: HttpRequest, code: str) -> HttpResponse:
    """The province board admits a requested portal by its decision (number, date, signer,
    the signed file). Nobody else can make a requested portal active."""
    portal = get_object_or_404(Portal.objects.exclude(kind=Portal.Kind.PLATFORM), code=code)
    form = DecisionForm(request.POST, request.FILES)
    if not form.is_valid():
        return portal_detail.__wrapped__(request, code, decision_form=form)
    try:
        approve_portal(portal, form.decision(), request.user.get_username())
    except ProvisioningError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã phê duyệt cổng %(name)s.") % {"name": portal.name})
        if emc_missing(portal.schema_name):
            messages.warning(request, EMC_WARNING)
        connection.set_schema_to_public()
    return redirect("console:portal_detail", code=portal.code)


@require_POST
@role_required(OPERATOR)
def portal_emc(request: HttpRequest, code: str) -> HttpResponse:
    """The operator records the EMC code the monitoring system gave the portal (its own
    admin may not be open yet: a requested portal is not served)."""
    portal = get_object_or_404(Portal.objects.exclude(kind=Portal.Kind.PLATFORM), code=code)
    form = EmcForm(request.POST)
    if form.is_valid():
        try:
            set_emc(portal.schema_name, form.cleaned_data["site_id"], form.cleaned_data["url"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        finally:
            connection.set_schema_to_public()
    if not form.is_valid() or form.errors:
        return portal_detail.__wrapped__(request, code, emc_form=form)
    messages.success(request, _("Đã lưu mã EMC của cổng %(name)s.") % {"name": portal.name})
    return redirect("console:portal_detail", code=portal.code)


@role_required(OPERATOR, BOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Portals side by side: visits, publications, timeliness, English, the board's last
    sign-in."""
    lines, period = portal_dashboard()
    def bars(value, text):
        return bar_rows([(line.portal.name, value(line) or 0, text(line)) for line in lines])
    return render(request, "console/dashboard.html", {
        "lines": lines,
        "period": period,
        "visits_chart": bars(lambda line: line.views, lambda line: str(line.views)),
        "published_chart": bars(lambda line: line.published, lambda line: str(line.published)),
        "questions_chart": bars(
            lambda line: line.questions_percent,
            lambda line: "–" if line.questions_percent is None else f"{line.questions_percent:.0f}%",
        ),
    })


@require_POST
@role_required(BOARD)
def portal_reject(request: HttpRequest, code: str) -> HttpResponse:
    form = RejectForm(request.POST)
    if not form.is_valid():
        return portal_detail.__wrapped__(request, code, reject_form=form)

    def act(portal: Portal) -> str:
        reject_portal(portal, form.cleaned_data["reason"], request.user.get_username())
        return _("Đã ghi nhận không phê duyệt cổng %(name)s.") % {"name": portal.name}

    return _act(request, code, act)


def _download(request: HttpRequest, field, portal: Portal, label: str) -> FileResponse:
    """A private file of the control plane, to a console user only, and noted in the trail."""
    PortalEvent.objects.create(
        portal=portal, action=PortalEvent.Action.FILE_DOWNLOADED, actor=request.user.get_username(),
        detail=label, ip_address=client_ip(request),
    )
    response = FileResponse(field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(OPERATOR, BOARD)
def decision_file(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(BoardDecision, pk=pk)
    portal = Portal.objects.filter(approval=decision).first() or applications.platform_row()
    return _download(request, decision.file, portal, str(decision))


def _status_view(status: str, done: str):
    @require_POST
    @role_required(OPERATOR)
    def view(request: HttpRequest, code: str) -> HttpResponse:
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""

        def act(portal: Portal) -> str:
            change_status(portal, status, request.user.get_username(), reason)
            return done % {"name": portal.name}

        return _act(request, code, act)

    return view


portal_suspend = _status_view(Portal.Status.SUSPENDED, "Đã tạm dừng cổng %(name)s.")
portal_activate = _status_view(Portal.Status.ACTIVE, "Đã kích hoạt cổng %(name)s.")
portal_archive = _status_view(Portal.Status.ARCHIVED, "Đã lưu trữ cổng %(name)s.")


@require_POST
@role_required(OPERATOR)
def portal_add_domain(request: HttpRequest, code: str) -> HttpResponse:
    form = DomainForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["host"]))
        return redirect("console:portal_detail", code=code)

    def act(portal: Portal) -> str:
        domain = add_domain(portal, form.cleaned_data["host"], request.user.get_username())
        return _("Đã thêm tên miền %(host)s.") % {"host": domain.domain}

    return _act(request, code, act)


@role_required(OPERATOR, BOARD)
def oversight(request: HttpRequest) -> HttpResponse:
    """Every portal's queue of pages awaiting the board, and its latest publications."""
    return render(request, "console/oversight.html", {"activities": member_activity()})


@role_required(OPERATOR, BOARD)
def english_overview(request: HttpRequest) -> HttpResponse:
    """Every portal's pages that the law wants in English, and where their English stands."""
    return render(
        request, "console/english.html", {"portals": members_english(), "states": State.choices}
    )


# --- Units' applications ---------------------------------------------------------------------


def apply(request: HttpRequest) -> HttpResponse:
    """The public form a unit's head applies with (no account needed), on the console's
    domain. What was typed comes back with the errors; the file must be chosen again."""
    ip = client_ip(request)
    limited = applications.over_limit(ip)
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not limited and form.is_valid():
        application = form.save(commit=False)
        application.ip_address = ip
        application.save()
        applications.received(application)
        return redirect("console:apply_sent")
    status = 429 if limited and request.method == "POST" else (400 if request.method == "POST" else 200)
    return render(request, "console/apply.html", {"form": form, "limited": limited}, status=status)


def apply_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "console/apply_sent.html")


@role_required(OPERATOR, BOARD)
def application_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "console/application_list.html",
        {
            "pending": PortalApplication.objects.filter(status=PortalApplication.Status.PENDING)
            .select_related("parent").order_by("submitted_at"),
            "decided": PortalApplication.objects.exclude(status=PortalApplication.Status.PENDING)
            .select_related("portal")[:50],
        },
    )


@role_required(OPERATOR, BOARD)
def application_detail(request: HttpRequest, pk: int, decision_form=None, reject_form=None) -> HttpResponse:
    application = get_object_or_404(PortalApplication.objects.select_related("parent", "portal"), pk=pk)
    return render(
        request,
        "console/application_detail.html",
        {
            "application": application,
            "role": request.platform_role,
            "decision_form": decision_form or DecisionForm(),
            "reject_form": reject_form or RejectForm(),
        },
        status=400 if (decision_form or reject_form) else 200,
    )


@require_POST
@role_required(BOARD)
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(PortalApplication, pk=pk)
    form = DecisionForm(request.POST, request.FILES)
    if not form.is_valid():
        return application_detail.__wrapped__(request, pk, decision_form=form)
    try:
        portal = applications.approve_application(application, form.decision(), request.user.get_username())
    except ProvisioningError as exc:
        messages.error(request, str(exc))
        return redirect("console:application_detail", pk=pk)
    messages.success(
        request, _("Đã phê duyệt; cổng %(name)s đã được tạo và hoạt động.") % {"name": portal.name}
    )
    return redirect("console:portal_detail", code=portal.code)


@require_POST
@role_required(BOARD)
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(PortalApplication, pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return application_detail.__wrapped__(request, pk, reject_form=form)
    try:
        applications.reject_application(application, form.cleaned_data["reason"], request.user.get_username())
    except ProvisioningError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã ghi nhận không phê duyệt đơn #%(id)s.") % {"id": application.pk})
    return redirect("console:application_detail", pk=pk)


@role_required(OPERATOR, BOARD)
def application_file(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(PortalApplication, pk=pk)
    return _download(
        request, application.board_decision_file, application.portal or applications.platform_row(),
        _("Đơn #%(id)s: quyết định thành lập Ban Biên tập") % {"id": application.pk},
    )


@role_required(OPERATOR, BOARD)
def event_list(request: HttpRequest) -> HttpResponse:
    events = PortalEvent.objects.select_related("portal")[:200]
    return render(request, "console/event_list.html", {"events": events})
