from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    """Portable credentials (issue 21): an Open Badges 3.0 credential for every certificate,
    signed as a VC-JWT, with its keys, status list and checking page; "Add to LinkedIn"; and
    the daily expiry job (reminders and renewals). It builds on cohorts, which never imports
    it: cohorts asks through `cohorts.certificates.extensions`."""

    name = "credentials"
    label = "credentials"
    verbose_name = "Portable credentials"
    default_auto_field = "django.db.models.BigAutoField"
