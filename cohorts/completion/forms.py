"""The form a facilitator fills in to withdraw a sign-off."""

from django import forms


class SignOffWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reason for withdrawing the sign-off",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the cohort's history, for example “Signed off the wrong person”.",
        error_messages={"required": "Say why the sign-off is withdrawn."},
    )
