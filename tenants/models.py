"""The portal registry (public schema): portals, their domains, who may act across portals,
and what happened to each portal.

Import direction: tenants.models is imported by provisioning, middleware and the apps above;
it imports nothing of ours but core.text and tenants.current.
"""

from __future__ import annotations

import re

from django_tenants.models import DomainMixin, TenantMixin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from tenants.current import is_public, public_schema, template_schema
from tenants.storage import platform_files

CODE_RE = re.compile(r"^[a-z][a-z0-9]{1,39}$")

# Codes that would collide with the platform's own names or common infrastructure hosts.
# "public" is among them whatever the control plane's schema is called: PostgreSQL creates a
# schema of that name in every database.
RESERVED_CODES = frozenset(
    {
        "public", "template", "portal", "portals", "admin", "quantri", "console", "platform",
        "www", "mail", "smtp", "imap", "pop", "ftp", "api", "static", "media", "cdn", "assets",
        "search", "auth", "login", "sso", "dns", "ns", "ns1", "ns2", "vpn", "test", "dev",
        "staging", "localhost", "root", "postgres", "pg", "information", "tinh",
    }
)


def validate_portal_code(code: str) -> None:
    """A code is the unaccented abbreviation used in the portal's domain, e.g. `sotttt`."""
    if not code:
        raise ValidationError(_("Mã cổng không được để trống."), code="required")
    if code != code.strip() or any(ch.isspace() for ch in code):
        raise ValidationError(_("Mã cổng không được chứa dấu cách."), code="spaces")
    if not code.isascii():
        raise ValidationError(
            _("Mã cổng chỉ dùng chữ không dấu và chữ số (ví dụ: sotttt, xaphongtho)."),
            code="accents",
        )
    if code != code.lower():
        raise ValidationError(_("Mã cổng chỉ dùng chữ thường."), code="case")
    if not CODE_RE.match(code):
        raise ValidationError(
            _(
                "Mã cổng gồm 2–40 ký tự: bắt đầu bằng chữ cái, chỉ chứa chữ thường không dấu "
                "và chữ số, không có dấu gạch hay dấu chấm."
            ),
            code="invalid",
        )
    if code in RESERVED_CODES or code in (public_schema(), template_schema()) or code.startswith("pg"):
        raise ValidationError(
            _("Mã cổng “%(code)s” được hệ thống dành riêng, hãy chọn mã khác."),
            code="reserved",
            params={"code": code},
        )


DOMAIN_RE = re.compile(
    r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$"
)


def validate_hostname(host: str) -> None:
    if not DOMAIN_RE.match(host or ""):
        raise ValidationError(
            _("Tên miền “%(host)s” không hợp lệ (ví dụ hợp lệ: sotttt.laichau.gov.vn)."),
            code="invalid_domain",
            params={"host": host},
        )


class Portal(TenantMixin):
    """One portal: the province portal or a member portal, each in its own schema.

    The row for the public schema (the control plane) has kind `platform` and never serves
    portal content.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Cổng tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Huyện, thị xã, thành phố")
        COMMUNE = "commune", _("Xã, phường, thị trấn")
        OTHER = "other", _("Đơn vị khác")
        PLATFORM = "platform", _("Hệ thống (quản trị)")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Chờ phê duyệt")
        ACTIVE = "active", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm dừng")
        ARCHIVED = "archived", _("Lưu trữ")
        REJECTED = "rejected", _("Không được phê duyệt")

    code = models.CharField(_("mã cổng"), max_length=40, unique=True)
    name = models.CharField(_("tên cổng"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    kind = models.CharField(_("loại cổng"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cổng cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("ngày đổi trạng thái"), null=True, blank=True)
    # The province board's decision admitting the portal: the only way from requested to
    # active (tenants.provisioning.approve_portal).
    approval = models.ForeignKey(
        "BoardDecision", verbose_name=_("quyết định phê duyệt"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )

    # Schemas are created explicitly by tenants.provisioning (cloned from the template).
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = _("cổng")
        verbose_name_plural = _("cổng")
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = nfc(self.name).strip()
        self.name_en = nfc(self.name_en).strip()
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_platform(self) -> bool:
        return is_public(self.schema_name)

    @property
    def is_province(self) -> bool:
        return self.kind == self.Kind.PROVINCE

    @property
    def primary_domain(self) -> str:
        # Domains are prefetched in listings; avoid a query per portal there.
        domains = list(self.domains.all())
        for domain in domains:
            if domain.is_primary:
                return domain.domain
        return domains[0].domain if domains else ""

    def url(self, path: str = "/") -> str:
        return portal_url(self.primary_domain, path)


def portal_url(host: str, path: str = "/") -> str:
    port = settings.CONG_PUBLIC_PORT
    scheme = settings.CONG_PUBLIC_SCHEME
    default_port = {"http": 80, "https": 443}.get(scheme)
    netloc = host if not port or port == default_port else f"{host}:{port}"
    return f"{scheme}://{netloc}{path}"


class Domain(DomainMixin):
    """A host name that serves a portal: its default `<code>.<province domain>` and any
    extra domain the unit keeps (its legacy domain)."""

    class Meta:
        verbose_name = _("tên miền")
        verbose_name_plural = _("tên miền")
        ordering = ["-is_primary", "domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


class PlatformRole(models.Model):
    """A public-schema account's power across portals."""

    class Role(models.TextChoices):
        OPERATOR = "operator", _("Quản trị hệ thống")
        PROVINCE_BOARD = "province_board", _("Thành viên Ban Biên tập Cổng tỉnh")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_role"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò hệ thống")
        verbose_name_plural = _("vai trò hệ thống")

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()})"


DECISION_EXTENSIONS = ("pdf",)
DECISION_MAX_BYTES = 20 * 1024 * 1024


class BoardDecision(models.Model):
    """A decision of the province board admitting a portal: its number, date, signer and
    the signed document itself (kept in the control plane's private files)."""

    number = models.CharField(_("số quyết định"), max_length=100)
    date = models.DateField(_("ngày quyết định"))
    signer = models.CharField(_("người ký"), max_length=200)
    file = models.FileField(
        _("tệp quyết định"), upload_to="quyet-dinh/%Y/", storage=platform_files, max_length=255
    )
    recorded_by = models.CharField(_("người ghi nhận"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("thời điểm ghi nhận"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định của Ban Biên tập Cổng tỉnh")
        verbose_name_plural = _("quyết định của Ban Biên tập Cổng tỉnh")
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y}, {self.signer})"

    def save(self, *args, **kwargs) -> None:
        self.number = nfc(self.number).strip()
        self.signer = nfc(self.signer).strip()
        super().save(*args, **kwargs)


class PortalApplication(models.Model):
    """A unit's application to join the system, sent by its head through the public form
    on the console's domain. Nothing is created for it until the province board approves
    it: then the portal is made, already active, under the board's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ Ban Biên tập Cổng tỉnh xem xét")
        APPROVED = "approved", _("Đã phê duyệt")
        REJECTED = "rejected", _("Không được phê duyệt")

    unit_name = models.CharField(_("tên đơn vị (tên cổng)"), max_length=255)
    unit_name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Portal.Kind.choices)
    parent = models.ForeignKey(
        Portal, verbose_name=_("cổng cấp trên"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.CharField(_("mã cổng đề nghị"), max_length=40)
    domain = models.CharField(_("tên miền riêng đề nghị"), max_length=253, blank=True)
    head_name = models.CharField(_("họ tên thủ trưởng đơn vị"), max_length=200)
    head_title = models.CharField(_("chức vụ"), max_length=200)
    email = models.EmailField(_("thư điện tử"))
    phone = models.CharField(_("số điện thoại"), max_length=30, blank=True)
    board_members = models.TextField(_("danh sách Ban Biên tập"))
    board_decision_file = models.FileField(
        _("quyết định thành lập Ban Biên tập của đơn vị"), upload_to="don-dang-ky/%Y/",
        storage=platform_files, max_length=255,
    )
    note = models.TextField(_("ghi chú"), blank=True)
    submitted_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.CharField(_("người quyết định"), max_length=150, blank=True)
    decided_at = models.DateTimeField(_("ngày quyết định"), null=True, blank=True)
    rejection_reason = models.TextField(_("lý do không phê duyệt"), blank=True)
    portal = models.ForeignKey(
        Portal, verbose_name=_("cổng được tạo"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="applications",
    )

    class Meta:
        verbose_name = _("đơn đăng ký tham gia hệ thống")
        verbose_name_plural = _("đơn đăng ký tham gia hệ thống")
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.unit_name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        for field in ("unit_name", "unit_name_en", "head_name", "head_title", "board_members", "note"):
            setattr(self, field, nfc(getattr(self, field)).strip())
        super().save(*args, **kwargs)


class PortalEvent(models.Model):
    """The audit trail of the portal registry: lifecycle changes, domains, and every
    sign-in of a platform account into a portal."""

    class Action(models.TextChoices):
        CREATED = "created", _("Tạo cổng")
        REQUESTED = "requested", _("Đề nghị tham gia hệ thống")
        APPROVED = "approved", _("Phê duyệt tham gia")
        ACTIVATED = "activated", _("Kích hoạt")
        SUSPENDED = "suspended", _("Tạm dừng")
        ARCHIVED = "archived", _("Lưu trữ")
        REJECTED = "rejected", _("Không phê duyệt")
        DOMAIN_ADDED = "domain_added", _("Thêm tên miền")
        MAPPED_LOGIN = "mapped_login", _("Đăng nhập từ tài khoản hệ thống")
        MAPPED_LOGIN_REFUSED = "mapped_login_refused", _("Từ chối đăng nhập tài khoản hệ thống")
        # Units' applications (on the platform's own row until a portal exists).
        APPLICATION_RECEIVED = "application_received", _("Nhận đơn đăng ký tham gia")
        APPLICATION_APPROVED = "application_approved", _("Phê duyệt đơn đăng ký")
        APPLICATION_REJECTED = "application_rejected", _("Không phê duyệt đơn đăng ký")
        FILE_DOWNLOADED = "file_downloaded", _("Tải tệp quyết định hoặc hồ sơ")
        # The console's own accounts (on the platform's row).
        CONSOLE_LOGIN = "console_login", _("Đăng nhập trang quản trị hệ thống")
        CONSOLE_LOGIN_REFUSED = "console_login_refused", _("Từ chối đăng nhập trang quản trị hệ thống")
        CONSOLE_LOGOUT = "console_logout", _("Đăng xuất trang quản trị hệ thống")
        SESSION_EXPIRED = "session_expired", _("Hết phiên do không thao tác")
        LOCKOUT = "lockout", _("Tạm khoá đăng nhập")
        UNLOCK = "unlock", _("Mở khoá đăng nhập")
        PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
        TWO_FACTOR_ENABLED = "2fa_enabled", _("Bật xác thực hai bước")
        TWO_FACTOR_FAILED = "2fa_failed", _("Sai mã xác thực hai bước")
        RECOVERY_CODE_USED = "recovery_code_used", _("Dùng mã khôi phục")

    portal = models.ForeignKey(Portal, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("sự kiện"), max_length=30, choices=Action.choices)
    # The actor's public-schema username (or the command line); kept as text so the trail
    # survives the account.
    actor = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("nhật ký cổng")
        verbose_name_plural = _("nhật ký cổng")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.portal.code} {self.get_action_display()}"


class PeriodicRun(models.Model):
    """One period of a periodic job that the scheduler has enqueued (tenants.jobs).

    The pair (job, slot) is unique, so several schedulers (one per node) never enqueue a
    period twice; the rows also say when each job last ran.
    """

    job = models.CharField(_("công việc định kỳ"), max_length=100)
    slot = models.DateTimeField(_("kỳ"))
    enqueued_at = models.DateTimeField(_("thời điểm đưa vào hàng đợi"), auto_now_add=True)
    jobs = models.PositiveIntegerField(_("số việc"), default=0)

    class Meta:
        verbose_name = _("lượt chạy định kỳ")
        verbose_name_plural = _("lượt chạy định kỳ")
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="periodic_run_once")]
        ordering = ["-slot"]

    def __str__(self) -> str:
        return f"{self.job} {self.slot:%d/%m/%Y %H:%M}"


class MigrationProgress(models.Model):
    """Which portals `migrate_platform` has finished in its current run: a run that stopped
    on a failure resumes after the portals it already did."""

    run = models.CharField(_("lượt cập nhật"), max_length=64)
    schema_name = models.CharField(_("lược đồ"), max_length=63)
    finished_at = models.DateTimeField(_("hoàn tất lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tiến độ cập nhật cơ sở dữ liệu")
        verbose_name_plural = _("tiến độ cập nhật cơ sở dữ liệu")
        constraints = [
            models.UniqueConstraint(fields=["run", "schema_name"], name="migration_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.run} {self.schema_name}"
