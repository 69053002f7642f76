"""Forms for attendance: the register, apologies, self check-in and the import upload."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict

from ..models import AttendanceMark
from .checkin import normalise_code

# An attendance list is a few kilobytes: anything much bigger is the wrong file.
MAX_IMPORT_BYTES = 1024 * 1024


class RadioGroup(forms.RadioSelect):
    """Radios whose group links to its first option, so the error summary's link lands on it."""

    def id_for_label(self, id_, index="0"):
        return super(forms.RadioSelect, self).id_for_label(id_, index)


class RegisterForm(forms.Form):
    """One radio group (present, late, left early, absent, apologies) and an optional note per
    participant on the register. Built from enrolments already loaded: no queries.

    Nobody has to be marked: a register saved part way keeps what was entered, and says who is
    left. "Mark everyone not yet marked as present" (`fill_present`) fills the gaps in what
    was posted and shows the form again, so the facilitator changes only the exceptions."""

    FILL_PRESENT = "fill_present"

    def __init__(self, *args, enrolments, initial_marks, **kwargs):
        initial = {}
        for enrolment in enrolments:
            status, note = initial_marks.get(enrolment.pk, ("", ""))
            initial[f"status_{enrolment.pk}"] = status
            initial[f"note_{enrolment.pk}"] = note
        super().__init__(*args, initial=initial, **kwargs)
        self.enrolments = enrolments
        for enrolment in enrolments:
            name = str(enrolment.participant)
            self.fields[f"status_{enrolment.pk}"] = forms.ChoiceField(
                label=name,
                choices=AttendanceMark.Status.choices,
                widget=RadioGroup,
                required=False,
                error_messages={"invalid_choice": f"Choose how {name} attended"},
            )
            self.fields[f"note_{enrolment.pk}"] = forms.CharField(
                label=f"Note for {name}", required=False, max_length=500
            )

    def rows(self):
        """(enrolment, status field, note field) per participant, for the template."""
        return [(e, self[f"status_{e.pk}"], self[f"note_{e.pk}"]) for e in self.enrolments]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.entries():
            raise forms.ValidationError(
                "Mark at least one participant, or choose “Mark everyone not yet marked as "
                "present”, before saving."
            )
        return cleaned

    def entries(self):
        """The marks entered: enrolment id to (status, note), for the people marked only."""
        return {
            e.pk: (self.cleaned_data[f"status_{e.pk}"], self.cleaned_data.get(f"note_{e.pk}", ""))
            for e in self.enrolments
            if self.cleaned_data.get(f"status_{e.pk}")
        }

    def unmarked(self):
        """The people with no mark chosen yet, as the form stands (posted, or as first shown)."""
        return [e for e in self.enrolments if not self[f"status_{e.pk}"].value()]

    @classmethod
    def fill_present(cls, data, enrolments):
        """A copy of the posted register with everyone not yet marked marked present."""
        data = data.copy()
        for enrolment in enrolments:
            if not data.get(f"status_{enrolment.pk}"):
                data[f"status_{enrolment.pk}"] = AttendanceMark.Status.PRESENT
        return data


class ApologyForm(forms.Form):
    reason = forms.CharField(
        label="Why you cannot attend",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Your facilitator sees this on the register.",
        error_messages={"required": "Tell your facilitator why you cannot attend"},
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label="Check-in code",
        max_length=20,
        help_text="The six characters on the facilitator's screen.",
        error_messages={"required": "Enter the check-in code"},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])


MIN_MINUTES_LABEL = "Minimum minutes in the call to count as present"
ABSENT_IF_MISSING_LABEL = (
    "Also mark everyone on the cohort who is not in the file as absent (or apologies, if they "
    "sent them)"
)


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label="Attendance list (CSV)",
        help_text="The attendance report exported from Zoom, Microsoft Teams (all its "
        "sections, as downloaded) or a similar tool.",
        error_messages={"required": "Choose the attendance list to upload"},
    )
    min_minutes = forms.IntegerField(
        label=MIN_MINUTES_LABEL,
        min_value=0,
        max_value=24 * 60,
        error_messages={"required": "Enter the minimum minutes"},
    )
    absent_if_missing = forms.BooleanField(label=ABSENT_IF_MISSING_LABEL, required=False)

    def refuse(self, message):
        """Show a problem found after the upload (an expired preview) in the error summary."""
        if self._errors is None:
            self._errors = ErrorDict()
        self._errors.setdefault(NON_FIELD_ERRORS, self.error_class(error_class="nonfield"))
        self._errors[NON_FIELD_ERRORS].append(message)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is bigger than 1 MB: is it the right file?")
        return upload


class AttendanceImportConfirmForm(forms.Form):
    """The confirm step of an import: the key of the uploaded list held since the preview, and
    the choices the preview was made with."""

    payload = forms.CharField(widget=forms.HiddenInput, max_length=64)
    min_minutes = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=24 * 60)
    absent_if_missing = forms.BooleanField(widget=forms.HiddenInput, required=False)


class AttendanceImportRepreviewForm(AttendanceImportConfirmForm):
    """The same held list previewed again with other choices: a different minimum, or everyone
    not in the file marked absent (or not)."""

    min_minutes = forms.IntegerField(
        label=MIN_MINUTES_LABEL,
        min_value=0,
        max_value=24 * 60,
        error_messages={"required": "Enter the minimum minutes"},
    )
    absent_if_missing = forms.BooleanField(label=ABSENT_IF_MISSING_LABEL, required=False)
