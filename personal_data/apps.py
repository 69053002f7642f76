from django.apps import AppConfig


class PersonalDataConfig(AppConfig):
    """People's personal data under UK GDPR: their download of everything held about them, erasure
    on request, anonymisation after the retention period, and the log of who viewed or exported
    personal data. Each app that holds personal data answers through `registry`'s hooks."""

    name = "personal_data"
    label = "personal_data"
    verbose_name = "Personal data"
    default_auto_field = "django.db.models.BigAutoField"
