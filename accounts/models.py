from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower


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
