from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """People: an email-keyed user account, the four roles and signing in."""

    default = True
    name = "accounts"
    label = "accounts"
    verbose_name = "People"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)


class AccountsUsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users, with our people forms (listed in INSTALLED_APPS in its place)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
