"""The form facilitators use to edit one cohort session's material, without touching modules.

Material is written as plain text (blank lines between paragraphs; web addresses become links),
so no JavaScript editor is needed; it is stored as the same rich text the admin edits."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator

SLIDES_MAX_BYTES = 50 * 1024 * 1024


class CohortSessionMaterialForm(forms.Form):
    joining_instructions = forms.CharField(
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="How to get there or join online. Leave a blank line between paragraphs.",
    )
    pre_reading = forms.CharField(
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What to read before the session. Web addresses become links.",
    )
    slides = forms.FileField(
        required=False,
        help_text="Upload the slides after the session ("
        + ", ".join(getattr(settings, "WAGTAILDOCS_EXTENSIONS", ["pdf"]))
        + "). Uploading again replaces them.",
        validators=[
            FileExtensionValidator(getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or ["pdf"])
        ],
    )
    remove_slides = forms.BooleanField(required=False, label="Remove the current slides")
    follow_up_actions = forms.CharField(
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What participants should do after the session.",
    )

    def clean_slides(self):
        slides = self.cleaned_data.get("slides")
        if slides and slides.size > SLIDES_MAX_BYTES:
            raise forms.ValidationError("The slides must be smaller than 50 MB.")
        return slides

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("slides") and cleaned.get("remove_slides"):
            raise forms.ValidationError(
                "Either upload new slides or remove the current ones, not both."
            )
        return cleaned
