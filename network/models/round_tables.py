"""Chief executive round tables: invitation-only regional events for chief executives and
corporate directors, with a speaker from the champions, under the Chatham House rule."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from practice.models import Region

from ..querysets import RoundTableQuerySet
from .champions import ChampionProfile


class RoundTable(models.Model):
    """One round table: its region, time (stored in UTC, shown in UK time), place or joining
    link, speaker and the people invited. Only the invited see it; only those who accepted see
    how to join, and its notes. A cleared summary may be published for everyone signed in."""

    title = models.CharField(max_length=200)
    region = models.CharField(max_length=40, choices=Region.choices)
    description = models.TextField(max_length=3000, blank=True)
    speaker = models.ForeignKey(
        ChampionProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="round_tables",
        help_text="A champion who has delivered digital in their own organisation.",
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    joining_url = models.URLField("joining link", blank=True)
    joining_instructions = models.TextField(max_length=2000, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Raised whenever the time or place changes, so calendars replace the event (RFC 5545).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    summary = models.TextField("cleared summary", max_length=5000, blank=True)
    summary_published_at = models.DateTimeField(null=True, blank=True)

    objects = RoundTableQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="network_round_table_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()


class RoundTableInvitation(models.Model):
    """One named person invited to a round table (not nominated), who accepts or declines. The
    email carries a single-use link (only its hash is kept) through which someone who has no
    account yet sets a password as they answer."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    round_table = models.ForeignKey(
        RoundTable, on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="round_table_invitations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INVITED)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round_table", "person"], name="network_invitation_one_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} invited to {self.round_table}"

    @property
    def link_usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


class RoundTableNote(models.Model):
    """One point from a round table, written by its organiser without attribution (the Chatham
    House rule): nothing records who said it, nor who wrote it down."""

    round_table = models.ForeignKey(RoundTable, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note on {self.round_table}"
