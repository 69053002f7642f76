from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


def normalise_email(email):
    """Emails are matched without regard to case or surrounding spaces."""
    return (email or "").strip().lower()


class UserManager(DjangoUserManager):
    def get_by_email(self, email):
        return self.get(email__iexact=normalise_email(email))

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        email = normalise_email(email)
        return super().create_user(username or email, email, password, **extra_fields)

    def create_superuser(self, username=None, email=None, password=None, **extra_fields):
        email = normalise_email(email)
        return super().create_superuser(username or email, email, password, **extra_fields)


class User(AbstractUser):
    """Anyone who signs in: a participant, nominator, facilitator or programme manager.

    People sign in with their email address, which is unique whatever its case. The name is
    kept exactly as the person writes it (any script), because certificates print it.
    """

    email = models.EmailField("email address", max_length=254)
    job_title = models.CharField(max_length=200, blank=True)
    team = models.CharField(max_length=200, blank=True)
    # Set when the person's details were erased (on request or after the retention period): the
    # account stays, anonymised, so attendance and enrolment statistics still add up.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_unique_ci"),
            models.CheckConstraint(
                condition=~models.Q(email=""), name="accounts_user_email_not_blank"
            ),
        ]

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def __str__(self):
        return self.get_full_name() or self.email


class PersonalDataAccess(models.Model):
    """Who looked at or took away personal data in bulk, and when: a cohort's people page, an
    attendance export, a person's own data download, an erasure. Kept so a programme manager
    can answer "who has seen my data?"; written by `personal_data_access_record`, never edited."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        EXPORTED = "exported", "Exported"
        ERASED = "erased", "Erased"

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    # What was seen, in words ("Attendance export (xlsx) of Kent 2026"), and a stable key for it.
    description = models.CharField(max_length=300)
    object_key = models.CharField(max_length=100, blank=True, db_index=True)
    subject = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The one person whose data it was, when it was one person's.",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
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
