"""The cohort dashboard's filters."""

from django import forms

from modules.models import ProgrammePage

from ..models import Cohort


class _LoadedChoices(forms.models.ModelChoiceIterator):
    """The programmes from the field's own queryset, loaded once: the dashboard lists the same
    programmes below the table from it, without asking the database again."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for programme in self.queryset:
            yield self.choice(programme)


class ProgrammeChoiceField(forms.ModelChoiceField):
    iterator = _LoadedChoices


class DashboardFilterForm(forms.Form):
    programme = ProgrammeChoiceField(
        # Their titles are all the filter and the list below the table show.
        ProgrammePage.objects.live().only("id", "title").order_by("title"),
        required=False,
        empty_label="Every programme",
    )
    status = forms.ChoiceField(
        choices=[("", "Every status"), *Cohort.Status.choices], required=False
    )
