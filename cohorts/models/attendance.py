"""Attendance: one mark per enrolment per cohort session, the history of every write to a mark,
apologies sent in advance, and the at-risk warnings already sent."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ..querysets import AttendanceMarkQuerySet
from .cohorts import LONDON, CohortSession
from .enrolment import Enrolment


class AttendanceMark(models.Model):
    """One enrolment at one cohort session: present, late, left early, absent or apologies."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        LATE = "late", "Late"
        LEFT_EARLY = "left-early", "Left early"
        ABSENT = "absent", "Absent"
        APOLOGIES = "apologies", "Apologies"

    class Method(models.TextChoices):
        REGISTER = "register", "Register"
        SELF_CHECK_IN = "self-check-in", "Self check-in"
        IMPORT = "import", "Import"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendance_marks"
    )
    session = models.ForeignKey(
        CohortSession, on_delete=models.CASCADE, related_name="attendance_marks"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    note = models.CharField(max_length=500, blank=True)
    method = models.CharField(max_length=20, choices=Method.choices, default=Method.REGISTER)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AttendanceMarkQuerySet.as_manager()

    class Meta:
        verbose_name = "attendance mark"
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"], name="cohorts_mark_one_per_enrolment_per_session"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["present", "late", "left-early", "absent", "apologies"]
                ),
                name="cohorts_mark_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.participant} at {self.session}: {self.get_status_display()}"

    @classmethod
    def refusal(cls, *, session, status, at):
        """Why a mark of `status` cannot be recorded for `session` at the moment `at`, or None
        when it can: the one rule that marks follow time. Apologies may be recorded at any
        time; every other mark only once the session has started. The register, self
        check-in, imports and `clean()` all ask this; the database checks the same
        (`db_guards`: a mark other than apologies is never recorded before its session)."""
        if status == cls.Status.APOLOGIES or session.has_started(at):
            return None
        starts = timezone.localtime(session.starts_at, LONDON)
        return (
            f"{session.title} has not started yet, so attendance cannot be recorded for it. "
            f"The register opens at {starts:%H:%M} on {starts:%A} {starts.day} {starts:%B %Y}; "
            "until then, only apologies can be recorded."
        )

    def clean(self):
        super().clean()
        # The services hand every mark of a register the session they loaded once, so this
        # reads no more rows.
        if self.session_id and self.status and self.recorded_at:
            refusal = self.refusal(session=self.session, status=self.status, at=self.recorded_at)
            if refusal:
                raise ValidationError(refusal)


class Apology(models.Model):
    """A participant's apologies, sent before a cohort session they cannot attend, with their
    reason. Facilitators see it on the register, which then suggests "apologies"."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="apologies")
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="apologies")
    reason = models.TextField(max_length=1000)
    sent_at = models.DateTimeField(default=timezone.now)
    # When the cohort's facilitators were sent the day's digest that listed it.
    facilitators_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "apology"
        verbose_name_plural = "apologies"
        ordering = ["sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"], name="cohorts_apology_one_per_enrolment_session"
            ),
        ]

    def __str__(self):
        return f"Apologies from {self.enrolment.participant} for {self.session}"


class AttendanceMarkChange(models.Model):
    """One write of an attendance mark: its first recording (no previous status) or a change,
    whenever it is made: who, when, how (register, self check-in, import) and from what to what.
    Written by the attendance services (never by a signal) for every real change; never edited.
    The cohort's history reads these."""

    mark = models.ForeignKey(AttendanceMark, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    # Empty for the first recording of a mark.
    previous_status = models.CharField(
        max_length=20, choices=AttendanceMark.Status.choices, blank=True
    )
    previous_note = models.CharField(max_length=500, blank=True)
    previous_method = models.CharField(
        max_length=20, choices=AttendanceMark.Method.choices, blank=True
    )
    new_status = models.CharField(max_length=20, choices=AttendanceMark.Status.choices)
    new_note = models.CharField(max_length=500, blank=True)
    # How the mark was written this time (empty on changes recorded before this was kept).
    new_method = models.CharField(max_length=20, choices=AttendanceMark.Method.choices, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = "attendance mark change"

    def __str__(self):
        if not self.previous_status:
            return f"{self.mark}: first recorded"
        return f"{self.mark}: was {self.get_previous_status_display()}"


class AttendanceNotification(models.Model):
    """An at-risk email sent about one enrolment, recorded so that re-checking a cohort never
    sends the same warning twice (one row per enrolment, kind of warning and event key)."""

    class Kind(models.TextChoices):
        CANNOT_COMPLETE = "cannot-complete", "Can no longer meet the completion rule"
        ONE_MORE_MISS = "one-more-miss", "Would not complete if they miss one more session"
        TWO_IN_A_ROW = "two-in-a-row", "Missed two sessions in a row"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendance_notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What makes the event distinct: for two missed in a row, the first session of the run.
    key = models.CharField(max_length=100, blank=True)
    sessions_missed = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "attendance notification"
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "kind", "key"], name="cohorts_attendance_notification_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.enrolment}"
