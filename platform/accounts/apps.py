from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Tài khoản và vai trò")

    def ready(self):
        from accounts import signals  # noqa: F401 - connects the receivers
        from accounts.seeding import seed_roles
        from tenants import seeding

        seeding.register_seeder("roles", seed_roles, seeding.ROLES)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management with the portal's account rules (no deletion, issued
    passwords, reserved names); installed in place of "wagtail.users"."""

    default = False
    user_viewset = "accounts.views.users.UserViewSet"
