"""Champions and mentoring: a senior member or officer who has led digital in their own
organisation, their opt-in profile, and one champion mentoring one mentee."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from cohorts.models import Organisation
from practice.models import Region, Theme

from ..querysets import ChampionProfileQuerySet, MentoringQuerySet


class Offer(models.TextChoices):
    """What a champion offers their peers (the directory filters by it)."""

    MENTORING = "mentoring", "Mentoring"
    OPEN_SESSIONS = "open-sessions", "Hosting open sessions"
    SPEAKING = "speaking", "Speaking at round tables"


class ChampionProfile(models.Model):
    """A champion's profile: who they are (role and organisation, region), the themes they know,
    what they offer, how many mentees they can take and a short statement.

    Listed in the directory only once the person has opted in (a programme manager's offer
    they accepted, or their own application a manager approved); they can withdraw it at any
    time. The directory never shows contact details: mentoring exchanges them on acceptance."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered, waiting for them to opt in"
        APPLIED = "applied", "Applied, waiting for a programme manager"
        LISTED = "listed", "Listed in the directory"
        WITHDRAWN = "withdrawn", "Withdrawn"

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion_profile"
    )
    role = models.CharField("role", max_length=200, help_text="For example “Chief executive”.")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="champions"
    )
    region = models.CharField(max_length=40, choices=Region.choices)
    themes = models.ManyToManyField(Theme, related_name="champions", blank=True)
    offers_mentoring = models.BooleanField("offers mentoring", default=False)
    offers_open_sessions = models.BooleanField("hosts open sessions", default=False)
    offers_speaking = models.BooleanField("speaks at round tables", default=False)
    mentee_capacity = models.PositiveSmallIntegerField(
        "mentees they can take", default=0, help_text="Never offered more mentees than this."
    )
    statement = models.TextField(max_length=1500, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OFFERED)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    listed_at = models.DateTimeField(null=True, blank=True)

    objects = ChampionProfileQuerySet.as_manager()

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mentee_capacity__lte=50),
                name="network_champion_capacity_sane",
            ),
            models.CheckConstraint(
                condition=models.Q(offers_mentoring=True) | models.Q(mentee_capacity=0),
                name="network_champion_capacity_only_when_mentoring",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.role}, {self.organisation})"

    @property
    def is_listed(self):
        return self.status == self.Status.LISTED

    @property
    def sector(self):
        return self.organisation.get_sector_display()

    def offers(self):
        """The labels of what they offer, in a fixed order."""
        chosen = (
            (self.offers_mentoring, Offer.MENTORING),
            (self.offers_open_sessions, Offer.OPEN_SESSIONS),
            (self.offers_speaking, Offer.SPEAKING),
        )
        return [offer.label for on, offer in chosen if on]


class Mentoring(models.Model):
    """One champion mentoring one mentee: requested with a short note, accepted or declined by
    the champion, closed by either side. The note is for the champion only (programme managers
    see the match and its state, not the note)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CLOSED = "closed", "Closed"

    # A request waiting for an answer and an accepted mentoring both take a mentee place.
    TAKING_A_PLACE = (Status.REQUESTED, Status.ACCEPTED)

    champion = models.ForeignKey(
        ChampionProfile, on_delete=models.CASCADE, related_name="mentorings"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorings"
    )
    note = models.TextField(max_length=1000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = MentoringQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name_plural = "mentorings"
        constraints = [
            # One open mentoring between the same two people at a time.
            models.UniqueConstraint(
                fields=["champion", "mentee"],
                condition=models.Q(status__in=["requested", "accepted"]),
                name="network_mentoring_one_open_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.champion.person} mentoring {self.mentee}"

    @property
    def is_open(self):
        return self.status in self.TAKING_A_PLACE
