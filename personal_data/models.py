import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def _person(prefix, text):
    return (
        Q(**{f"{prefix}__email__icontains": text})
        | Q(**{f"{prefix}__first_name__icontains": text})
        | Q(**{f"{prefix}__last_name__icontains": text})
    )


class PersonalDataAccessQuerySet(models.QuerySet):
    def search(self, *, action="", actor="", subject="", text="", date_from=None, date_to=None):
        """The log narrowed by what was done, by whom (email or name), to whose data, words in
        its description, and a range of days (UK dates, both ends included)."""
        rows = self
        if action:
            rows = rows.filter(action=action)
        if actor:
            rows = rows.filter(_person("actor", actor.strip()))
        if subject:
            rows = rows.filter(_person("subject", subject.strip()))
        if text:
            rows = rows.filter(description__icontains=text.strip())
        tz = timezone.get_current_timezone()
        if date_from:
            rows = rows.filter(at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
        if date_to:
            after = date_to + dt.timedelta(days=1)
            rows = rows.filter(at__lt=dt.datetime.combine(after, dt.time.min, tzinfo=tz))
        return rows


class PersonalDataAccess(models.Model):
    """Who looked at or took away personal data in bulk, and when: a cohort's people page, an
    attendance export, a person's own data download, an erasure. Kept so a programme manager
    can answer "who has seen my data?"; written by `personal_data_access_record`, never edited.

    Moved here from `accounts`; the table keeps its name."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        EXPORTED = "exported", "Exported"
        ERASED = "erased", "Erased"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    # What was seen, in words ("Attendance export (xlsx) of Kent 2026"), and a stable key for it.
    description = models.CharField(max_length=300)
    object_key = models.CharField(max_length=100, blank=True, db_index=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The one person whose data it was, when it was one person's.",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PersonalDataAccessQuerySet.as_manager()

    class Meta:
        db_table = "accounts_personaldataaccess"
        ordering = ["-at", "-pk"]
        verbose_name = "personal data access"
        verbose_name_plural = "personal data access log"

    def __str__(self):
        return f"{self.actor or 'Someone'} {self.get_action_display().lower()}: {self.description}"


def personal_data_access_record(*, actor, action, description, object_key="", subject=None):
    """Note that `actor` viewed, exported or erased personal data (one row per occasion)."""
    return PersonalDataAccess.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        description=description[:300],
        object_key=object_key[:100],
        subject=subject,
    )
