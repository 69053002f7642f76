"""Calendars: each person's private calendar feed addresses. (Session reminders already sent are
notifications, in the notifications app.)"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .cohorts import Cohort


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
