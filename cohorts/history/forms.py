"""The filters of a cohort's history: one kind of change, one person."""

from django import forms

from .selectors import Kind, history_people


class HistoryFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of change", required=False, choices=[("", "Every kind"), *Kind.choices]
    )
    person = forms.TypedChoiceField(label="Person", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Everyone")] + [
            (e.participant_id, f"{e.participant} ({e.get_status_display().lower()})")
            for e in history_people(cohort)
        ]
