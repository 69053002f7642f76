"""Cohorts (one run of a programme in a place), the seats each organisation may fill on one, and
its cohort sessions."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from accounts.roles import Role

from ..querysets import CohortQuerySet, CohortSessionQuerySet
from .places import Organisation, Place

LONDON = ZoneInfo("Europe/London")

# Set-up guard rails: the one definition of each, used by the admin's cohort screen
# (`cohorts.setup.forms`) and the set-up services (`cohorts.setup.services`) alike.

# Who may be chosen to facilitate a cohort: people who hold the facilitator role. The cohort's
# facilitators field offers only them (`limit_choices_to`); `check_facilitators` says the same
# to a service.
FACILITATOR_CHOICES = {"groups__name": Role.FACILITATOR.value}


def check_facilitators(people):
    """Refuse anyone among `people` who does not hold the facilitator role. One query."""
    people = list(people)
    if not people:
        return
    holders = set(
        get_user_model()
        .objects.filter(pk__in=[p.pk for p in people], **FACILITATOR_CHOICES)
        .values_list("pk", flat=True)
    )
    others = [p for p in people if p.pk not in holders]
    if others:
        names = ", ".join(str(p) for p in others)
        raise ValidationError(
            {
                "facilitators": f"Only people who hold the facilitator role can facilitate a "
                f"cohort: {names} does not."
                if len(others) == 1
                else f"Only people who hold the facilitator role can facilitate a cohort: "
                f"{names} do not."
            },
            code="not_a_facilitator",
        )


def check_allocations(capacity, seats):
    """Refuse seat allocations (`seats`, one number per organisation) that add up to more than
    the cohort's `capacity`."""
    total = sum(seats)
    if capacity is not None and total > capacity:
        raise ValidationError(
            f"The seat allocations add up to {total}, more than the cohort's capacity of "
            f"{capacity}. Lower an allocation or raise the capacity.",
            code="allocations_over_capacity",
        )


def check_session_modules(programme, modules):
    """Refuse modules that are not part of `programme` (modules are pages below their
    programme's page): a cohort session covers modules of its own cohort's programme only."""
    strangers = [
        m for m in modules if not (m.path.startswith(programme.path) and m.depth > programme.depth)
    ]
    if strangers:
        titles = ", ".join(f"“{m.title}”" for m in strangers)
        raise ValidationError(
            {
                "modules": f"A cohort session can only cover modules of its cohort's programme "
                f"({programme.title}): {titles} belongs to another programme."
                if len(strangers) == 1
                else f"A cohort session can only cover modules of its cohort's programme "
                f"({programme.title}): {titles} belong to other programmes."
            },
            code="module_of_another_programme",
        )


class Cohort(index.Indexed, ClusterableModel):
    """One run of a programme, usually in one place: its dates, capacity, facilitators,
    target sector mix, seat allocations per organisation, and its sessions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open for enrolment"
        RUNNING = "running", "Running"
        CLOSED = "closed", "Closed"

    programme = models.ForeignKey(
        "modules.ProgrammePage", on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(max_length=200, help_text='For example "Kent 2026".')
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cohorts",
        help_text="Leave empty for a cohort that draws from many places.",
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    capacity = models.PositiveIntegerField(help_text="The most participants the cohort takes.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_cohorts",
        limit_choices_to=FACILITATOR_CHOICES,
        help_text="People who hold the facilitator role.",
    )
    target_min_sectors = models.PositiveSmallIntegerField("at least this many sectors", default=4)
    target_max_share_percent = models.PositiveSmallIntegerField(
        "no more than this % from one sector",
        default=40,
        validators=[MaxValueValidator(100)],
    )
    # Check-in opens when a session starts (no attendance is recorded before then: see
    # AttendanceMark.refusal) and closes this long after.
    checkin_closes_minutes_after = models.PositiveSmallIntegerField(
        "check-in closes (minutes after the start)", default=120
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CohortQuerySet.as_manager()

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
        FieldPanel("facilitators"),
        MultiFieldPanel(
            [FieldPanel("target_min_sectors"), FieldPanel("target_max_share_percent")],
            heading="Target sector mix",
        ),
        MultiFieldPanel([FieldPanel("checkin_closes_minutes_after")], heading="Self check-in"),
        InlinePanel("sessions", heading="Cohort sessions", label="Cohort session"),
        InlinePanel("seat_allocations", heading="Seat allocations", label="Seat allocation"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohorts_cohort_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=0), name="cohorts_cohort_capacity_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(target_max_share_percent__lte=100),
                name="cohorts_cohort_max_share_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "open", "running", "closed"]),
                name="cohorts_cohort_status_valid",
            ),
        ]

    def __str__(self):
        if not self.programme_id:
            return self.name
        # Lists of cohorts load their programmes' titles alone (`with_programme_title`): a
        # programme page costs far more to build than its title, and a list names dozens.
        title = self.__dict__.get("programme_title")
        return f"{self.programme.title if title is None else title}: {self.name}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cohort must end on or after its start date."})

    @property
    def is_open_for_enrolment(self):
        return self.status == self.Status.OPEN

    def has_ended(self, now=None):
        """Whether the cohort is over: closed, or past its end date (in London). A completion
        rule may hold certificates back until then (`CompletionRule.certificates_after_end`)."""
        if self.status == self.Status.CLOSED:
            return True
        return timezone.localtime(now or timezone.now(), LONDON).date() > self.ends_on


class SeatAllocation(models.Model):
    """How many of a cohort's seats one organisation may fill."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="seat_allocations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="seat_allocations"
    )
    seats = models.PositiveIntegerField()

    panels = [FieldPanel("organisation"), FieldPanel("seats")]

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation"], name="cohorts_allocation_one_per_organisation"
            ),
            models.CheckConstraint(
                condition=models.Q(seats__gte=0), name="cohorts_allocation_seats_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.seats} seats"


class CohortSession(ClusterableModel):
    """One meeting of a cohort (six to eight per cohort), covering one or more modules.

    Times are stored in UTC and shown in Europe/London. The database refuses a session outside
    its cohort's dates (see the trigger migration) as well as one that ends before it starts.
    """

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.TextField(blank=True, help_text="Address, for an in-person session.")
    joining_url = models.URLField("online joining link", blank=True, max_length=500)
    modules = ParentalManyToManyField(
        "modules.ModulePage", blank=True, related_name="cohort_sessions"
    )
    # Cohort-specific material, which facilitators edit without touching the shared modules.
    joining_instructions = RichTextField(blank=True)
    pre_reading = RichTextField(blank=True)
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Slides, uploaded after the session.",
    )
    follow_up_actions = RichTextField(blank=True)
    # iCalendar SEQUENCE (RFC 5545): bumped whenever the time or place changes, so calendar
    # apps that already hold the event replace it instead of ignoring the update.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # A cancelled session is kept (people were told of it), shown as cancelled, and left out
    # of what completion counts (`is_scheduled`, `CohortSession.objects.scheduled()`).
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_reason = models.CharField(max_length=500, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = CohortSessionQuerySet.as_manager()

    # The fields whose change a calendar must be told about.
    CALENDAR_FIELDS = ("starts_at", "ends_at", "venue", "joining_url", "title", "cancelled_at")

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("venue"),
        FieldPanel("joining_url"),
        FieldPanel("modules"),
        MultiFieldPanel(
            [
                FieldPanel("joining_instructions"),
                FieldPanel("pre_reading"),
                FieldPanel("slides"),
                FieldPanel("follow_up_actions"),
            ],
            heading="Session material",
            classname="collapsed",
        ),
    ]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = "cohort session"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="cohorts_session_ends_after_start",
            ),
        ]

    def __str__(self):
        when = f"{timezone.localtime(self.starts_at, LONDON):%d %b %Y %H:%M}"
        return f"{self.title} ({when}{', cancelled' if self.cancelled_at else ''})"

    @property
    def is_scheduled(self):
        """Whether the session counts towards completion: the one definition of a scheduled
        session (its SQL twin is `CohortSession.objects.scheduled()`). A cancelled session is
        kept and shown as cancelled, but never counts."""
        return self.cancelled_at is None

    @property
    def is_cancelled(self):
        return not self.is_scheduled

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what was loaded, so save() can tell whether the session moved.
        instance._calendar_loaded = {
            name: getattr(instance, name)
            for name in cls.CALENDAR_FIELDS
            if name in instance.__dict__
        }
        return instance

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_calendar_loaded", None)
        if (
            self.pk
            and loaded
            and any(getattr(self, name) != value for name, value in loaded.items())
        ):
            self.sequence += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)
        self._calendar_loaded = {name: getattr(self, name) for name in self.CALENDAR_FIELDS}

    def is_held(self, now=None):
        """Held so far: scheduled (not cancelled) and started by `now`. Rates so far count these
        (`CohortSessionQuerySet.held` is its SQL twin)."""
        return self.is_scheduled and self.has_started(now)

    def has_started(self, now=None):
        """Whether the session has started. Attendance other than apologies is recorded only
        from then on, and apologies only until then."""
        return self.starts_at <= (now or timezone.now())

    def _marks_recorded_before(self, starts_at):
        """Attendance (other than apologies) already recorded before `starts_at`: a session
        that has them cannot move to start later, or they would be marks for a session still
        to come. The database refuses it too (`db_guards`)."""
        if not self.pk or starts_at is None:
            return None
        return (
            self.attendance_marks.exclude(status="apologies")
            .filter(recorded_at__lt=starts_at)
            .order_by("recorded_at")
            .values_list("recorded_at", flat=True)
            .first()
        )

    def clean(self):
        super().clean()
        errors = {}
        loaded = getattr(self, "_calendar_loaded", {}).get("starts_at")
        if self.starts_at and loaded and self.starts_at > loaded:
            first_mark = self._marks_recorded_before(self.starts_at)
            if first_mark:
                errors["starts_at"] = (
                    "Attendance was recorded for this session at "
                    f"{timezone.localtime(first_mark, LONDON):%H:%M on %d %b %Y}, so it cannot "
                    "start later than that."
                )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The session must end after it starts."
        try:
            cohort = self.cohort
        except Cohort.DoesNotExist:
            cohort = None
        if cohort and self.starts_at and cohort.starts_on and cohort.ends_on:
            start = timezone.localtime(self.starts_at, LONDON).date()
            end = timezone.localtime(self.ends_at or self.starts_at, LONDON).date()
            if start < cohort.starts_on or end > cohort.ends_on:
                errors["starts_at"] = (
                    f"The session must fall within the cohort's dates "
                    f"({cohort.starts_on:%d %b %Y} to {cohort.ends_on:%d %b %Y})."
                )
        if errors:
            raise ValidationError(errors)
