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

        from . import selectors, signals
        from .models import CaseStudyPage, CaseStudyProposal, GoodPracticeIndexPage, QuestionSet
        from .permissions import ReadOnlyPermissionPolicy

        signals.connect()
        # The pages' reads live with the app's other reads (which import the models).
        GoodPracticeIndexPage.read_context = staticmethod(selectors.case_study_search_page)
        CaseStudyPage.read_context = staticmethod(selectors.case_study_page_context)
        # Written only by the site's forms (practice.services), even for superusers.
        for model in (CaseStudyProposal, QuestionSet):
            register_permission_policy(model, ReadOnlyPermissionPolicy(model))
