from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """The digital good practice database (case studies and resources, searchable by theme,
    sector, place, stage and outcome) and the peer challenge question bank."""

    name = "practice"
    label = "practice"
    verbose_name = "Good practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .models import CaseStudyProposal, QuestionSet
        from .permissions import ReadOnlyPermissionPolicy

        signals.connect()
        # Written only by the site's forms (practice.services), even for superusers.
        for model in (CaseStudyProposal, QuestionSet):
            register_permission_policy(model, ReadOnlyPermissionPolicy(model))
