"""Forms for certificates: the public verification form, the bulk issue confirmation, and the
re-issue and revoke forms facilitators use."""

from django import forms
from django.core import signing

from .verification import verification_code_parse

_BULK_SALT = "cohorts.certificates.bulk-issue"


class VerificationForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=64,
        help_text="The 16 letters and numbers printed on the certificate, for example "
        "ABCD-EFGH-JKLM-NPQR. Capitals, spaces and dashes do not matter.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = verification_code_parse(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                "Enter the 16-character verification code printed on the certificate."
            )
        return code


class BulkIssueConfirmForm(forms.Form):
    """Carries the exact list the facilitator was shown, signed so it cannot be altered."""

    enrolments = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="I have checked this list: issue these certificates and email each person",
        error_messages={"required": "Tick the box to confirm you have checked the list."},
    )

    @staticmethod
    def sign(enrolment_ids):
        return signing.dumps(sorted(enrolment_ids), salt=_BULK_SALT, compress=True)

    def clean_enrolments(self):
        try:
            ids = signing.loads(self.cleaned_data["enrolments"], salt=_BULK_SALT)
        except signing.BadSignature:
            raise forms.ValidationError("This list was altered: check it again.") from None
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            raise forms.ValidationError("This list was altered: check it again.")
        return ids


class ReissueForm(forms.Form):
    holder_name = forms.CharField(
        label="Name as it should be printed",
        max_length=300,
        help_text="Exactly as the participant writes it, accents and all.",
    )
    reason = forms.CharField(
        label="Why it is re-issued",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the certificate's history, for example “Name corrected”.",
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why it is revoked",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the certificate's history; the public verification page shows only "
        "that it was revoked and when.",
    )
