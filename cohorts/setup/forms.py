"""The admin's cohort and completion rule forms (`cohorts.viewsets`).

Both keep the set-up guard rails as form errors (the rules themselves are defined once, in
`cohorts.models.cohorts`), and both show, before saving, who a change after the fact would move:
adding or removing a cohort session, or changing a completion rule, on a cohort that already
has certificates or sign-offs is saved only once the programme manager has seen who would
change standing (`standing_changes_preview`) and ticked the box that confirms it.
"""

import copy

from django.core.exceptions import ValidationError
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from ..completion.changes import standing_changes_preview
from ..models import Cohort, CompletionRule, check_allocations, check_session_modules
from ..scheduling.admin import deletion_errors

# The checkbox the standing changes panel shows; its value names the preview it confirms.
CONFIRM_FIELD = "confirm_standing_changes"


class StandingChangesConfirmation:
    """For an admin form whose change may move people's standing: `confirm_standing_changes`
    lets the change through when nobody would move, or when the box ticked confirms this very
    preview; otherwise it keeps the preview for `StandingChangesPanel` and fails the form."""

    standing_changes = None

    def confirm_standing_changes(self, preview):
        if not preview.needs_confirming or self.data.get(CONFIRM_FIELD) == preview.fingerprint:
            return True
        self.standing_changes = preview
        self.add_error(
            None,
            f"{preview.headline} Check what it does at the top of the form, tick the box to "
            "confirm, and save again.",
        )
        return False


def _kept_forms(formset):
    """The formset's rows that will be saved: not deleted, and either existing or filled in."""
    deleted = set(formset.deleted_forms) if formset.can_delete else set()
    return [
        form
        for form in formset.forms
        if form not in deleted and (form.instance.pk or form.has_changed())
    ]


class CohortAdminForm(StandingChangesConfirmation, WagtailAdminModelForm):
    """The cohort screen: the cohort, its sessions and its seat allocations on one form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "facilitators" in self.fields:
            # The field offers only people who hold the role; say so when another is posted.
            self.fields["facilitators"].error_messages["invalid_choice"] = (
                "Only people who hold the facilitator role can facilitate a cohort. Give them "
                "the role first, then choose them here."
            )

    def is_valid(self):
        # A cohort session added on the same screen as a new cohort does not know its cohort
        # yet, so its clean() could not check the session falls within the cohort's dates (the
        # database would refuse it with a server error instead of a form error). The cohort form
        # fills in self.instance before the session forms are validated, so each session checks
        # against the dates as entered on this screen.
        for form in self.formsets["sessions"].forms:
            form.instance.cohort = self.instance
        if not super().is_valid():
            return False
        self._check_allocations()
        self._check_session_modules()
        # A session people have been told of is kept: cancelled from the sessions page instead.
        # A formset skips the errors of forms marked for deletion, so the refusal is the
        # formset's own (shown above the sessions, and it keeps the whole screen from saving).
        sessions = self.formsets["sessions"]
        for _form, message in deletion_errors(sessions.forms):
            if message not in sessions._non_form_errors:
                sessions._non_form_errors.append(message)
        if self.errors or not all(formset.is_valid() for formset in self.formsets.values()):
            return False
        return self._check_standing_changes()

    def _check_allocations(self):
        formset = self.formsets["seat_allocations"]
        seats = [form.cleaned_data.get("seats") or 0 for form in _kept_forms(formset)]
        try:
            check_allocations(self.cleaned_data.get("capacity"), seats)
        except ValidationError as error:
            self.add_error("capacity", error)
            formset._non_form_errors.extend(error.messages)

    def _check_session_modules(self):
        programme = self.cleaned_data.get("programme")
        if programme is None:
            return
        for form in _kept_forms(self.formsets["sessions"]):
            try:
                check_session_modules(programme, form.cleaned_data.get("modules") or [])
            except ValidationError as error:
                form.add_error(None, error)

    def _check_standing_changes(self):
        if not self.instance.pk:
            return True
        formset = self.formsets["sessions"]
        kept = _kept_forms(formset)
        added = any(not form.instance.pk for form in kept)
        removed = any(form.instance.pk for form in formset.deleted_forms)
        if not (added or removed):
            return True
        preview = standing_changes_preview(
            cohorts=[self.instance], sessions=[form.instance for form in kept]
        )
        return self.confirm_standing_changes(preview)


class CompletionRuleAdminForm(StandingChangesConfirmation, WagtailAdminModelForm):
    """A programme's completion rule. A change is measured against every cohort of the
    programme that already has certificates or sign-offs."""

    def is_valid(self):
        if not super().is_valid():
            return False
        if not self.instance.pk or not self.changed_data:
            return True
        programme_id = (
            CompletionRule.objects.filter(pk=self.instance.pk)
            .values_list("programme_id", flat=True)
            .get()
        )
        proposed = copy.copy(self.instance)
        proposed.programme_id = programme_id
        modules = self.cleaned_data.get("required_modules")
        if modules is not None:
            len(modules)  # evaluated once, so the preview reads it without a query per person
            proposed._prefetched_objects_cache = {"required_modules": modules}
        cohorts = (
            Cohort.objects.filter(programme_id=programme_id)
            .filter(
                Q(
                    enrolments__certificate__isnull=False,
                    enrolments__certificate__revoked_at__isnull=True,
                )
                | Q(enrolments__completion_sign_off__isnull=False)
            )
            .distinct()
        )
        return self.confirm_standing_changes(
            standing_changes_preview(cohorts=cohorts, rule=proposed)
        )
