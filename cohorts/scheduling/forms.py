"""Forms for a cohort's sessions: a pattern of dates, moving one session, cancelling one. They
only parse input; the services decide."""

import datetime as dt

from django import forms
from django.utils import timezone

from ..models import LONDON
from .patterns import DIVISIONS, MAX_SESSIONS, WEEKDAYS


class PatternForm(forms.Form):
    first_date = forms.DateField(
        label="Starting on or after",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The first session is on the first chosen weekday from this date.",
    )
    weekday = forms.TypedChoiceField(label="Weekday", choices=WEEKDAYS, coerce=int, initial=1)
    every_weeks = forms.IntegerField(
        label="Every how many weeks", min_value=1, max_value=12, initial=4
    )
    count = forms.IntegerField(
        label="How many sessions", min_value=1, max_value=MAX_SESSIONS, initial=8
    )
    starts = forms.TimeField(
        label="Starts at (UK time)", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends = forms.TimeField(
        label="Ends at (UK time)", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    title = forms.CharField(
        label="Title after the number",
        max_length=150,
        required=False,
        help_text="Optional. Sessions are called “Session 1”, “Session 2”… followed by this.",
    )
    venue = forms.CharField(label="Venue", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    joining_url = forms.URLField(
        label="Online joining link", required=False, max_length=500, assume_scheme="https"
    )
    division = forms.ChoiceField(
        label="Bank holidays of", choices=DIVISIONS, initial=DIVISIONS[0][0]
    )
    bank_holidays = forms.ChoiceField(
        label="A session that falls on a bank holiday",
        choices=[
            ("skip", "Skip it: the pattern carries on to its next date"),
            ("flag", "Keep it, and flag it"),
        ],
        initial="skip",
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", "The session must end after it starts.")
        return data

    def plan_arguments(self):
        data = self.cleaned_data
        return {
            "first_date": data["first_date"],
            "weekday": data["weekday"],
            "every_weeks": data["every_weeks"],
            "count": data["count"],
            "starts": data["starts"],
            "ends": data["ends"],
            "skip_bank_holidays": data["bank_holidays"] == "skip",
            "division": data["division"],
        }


def _local(moment):
    return timezone.localtime(moment, LONDON)


class MoveForm(forms.Form):
    """A session's new day, times and place (UK time)."""

    day = forms.DateField(
        label="Day", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    starts = forms.TimeField(
        label="Starts at (UK time)", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends = forms.TimeField(
        label="Ends at (UK time)", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    venue = forms.CharField(label="Venue", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    joining_url = forms.URLField(
        label="Online joining link", required=False, max_length=500, assume_scheme="https"
    )

    @classmethod
    def initial_for(cls, session):
        starts, ends = _local(session.starts_at), _local(session.ends_at)
        return {
            "day": starts.date(),
            "starts": starts.time().replace(second=0, microsecond=0),
            "ends": ends.time().replace(second=0, microsecond=0),
            "venue": session.venue,
            "joining_url": session.joining_url,
        }

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", "The session must end after it starts.")
        return data

    def times(self):
        data = self.cleaned_data
        starts = timezone.make_aware(dt.datetime.combine(data["day"], data["starts"]), LONDON)
        ends = timezone.make_aware(dt.datetime.combine(data["day"], data["ends"]), LONDON)
        return starts, ends


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Participants and facilitators are told this in the email.",
    )
    confirm = forms.BooleanField(
        label="I have checked the effect on completion: cancel the session and tell everyone",
        error_messages={"required": "Tick the box to confirm the cancellation."},
    )
