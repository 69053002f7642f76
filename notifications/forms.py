from django import forms

from .kinds import kind_choices
from .models import Notification


class NotificationFilterForm(forms.Form):
    """Filters for a list of notifications sent; every field optional."""

    kind = forms.ChoiceField(label="Notification", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    email = forms.CharField(label="Sent to (email contains)", required=False, max_length=200)

    def __init__(self, *args, show_email=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any notification"), *kind_choices()]
        statuses = [s for s in Notification.Status.choices if s[0] != "sending"]
        self.fields["status"].choices = [("", "Any status"), *statuses]
        if not show_email:
            del self.fields["email"]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("email"):
            queryset = queryset.filter(to_email__icontains=data["email"].strip())
        return queryset
