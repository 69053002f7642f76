from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The site's general pages (home, standard pages) and the shared StreamField blocks."""

    name = "content"
    label = "content"
    verbose_name = "Site content"
    default_auto_field = "django.db.models.BigAutoField"
