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
    participant on the register. Built from enrolments already loaded: no queries."""

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
                error_messages={"required": f"Choose how {name} attended"},
            )
            self.fields[f"note_{enrolment.pk}"] = forms.CharField(
                label=f"Note for {name}", required=False, max_length=500
            )

    def rows(self):
        """(enrolment, status field, note field) per participant, for the template."""
        return [(e, self[f"status_{e.pk}"], self[f"note_{e.pk}"]) for e in self.enrolments]

    def entries(self):
        return {
            e.pk: (self.cleaned_data[f"status_{e.pk}"], self.cleaned_data[f"note_{e.pk}"])
            for e in self.enrolments
        }


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


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label="Attendance list (CSV)",
        help_text="The attendance report exported from Zoom, Microsoft Teams or a similar tool.",
        error_messages={"required": "Choose the attendance list to upload"},
    )
    min_minutes = forms.IntegerField(
        label="Minimum minutes in the call to count as present",
        min_value=0,
        max_value=24 * 60,
        error_messages={"required": "Enter the minimum minutes"},
    )

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
    """The confirm step of an import: the key of the uploaded list held since the preview."""

    payload = forms.CharField(widget=forms.HiddenInput, max_length=64)
    min_minutes = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
