from django import forms
from wagtail.admin.forms import WagtailAdminModelForm


class IdentityProviderAdminForm(WagtailAdminModelForm):
    """The admin's form for an organisation's provider: the client secret is typed, never shown
    back (not even after a mistake elsewhere on the form), and left as it was when blank."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        secret = self.fields["client_secret"]
        secret.widget = forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "new-password"}
        )
        secret.required = not self.instance.pk
        if self.instance.pk:
            secret.help_text = "A secret is saved. Type a new one only to replace it."

    def clean_client_secret(self):
        typed = self.cleaned_data.get("client_secret", "").strip()
        if not typed and self.instance.pk:
            return type(self.instance).objects.get(pk=self.instance.pk).client_secret
        return typed
