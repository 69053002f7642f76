"""The admin panel that shows who a change after the fact would move, with the box that
confirms it. It appears at the top of the cohort and completion rule forms only when
`StandingChangesConfirmation` has held a save back."""

from wagtail.admin.panels import Panel

from .forms import CONFIRM_FIELD


class StandingChangesPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Who this change would move")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "standing_changes"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cohorts/admin/standing_changes_panel.html"

        @property
        def preview(self):
            return getattr(self.form, "standing_changes", None)

        def is_shown(self):
            return self.preview is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context |= {"preview": self.preview, "field_name": CONFIRM_FIELD}
            return context
