"""The network's forms. They only parse input; the services decide."""

from django import forms

from accounts.models import User, normalise_email
from cohorts.enrolment.forms import InvitationResponseForm
from cohorts.models import Sector
from practice.models import Region, Theme

from .models import ChampionProfile, Offer, OpenSession, RoundTable
from .round_tables import Invitee

WHEN = {"type": "datetime-local"}
WHEN_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def joining_link():
    return forms.URLField(
        label="Online joining link", required=False, max_length=200, assume_scheme="https"
    )


class ChampionProfileForm(forms.ModelForm):
    """A champion's profile, as they (or a programme manager) write it."""

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ChampionProfile
        fields = [
            "role",
            "organisation",
            "region",
            "themes",
            "offers_mentoring",
            "mentee_capacity",
            "offers_open_sessions",
            "offers_speaking",
            "statement",
        ]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"statement": "A few lines about what you have led and what you can share."}

    def details(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "themes"}


class MakeChampionForm(ChampionProfileForm):
    email = forms.EmailField(label="Their email address", help_text="They need an account.")

    field_order = ["email"]

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        self.person = User.objects.filter(email__iexact=email, is_active=True).first()
        if self.person is None:
            raise forms.ValidationError("Nobody has an account with this email address.")
        return email


SECTORS = [("", "Any sector"), *Sector.choices]
REGIONS = [("", "Any region"), *Region.choices]
OFFERS = [("", "Anything"), *Offer.choices]


class DirectoryFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(), required=False, empty_label="Any theme", to_field_name="slug"
    )
    region = forms.ChoiceField(choices=REGIONS, required=False)
    sector = forms.ChoiceField(choices=SECTORS, required=False)
    offer = forms.ChoiceField(label="Offers", choices=OFFERS, required=False)


class MentoringRequestForm(forms.Form):
    note = forms.CharField(
        label="A short note for the champion",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What you would like help with. Only the champion reads it.",
    )


class RoundTableForm(forms.ModelForm):
    joining_url = joining_link()
    starts_at = forms.DateTimeField(
        label="Starts (UK time)",
        widget=forms.DateTimeInput(WHEN, format="%Y-%m-%dT%H:%M"),
        input_formats=WHEN_FORMATS,
    )
    ends_at = forms.DateTimeField(
        label="Ends (UK time)",
        widget=forms.DateTimeInput(WHEN, format="%Y-%m-%dT%H:%M"),
        input_formats=WHEN_FORMATS,
    )

    class Meta:
        model = RoundTable
        fields = [
            "title",
            "region",
            "description",
            "speaker",
            "starts_at",
            "ends_at",
            "venue",
            "joining_url",
            "joining_instructions",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "joining_instructions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = (
            ChampionProfile.objects.listed()
            .filter(offers_speaking=True)
            .select_related("person", "organisation")
        )


class InviteForm(forms.Form):
    people = forms.CharField(
        label="People to invite",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One a line: email address, first name, last name, job title (for example "
        "“sam.lee@council.example.gov.uk, Sam, Lee, Chief executive”). Someone with no account "
        "is given one and sets a password from the invitation.",
    )

    def clean_people(self):
        invitees, wrong = [], []
        for number, line in enumerate(self.cleaned_data["people"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(",")] + ["", "", ""]
            try:
                forms.EmailField().clean(parts[0])
            except forms.ValidationError:
                wrong.append(str(number))
                continue
            invitees.append(Invitee(parts[0], parts[1][:150], parts[2][:150], parts[3][:200]))
        if wrong:
            raise forms.ValidationError(
                f"Line {', '.join(wrong)} does not start with an email address."
            )
        if not invitees:
            raise forms.ValidationError("Enter at least one person.")
        return invitees


class NoteForm(forms.Form):
    text = forms.CharField(
        label="A point made",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Under the Chatham House rule: write what was said, never who said it.",
    )
    names_checked = forms.BooleanField(
        label="I have checked: this note does not attribute a point to anyone",
        required=False,
    )


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label="Cleared summary",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Everyone signed in can read it once published: no names, nothing said in "
        "confidence.",
    )
    publish = forms.BooleanField(label="Publish the summary", required=False)


class RoundTableAnswerForm(InvitationResponseForm):
    """Accept or decline an invitation; someone with no password yet sets one to accept."""

    CONFIRM = InvitationResponseForm.CONFIRM

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.CONFIRM, "Yes, I will attend"),
            (self.DECLINE, "No, I cannot attend"),
        ]


class OpenSessionForm(forms.ModelForm):
    joining_url = joining_link()
    starts_at = forms.DateTimeField(
        label="Starts (UK time)",
        widget=forms.DateTimeInput(WHEN, format="%Y-%m-%dT%H:%M"),
        input_formats=WHEN_FORMATS,
    )
    ends_at = forms.DateTimeField(
        label="Ends (UK time)",
        widget=forms.DateTimeInput(WHEN, format="%Y-%m-%dT%H:%M"),
        input_formats=WHEN_FORMATS,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = OpenSession
        fields = [
            "host",
            "title",
            "description",
            "themes",
            "starts_at",
            "ends_at",
            "venue",
            "joining_url",
            "capacity",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, manager, **kwargs):
        super().__init__(*args, **kwargs)
        hosts = ChampionProfile.objects.listed().select_related("person", "organisation")
        if not manager:
            hosts = hosts.filter(person=user)
        self.fields["host"].queryset = hosts
