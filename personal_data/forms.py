from django import forms

from .models import PersonalDataAccess


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked this erasure request and understand it cannot be undone",
        required=True,
        error_messages={"required": "Tick the box to confirm the erasure."},
    )


class AccessLogFilterForm(forms.Form):
    """Filters for the personal-data access log; every field optional."""

    action = forms.ChoiceField(label="What was done", required=False)
    actor = forms.CharField(label="Who (email or name contains)", required=False, max_length=200)
    subject = forms.CharField(
        label="Whose data (email or name contains)", required=False, max_length=200
    )
    text = forms.CharField(label="What (contains)", required=False, max_length=200)
    date_from = forms.DateField(
        label="From",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "Anything"), *PersonalDataAccess.Action.choices]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return data

    def filters(self):
        """The chosen filters, as keyword arguments for `PersonalDataAccess.objects.search`."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
