"""The platform console: operators and the province board manage the portal registry."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from console.forms import ConsoleLoginForm, DomainForm, PortalRequestForm, ReasonForm
from console.oversight import member_activity
from languages.overview import members_english
from languages.status import State
from tenants.models import PlatformRole, Portal, PortalEvent
from tenants.provisioning import (
    PortalSpec,
    ProvisioningError,
    add_domain,
    approve_portal,
    change_status,
    create_portal,
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
def portal_detail(request: HttpRequest, code: str) -> HttpResponse:
    portal = get_object_or_404(Portal.objects.exclude(kind=Portal.Kind.PLATFORM), code=code)
    return render(
        request,
        "console/portal_detail.html",
        {
            "portal": portal,
            "events": portal.events.all()[:50],
            "role": request.platform_role,
            "domain_form": DomainForm(),
            "reason_form": ReasonForm(),
        },
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
    def act(portal: Portal) -> str:
        approve_portal(portal, request.user.get_username())
        return _("Đã phê duyệt cổng %(name)s.") % {"name": portal.name}

    return _act(request, code, act)


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


@role_required(OPERATOR, BOARD)
def event_list(request: HttpRequest) -> HttpResponse:
    events = PortalEvent.objects.select_related("portal")[:200]
    return render(request, "console/event_list.html", {"events": events})
