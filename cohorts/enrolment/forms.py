"""Forms for nominating officers, uploading a file of nominations, and answering an
invitation. They only parse input; the services decide."""

from django import forms
from django.contrib.auth import password_validation

from accounts.models import normalise_email

from ..models import Cohort
from .imports import MAX_BYTES


class OfficerForm(forms.Form):
    """An officer to nominate, or to substitute for another."""

    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Their work email. We send their invitation here.",
    )
    job_title = forms.CharField(max_length=200)
    team = forms.CharField(max_length=200, required=False)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class NominationUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of officers",
        help_text=(
            "A CSV file or an Excel workbook (.xlsx), up to 2 MB and 1,000 officers. The first "
            "row names the columns: First name, Last name, Email, Job title, Team."
        ),
    )
    allow_waiting_list = forms.BooleanField(
        label="Put officers past our seats on the waiting list",
        required=False,
        help_text="Otherwise a file with more officers than seats left is not imported.",
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            raise forms.ValidationError(
                "The file is larger than 2 MB. Split it into smaller files."
            )
        return uploaded


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationResponseForm(forms.Form):
    """Confirm or decline a place; an officer without a password sets one to confirm."""

    CONFIRM = "confirm"
    DECLINE = "decline"

    decision = forms.ChoiceField(
        label="Your answer",
        choices=[(CONFIRM, "Yes, I confirm my place"), (DECLINE, "No, I decline the place")],
        widget=forms.RadioSelect,
    )
    new_password1 = forms.CharField(
        label="Choose a password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label="Type the password again",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.needs_password = not user.has_usable_password()
        if not self.needs_password:
            del self.fields["new_password1"]
            del self.fields["new_password2"]

    def clean(self):
        cleaned = super().clean()
        if self.needs_password and cleaned.get("decision") == self.CONFIRM:
            password1 = cleaned.get("new_password1")
            password2 = cleaned.get("new_password2")
            if not password1:
                self.add_error("new_password1", "Choose a password to sign in with.")
            elif password1 != password2:
                self.add_error("new_password2", "The two passwords do not match.")
            else:
                try:
                    password_validation.validate_password(password1, self.user)
                except forms.ValidationError as error:
                    self.add_error("new_password1", error)
        return cleaned


class MoveForm(forms.Form):
    """Another cohort to move an officer to (any programme, not closed)."""

    to_cohort = forms.ModelChoiceField(
        label="Move to",
        queryset=Cohort.objects.none(),
        help_text="Their organisation needs seats on it; past its seats they go on the waiting "
        "list.",
    )
    reason = forms.CharField(
        label="Why (kept in the enrolment history)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, enrolment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_cohort"].queryset = (
            Cohort.objects.exclude(status=Cohort.Status.CLOSED)
            .exclude(pk=enrolment.cohort_id)
            .select_related("programme")
            .order_by("starts_on", "name")
        )
