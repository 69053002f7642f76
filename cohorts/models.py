import secrets
from base64 import b32encode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .querysets import (
    AttendanceMarkQuerySet,
    CertificateQuerySet,
    CohortQuerySet,
    CohortSessionQuerySet,
    EnrolmentQuerySet,
    OrganisationQuerySet,
)

LONDON = ZoneInfo("Europe/London")


class Sector(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    FIRE_AND_RESCUE = "fire-and-rescue", "Fire and rescue"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    CENTRAL_GOVERNMENT = "central-government", "Central government"
    VOLUNTARY_AND_COMMUNITY = "voluntary-and-community", "Voluntary and community"
    OTHER = "other", "Other"


class Place(index.Indexed, models.Model):
    """The locality a cohort serves: a county, a city region, a combined authority area."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


class Organisation(index.Indexed, models.Model):
    """A partner agency that sends officers: a police force, an NHS trust, a council..."""

    name = models.CharField(max_length=200, unique=True)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="Where the organisation mainly serves, if in one place.",
    )
    nominators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="nominator_for",
        help_text="The organisation's contacts who enrol its officers.",
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("place"),
        FieldPanel("nominators"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sector__in=Sector.values),
                name="cohorts_organisation_sector_valid",
            ),
        ]

    def __str__(self):
        return self.name


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
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_cohorts"
    )
    target_min_sectors = models.PositiveSmallIntegerField("at least this many sectors", default=4)
    target_max_share_percent = models.PositiveSmallIntegerField(
        "no more than this % from one sector",
        default=40,
        validators=[MaxValueValidator(100)],
    )
    checkin_opens_minutes_before = models.PositiveSmallIntegerField(
        "check-in opens (minutes before the start)", default=30
    )
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
        MultiFieldPanel(
            [
                FieldPanel("checkin_opens_minutes_before"),
                FieldPanel("checkin_closes_minutes_after"),
            ],
            heading="Self check-in window",
        ),
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
        return f"{self.programme.title}: {self.name}" if self.programme_id else self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cohort must end on or after its start date."})

    @property
    def is_open_for_enrolment(self):
        return self.status == self.Status.OPEN


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

    objects = CohortSessionQuerySet.as_manager()

    # The fields whose change a calendar must be told about.
    CALENDAR_FIELDS = ("starts_at", "ends_at", "venue", "joining_url", "title")

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
        return f"{self.title} ({timezone.localtime(self.starts_at, LONDON):%d %b %Y %H:%M})"

    @property
    def local_date(self):
        return timezone.localtime(self.starts_at, LONDON).date()

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

    def clean(self):
        super().clean()
        errors = {}
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


class CompletionRule(models.Model):
    """What a programme asks for a certificate: sessions attended, modules completed online,
    and whether a facilitator must sign off."""

    programme = models.OneToOneField(
        "modules.ProgrammePage", on_delete=models.CASCADE, related_name="completion_rule"
    )
    min_sessions_attended = models.PositiveSmallIntegerField(
        "minimum sessions attended", null=True, blank=True, help_text="A number of sessions."
    )
    min_share_attended = models.PositiveSmallIntegerField(
        "minimum share of sessions attended (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Or a share of all the cohort's scheduled sessions.",
    )
    late_counts = models.BooleanField("late counts as attended", default=True)
    left_early_counts = models.BooleanField("left early counts as attended", default=True)
    required_modules = models.ManyToManyField(
        "modules.ModulePage",
        blank=True,
        related_name="+",
        help_text="Modules that must be completed online.",
    )
    facilitator_sign_off = models.BooleanField("a facilitator must sign off", default=False)

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("min_sessions_attended"), FieldPanel("min_share_attended")]),
        FieldRowPanel([FieldPanel("late_counts"), FieldPanel("left_early_counts")]),
        FieldPanel("required_modules"),
        FieldPanel("facilitator_sign_off"),
    ]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_share_attended__isnull=True)
                | models.Q(min_share_attended__lte=100),
                name="cohorts_rule_share_is_a_percentage",
            ),
        ]

    def __str__(self):
        return f"Completion rule: {self.programme.title}"

    def sessions_needed(self, scheduled_sessions):
        """How many sessions a participant must attend out of the cohort's scheduled ones."""
        needed = [0]
        if self.min_sessions_attended is not None:
            needed.append(self.min_sessions_attended)
        if self.min_share_attended is not None:
            # Round up: 75% of 6 sessions is 5 sessions, not 4.
            needed.append(-(-scheduled_sessions * self.min_share_attended // 100))
        return min(max(needed), scheduled_sessions)


def new_verification_code():
    """80 random bits as 16 base-32 characters: never derived from an id."""
    return b32encode(secrets.token_bytes(10)).decode("ascii")


class Certificate(models.Model):
    """Proof that one enrolment met its programme's completion rule.

    What it says is frozen when it is issued, so later edits to the programme, the cohort or
    the person's profile do not change it. Anyone with the verification code can check it.
    """

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="certificate"
    )
    verification_code = models.CharField(
        max_length=32, unique=True, default=new_verification_code, editable=False
    )
    holder_name = models.CharField(max_length=300)
    programme_title = models.CharField(max_length=255)
    cohort_name = models.CharField(max_length=200)
    place_name = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    sessions_attended = models.PositiveSmallIntegerField()
    sessions_scheduled = models.PositiveSmallIntegerField()
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    # Issue 6: the design's wording and signatory as printed, the rendered PDF itself (so later
    # edits to the design, programme or profile never change an issued certificate), which
    # edition this is (a re-issue keeps the code), and whether the email with the link went.
    design = models.JSONField(default=dict, blank=True, editable=False)
    pdf = models.FileField(upload_to="certificates/", blank=True, editable=False)
    edition = models.PositiveSmallIntegerField(default=1, editable=False)
    reissued_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_sent_at = models.DateTimeField("email sent", null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoked_reason=""),
                name="cohorts_certificate_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(sessions_attended__lte=models.F("sessions_scheduled")),
                name="cohorts_certificate_attended_within_scheduled",
            ),
        ]

    def __str__(self):
        return f"Certificate {self.display_code} for {self.holder_name}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def display_code(self):
        code = self.verification_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class EnrolmentEvent(models.Model):
    """One change to an enrolment: who made it, when, and what changed. Written by the
    enrolment services (never by signals), read by programme managers; never edited."""

    class Action(models.TextChoices):
        NOMINATED = "nominated", "Nominated"
        OFFERED = "offered", "Offered a seat from the waiting list"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUBSTITUTED = "substituted", "Substituted"
        INVITATION_RESENT = "invitation-resent", "Invitation resent"

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


# --- Attendance (issue 5) ---


class Apology(models.Model):
    """A participant's apologies, sent before a cohort session they cannot attend, with their
    reason. Facilitators see it on the register, which then suggests "apologies"."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="apologies")
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="apologies")
    reason = models.TextField(max_length=1000)
    sent_at = models.DateTimeField(default=timezone.now)

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
    """A change to an attendance mark made after its session ended: who changed it, when, and
    what it was before. Written by the attendance services (never by a signal); never edited."""

    mark = models.ForeignKey(AttendanceMark, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    previous_status = models.CharField(max_length=20, choices=AttendanceMark.Status.choices)
    previous_note = models.CharField(max_length=500, blank=True)
    previous_method = models.CharField(max_length=20, choices=AttendanceMark.Method.choices)
    new_status = models.CharField(max_length=20, choices=AttendanceMark.Status.choices)
    new_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = "attendance mark change"

    def __str__(self):
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


# --- Certificates (issue 6) ---


class CertificateDesign(models.Model):
    """How a programme's certificates look: the wording, who signs them (name, role and a
    picture of the signature) and up to two logos. Programme managers edit it in the admin;
    certificates already issued keep the design they were issued with."""

    programme = models.OneToOneField(
        "modules.ProgrammePage", on_delete=models.CASCADE, related_name="certificate_design"
    )
    heading = models.CharField(max_length=200, default="Certificate of completion")
    wording = models.TextField(
        default="has completed",
        help_text="Printed between the participant's name and the programme's title.",
    )
    signatory_name = models.CharField(max_length=200, blank=True)
    signatory_role = models.CharField(max_length=200, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    second_logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("programme"),
        FieldPanel("heading"),
        FieldPanel("wording"),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
        FieldPanel("signature"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("second_logo")]),
    ]

    class Meta:
        verbose_name = "certificate design"

    def __str__(self):
        return f"Certificate design: {self.programme.title}"


class CompletionSignOff(models.Model):
    """A facilitator's confirmation that one participant has completed, for programmes whose
    completion rule asks for it."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="completion_sign_off"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "completion sign-off"

    def __str__(self):
        return f"Sign-off for {self.enrolment}"


class CertificateEvent(models.Model):
    """One thing that happened to a certificate: issued, re-issued (with what it said before),
    revoked (with the reason), emailed. Written by the certificate services; never edited."""

    class Action(models.TextChoices):
        ISSUED = "issued", "Issued"
        REISSUED = "reissued", "Re-issued"
        REVOKED = "revoked", "Revoked"
        EMAILED = "emailed", "Emailed"

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    details = models.JSONField(default=dict, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "certificate event"

    def __str__(self):
        return f"{self.get_action_display()}: {self.certificate} ({self.at:%d %b %Y %H:%M})"


class CertificateBulkIssue(models.Model):
    """A facilitator's confirmed request to issue a closed cohort's certificates, run in the
    background: who was confirmed, and how far the run has got."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="certificate_runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The enrolments shown on the preview and confirmed; each is checked again when issued.
    enrolment_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "bulk certificate issue"

    def __str__(self):
        return f"Certificates for {self.cohort} ({self.get_status_display()})"

    @property
    def percent(self):
        return 100 if not self.total else round(100 * self.processed / self.total)

    @property
    def is_done(self):
        return self.status in (self.Status.FINISHED, self.Status.FAILED)


def new_calendar_token():
    """256 random bits, URL-safe: the only thing that protects a private calendar feed."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A private calendar address (iCalendar) one person subscribes to from Outlook, Google or
    Apple Calendar: all their own cohort sessions, or (with a cohort) one cohort's sessions.

    Anyone holding the address can read the feed without signing in, so it is a long random
    token the person can reset at any time; what it shows is checked against their access
    each time it is fetched.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
        help_text="Empty for the person's own feed of all their sessions.",
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(default=timezone.now)
    reset_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "calendar feed"
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(cohort__isnull=True),
                name="cohorts_calendarfeed_one_personal_feed",
            ),
            models.UniqueConstraint(
                fields=["user", "cohort"],
                condition=models.Q(cohort__isnull=False),
                name="cohorts_calendarfeed_one_per_cohort",
            ),
        ]

    def __str__(self):
        return f"Calendar for {self.user}" + (f": {self.cohort}" if self.cohort_id else "")


class SessionReminder(models.Model):
    """An email reminding one participant of one cohort session, a week or a day before it.

    The row is created (unique per enrolment, session and kind) before the email is sent, so
    a reminder run that repeats, or two that overlap, never send the same reminder twice.
    """

    class Kind(models.TextChoices):
        WEEK = "week", "A week before"
        DAY = "day", "The day before"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="session_reminders"
    )
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "session reminder"
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session", "kind"],
                name="cohorts_reminder_once_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["week", "day"]),
                name="cohorts_reminder_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.session} for {self.enrolment.participant}"
