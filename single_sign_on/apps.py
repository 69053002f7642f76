from django.apps import AppConfig


class SingleSignOnConfig(AppConfig):
    """Sign in with your organisation: an organisation's OpenID Connect identity provider (for
    example its Microsoft Entra ID tenant), the email domains it vouches for, and how the
    academy lets its people in (through django-allauth's openid_connect provider)."""

    name = "single_sign_on"
    label = "single_sign_on"
    verbose_name = "Sign in with your organisation"
    default_auto_field = "django.db.models.BigAutoField"
