from django.apps import AppConfig


class AcademySiteConfig(AppConfig):
    """The project itself: base templates, static files and the demo data loader."""

    name = "academy_site"
    label = "academy_site"
    verbose_name = "Academy site"
