"""Enrolments (one person's place on one cohort), the history of every change to them, and the
single-use invitation links sent to nominated officers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from ..querysets import EnrolmentEventQuerySet, EnrolmentQuerySet
from .cohorts import Cohort
from .places import Organisation


class Enrolment(models.Model):
    """One person's place on one cohort, who nominated them, and for which organisation."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        WAITING_LIST = "waiting-list", "Waiting list"
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUBSTITUTED = "substituted", "Substituted"
        COMPLETED = "completed", "Completed"
        NOT_COMPLETED = "not-completed", "Not completed"

    # The statuses that take up one of the cohort's seats.
    SEAT_HOLDING = (Status.INVITED, Status.CONFIRMED, Status.COMPLETED, Status.NOT_COMPLETED)
    # The statuses of someone taking part (or who took part): they appear on registers.
    ACTIVE = (Status.CONFIRMED, Status.COMPLETED, Status.NOT_COMPLETED)
    # The statuses of a place that has ended: the person may be nominated again, which
    # reuses this enrolment (one per person per cohort) and keeps its history.
    ENDED = (Status.DECLINED, Status.WITHDRAWN, Status.SUBSTITUTED)

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INVITED)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    # When a nominator substitutes one officer for another, the new enrolment takes over the
    # old one's seat; the old one stays (status substituted) so the history is kept.
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text="The enrolment whose seat this one took over, for a substitute.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrolmentQuerySet.as_manager()

    # Enrolments are not content that other content links to: keep them (and their events)
    # out of Wagtail's reference index, which would cost four queries per save in a bulk import.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("cohort"),
        FieldPanel("participant"),
        FieldPanel("organisation"),
        FieldPanel("status"),
        FieldPanel("nominated_by"),
    ]

    class Meta:
        ordering = ["cohort", "participant__last_name", "participant__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "participant"], name="cohorts_enrolment_one_per_person_per_cohort"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=[
                        "invited",
                        "confirmed",
                        "declined",
                        "waiting-list",
                        "withdrawn",
                        "substituted",
                        "completed",
                        "not-completed",
                    ]
                ),
                name="cohorts_enrolment_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status"], name="cohorts_enrol_cohort_status")]

    def __str__(self):
        return f"{self.participant} on {self.cohort}"


class EnrolmentEvent(models.Model):
    """One change to an enrolment: who made it, when, and what changed. Written by the
    enrolment services and, for completion, by issuing a certificate (never by signals); read in
    the cohort's history; never edited."""

    class Action(models.TextChoices):
        NOMINATED = "nominated", "Nominated"
        OFFERED = "offered", "Offered a seat from the waiting list"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUBSTITUTED = "substituted", "Substituted"
        INVITATION_RESENT = "invitation-resent", "Invitation resent"
        COMPLETED = "completed", "Completed (certificate issued)"
        MOVED = "moved", "Moved to another cohort"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who made the change; empty when the system made it.",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    from_status = models.CharField(max_length=20, choices=Enrolment.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Enrolment.Status.choices, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = EnrolmentEventQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "enrolment event"
        indexes = [models.Index(fields=["enrolment", "at"], name="cohorts_event_enrolment_at")]

    def __str__(self):
        return f"{self.get_action_display()}: {self.enrolment} ({self.at:%d %b %Y %H:%M})"


class Invitation(models.Model):
    """The single-use link emailed to a nominated officer to set a password and confirm or
    decline their place. Only a hash of the link's token is stored, never the token itself."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_to = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # A resent invitation replaces the earlier link, which then stops working.
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="cohorts_invitation_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"Invitation for {self.enrolment}"

    @property
    def is_usable(self):
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
