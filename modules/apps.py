from django.apps import AppConfig


class ModulesConfig(AppConfig):
    """Programmes and their modules as Wagtail pages, and each participant's module progress."""

    name = "modules"
    label = "modules"
    verbose_name = "Programmes and modules"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import models, module_page

        module_page.connect(models.ModulePage, models.ProgrammePage)
