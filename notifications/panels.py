"""The wording screen's list of placeholders, beside the subject and body."""

from wagtail.admin.panels import HelpPanel

from .kinds import registered_kinds


class PlaceholdersPanel(HelpPanel):
    """The placeholders (with an example of each) and the default wording of the notification
    being worded; on a new wording, those of every notification."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "notifications/admin/placeholders_panel.html")
        kwargs.setdefault("heading", "Placeholders")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            kinds = registered_kinds()
            kind = kinds.get(getattr(self.instance, "kind", "") or "")
            context["kinds"] = [kind] if kind else list(kinds.values())
            context["one_kind"] = kind is not None
            return context
