"""The cohort dashboard's filters."""

from django import forms

from modules.models import ProgrammePage

from ..models import Cohort


class DashboardFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        ProgrammePage.objects.live().order_by("title"),
        required=False,
        empty_label="Every programme",
    )
    status = forms.ChoiceField(
        choices=[("", "Every status"), *Cohort.Status.choices], required=False
    )
