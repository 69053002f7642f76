"""Forms: the dashboard's filters (a GET form, so a filtered dashboard can be bookmarked), a
participant's self-assessment and their feedback on a cohort session."""

from django import forms

from cohorts.models import Sector

from . import capabilities as caps
from .dashboard import Filters, Period
from .models import SessionFeedback


class DashboardFilterForm(forms.Form):
    """Narrow the dashboard to one programme, place, sector, organisation or financial year.
    The choices come from what the person may see (impact.dashboard.options_for), so checking
    them costs no queries."""

    programme = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    place = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    sector = forms.ChoiceField(required=False)
    organisation = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    period = forms.TypedChoiceField(
        label="Cohorts starting in", required=False, coerce=int, empty_value=None
    )

    def __init__(self, data, *, options, today):
        super().__init__(data)
        self.fields["programme"].choices = [("", "All programmes"), *options.programmes]
        self.fields["place"].choices = [("", "All places"), *options.places]
        self.fields["sector"].choices = [("", "All sectors"), *Sector.choices]
        self.fields["organisation"].choices = [("", "All organisations"), *options.organisations]
        self.fields["period"].choices = [("", "Any year")] + [
            (p.year, p.label) for p in Period.choices(today)
        ]

    def filters(self) -> Filters:
        """The filters chosen, leaving out any that are not valid (the form shows why)."""
        self.is_valid()
        data = self.cleaned_data
        period = data.get("period")
        return Filters(
            programme=data.get("programme"),
            place=data.get("place"),
            sector=data.get("sector") or "",
            organisation=data.get("organisation"),
            period=Period(period) if period else None,
        )

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields)


class ScaleWidget(forms.RadioSelect):
    """Radios for a five-point scale; the template draws them as GOV.UK radios with the
    description of each point as its hint."""


class SelfAssessmentForm(forms.Form):
    """The six capabilities, each rated on the programme's five-point scale."""

    def __init__(self, *args, wording, **kwargs):
        super().__init__(*args, **kwargs)
        self.wording = wording
        self.scale = wording.scale
        choices = [(point.value, point.text) for point in self.scale]
        for capability in wording.capabilities:
            self.fields[capability.field_name] = forms.TypedChoiceField(
                label=capability.statement,
                choices=choices,
                coerce=int,
                widget=ScaleWidget,
                error_messages={
                    "required": f"Choose how you rate yourself on “{capability.short_name}”."
                },
            )

    def ratings(self):
        return {n: self.cleaned_data[caps.capability_field(n)] for n in caps.NUMBERS}

    def rows(self):
        """(capability, bound field) for each of the six."""
        return [(c, self[c.field_name]) for c in self.wording.capabilities]


class SessionFeedbackForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label="How useful was the session?",
        choices=[(v, f"{v}: {label}") for v, label in SessionFeedback.USEFULNESS_LABELS.items()],
        coerce=int,
        widget=ScaleWidget,
        error_messages={"required": "Choose how useful the session was."},
    )
    do_differently = forms.CharField(
        label="What will you do differently because of it?",
        help_text="Optional. Facilitators read the answers without your name.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    improve = forms.CharField(
        label="Is there anything we could improve?",
        help_text="Optional.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    @property
    def scale(self):
        return [
            caps.ScalePoint(value, label, "")
            for value, label in SessionFeedback.USEFULNESS_LABELS.items()
        ]
