"""The public form for checking a credential: paste it, or upload the file."""

from django import forms

MAX_BYTES = 64 * 1024
EXTENSIONS = (".json", ".jwt", ".jws", ".txt")


class CredentialCheckForm(forms.Form):
    credential = forms.CharField(
        label="Paste the credential",
        required=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        help_text="The whole of the .json file, or the signed token (.jwt) beginning “eyJ”.",
    )
    file = forms.FileField(
        label="Or upload the credential file",
        required=False,
        help_text="A .json or .jwt file, at most 64 KB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return ""
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError("Upload a .json or .jwt file.")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 64 KB.")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file is not a credential: it is not text.") from None

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not (cleaned.get("credential") or "").strip()
            and not cleaned.get("file")
        ):
            self.add_error("credential", "Paste the credential, or upload its file.")
        return cleaned

    @property
    def text(self):
        return self.cleaned_data.get("file") or self.cleaned_data.get("credential") or ""
