from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm, LoginForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import normalise_email
from .organisation_sign_in import password_sign_in_refusal
from .services import email_address_current_confirm
from .tasks import password_reset_email_send

User = get_user_model()


class SignInForm(LoginForm):
    """allauth's sign-in form, labelled for the academy, that refuses a password for people
    whose organisation signs them in itself (before any password is checked)."""

    organisation_sign_in = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Email address"
        login.widget.attrs.update(
            {"autocomplete": "username", "autofocus": True, "spellcheck": "false"}
        )
        login.widget.attrs.pop("placeholder", None)
        login.error_messages = {
            **login.error_messages,
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        }
        password = self.fields["password"]
        password.help_text = ""
        password.widget.attrs.pop("placeholder", None)
        password.error_messages = {**password.error_messages, "required": "Enter your password"}

    def clean(self):
        login = self.cleaned_data.get("login")
        if login and not self._errors:
            refusal = password_sign_in_refusal(normalise_email(login))
            if refusal:
                self.organisation_sign_in = refusal
                raise forms.ValidationError(
                    f"{refusal['organisation']} signs its people in itself: use "
                    f"“Sign in with {refusal['organisation']}”."
                )
        return super().clean()


class PasswordResetRequestForm(forms.Form):
    """Where someone asks for a password reset link. Nothing is looked up here: the request is
    handed whole to a background task (accounts.tasks.password_reset_email_send), so the page
    answers the same, in the same time, whether or not the address has an account."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def save(self, request, **kwargs):
        password_reset_email_send.enqueue(email=self.cleaned_data["email"])
        return self.cleaned_data["email"]


class EmailChangeForm(AddEmailForm):
    """A new email address, confirmed by a link sent to it before it replaces the old one.

    An address that already belongs to someone else is not taken, and not said to be taken
    (that would tell who has an account): its owner is emailed instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = "New email address"
        field.widget.attrs.pop("placeholder", None)
        field.widget.attrs["spellcheck"] = "false"

    def clean_email(self):
        value = normalise_email(self.cleaned_data["email"])
        if value == normalise_email(self.user.email):
            raise forms.ValidationError("This is already your email address.")
        self.cleaned_data["email"] = value
        return super().clean_email()

    def save(self, request):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            get_adapter().send_account_already_exists_mail(email)
            return EmailAddress(user=self.user, email=email)
        email_address_current_confirm(person=self.user)
        return super().save(request)


class AccountDetailsForm(forms.ModelForm):
    """What a person may change about themselves: their name, job title and team."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "team"]
        labels = {"first_name": "First name", "last_name": "Last name"}
        help_texts = {
            "first_name": "As it should appear on your certificates, in any script.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["first_name"].error_messages["required"] = "Enter your first name"
        self.fields["last_name"].error_messages["required"] = "Enter your last name"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"


class EmailCodeForm(forms.Form):
    """The six-digit code emailed before a first second factor."""

    code = forms.CharField(
        label="Code from the email",
        max_length=12,
        error_messages={"required": "Enter the code from the email"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("Enter the 6 digits from the email")
        return code


class _AdminPersonFormMixin:
    """Emails are unique whatever their case; only a superuser may make or unmake another
    superuser ("Administrator"), so the box is not even offered to anyone else."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is None or not for_user.is_superuser:
            self.fields.pop("is_superuser", None)

    def clean_email(self):
        email = normalise_email(self.cleaned_data.get("email"))
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Someone already has an account with this email address.")
        return email


class AdminUserCreationForm(_AdminPersonFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"job_title", "team"}


class AdminUserEditForm(_AdminPersonFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"job_title", "team"}
