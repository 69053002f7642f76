"""What a programme asks for a certificate (its completion rule, including which attendance
marks count as attending), a facilitator's sign-off of one participant, and the history of
sign-offs given and withdrawn."""

import calendar
import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .attendance import AttendanceMark
from .enrolment import Enrolment


def attended_statuses(rule=None):
    """The attendance marks that count as attending a cohort session: present, and late or left
    early when the programme's completion rule says they count (both do without a rule).

    The one definition of "attended": Python asks `status in attended_statuses(rule)`, and SQL
    filters `status__in=attended_statuses(rule)`, so the register, standings, grids, reports,
    at-risk warnings and certificates can never count differently."""
    Status = AttendanceMark.Status
    statuses = {Status.PRESENT}
    if rule is None or rule.late_counts:
        statuses.add(Status.LATE)
    if rule is None or rule.left_early_counts:
        statuses.add(Status.LEFT_EARLY)
    return frozenset(statuses)


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
    # Issue 21: how long a certificate stays current, and how a holder renews it without
    # another cohort (a fresh certificate on a later cohort always renews it too).
    certificate_valid_for_months = models.PositiveSmallIntegerField(
        "certificates stay current for (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="Leave empty for certificates that never expire.",
    )
    refresher_modules = models.ManyToManyField(
        "modules.ModulePage",
        blank=True,
        related_name="+",
        verbose_name="refresher modules",
        help_text="Completing all of these online, in the 90 days before a certificate expires "
        "or after, renews it for another period. Leave empty to renew only on a later cohort.",
    )
    certificates_after_end = models.BooleanField(
        "certificates only once the cohort has ended",
        default=False,
        help_text="Hold certificates back until the cohort is closed or past its end date, "
        "even for people who already meet the rest of the rule.",
    )

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("min_sessions_attended"), FieldPanel("min_share_attended")]),
        FieldRowPanel([FieldPanel("late_counts"), FieldPanel("left_early_counts")]),
        FieldPanel("required_modules"),
        FieldPanel("facilitator_sign_off"),
        FieldPanel("certificates_after_end"),
        MultiFieldPanel(
            [FieldPanel("certificate_valid_for_months"), FieldPanel("refresher_modules")],
            heading="Expiry and renewal",
        ),
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

    def attended_statuses(self):
        """The attendance marks that count as attending under this rule."""
        return attended_statuses(self)

    def certificate_expiry(self, current_from: dt.date) -> dt.date | None:
        """When a certificate whose current period begins on `current_from` expires: that many
        months on (the last day of a shorter month), or None when certificates never expire."""
        months = self.certificate_valid_for_months
        if not months:
            return None
        month_index = current_from.month - 1 + months
        year, month = current_from.year + month_index // 12, month_index % 12 + 1
        return dt.date(year, month, min(current_from.day, calendar.monthrange(year, month)[1]))

    def sessions_needed(self, scheduled_sessions):
        """How many sessions a participant must attend out of the cohort's scheduled ones."""
        needed = [0]
        if self.min_sessions_attended is not None:
            needed.append(self.min_sessions_attended)
        if self.min_share_attended is not None:
            # Round up: 75% of 6 sessions is 5 sessions, not 4.
            needed.append(-(-scheduled_sessions * self.min_share_attended // 100))
        return min(max(needed), scheduled_sessions)


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


class CompletionSignOffEvent(models.Model):
    """A sign-off given or withdrawn: who, when and, for a withdrawal, why. Written by the
    sign-off services (`cohorts.completion.services`); never edited. A withdrawn sign-off is
    gone from the enrolment, and its record stays here."""

    class Action(models.TextChoices):
        SIGNED_OFF = "signed-off", "Signed off"
        WITHDRAWN = "withdrawn", "Sign-off withdrawn"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="sign_off_events"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True, max_length=1000)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "sign-off event"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action="withdrawn") | ~models.Q(reason=""),
                name="cohorts_sign_off_withdrawal_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.enrolment} ({self.at:%d %b %Y %H:%M})"
