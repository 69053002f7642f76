"""Open sessions: bookable events a champion hosts, with a waiting list past capacity."""

from django.db import models
from django.utils import timezone

from practice.models import Theme

from ..querysets import OpenSessionQuerySet
from .champions import ChampionProfile


class OpenSession(models.Model):
    """A pre-arranged open session a champion hosts (published by them or by a programme
    manager for them): signed-in people book a place, past capacity onto a waiting list."""

    host = models.ForeignKey(ChampionProfile, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=3000, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="open_sessions")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    joining_url = models.URLField("joining link", blank=True)
    capacity = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OpenSessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="network_open_session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="network_open_session_has_places"
            ),
        ]

    def __str__(self):
        return self.title

    def has_started(self, now=None):
        """Attendance is recorded only once the session has started (as a cohort session's)."""
        return self.starts_at <= (now or timezone.now())


class OpenSessionBooking(models.Model):
    """One person's place on an open session: booked, waiting (past capacity, first come first
    served), or cancelled. A cancellation moves the first person waiting up."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    session = models.ForeignKey(OpenSession, on_delete=models.CASCADE, related_name="bookings")
    person = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="open_session_bookings"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # Kept by the host on the session's register once it has started; None until then.
    attended = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="network_booking_one_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} on {self.session}"
