from django.conf import settings
from django.db import models
from django.utils import timezone


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
