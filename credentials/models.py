"""What the credentials app keeps: the academy's signing keys, the Open Badges credential made
for each edition of a certificate, and the expiry reminders sent."""

import uuid as uuid_module

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from cohorts.models import Certificate


class SigningKey(models.Model):
    """One of the academy's key pairs for signing credentials (ES256, P-256). One signs at a
    time; a rotated key is retired but its public half stays published, so the credentials it
    signed still verify. The private half is stored encrypted (`credentials.keys`) and is never
    shown anywhere."""

    thumbprint = models.CharField(max_length=64, unique=True, editable=False)
    algorithm = models.CharField(max_length=10, default="ES256", editable=False)
    public_jwk = models.JSONField(editable=False)
    private_key = models.TextField(editable=False)  # Encrypted PEM (Fernet).
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    retired_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["algorithm"],
                condition=Q(retired_at__isnull=True),
                name="credentials_one_signing_key_at_a_time",
            )
        ]

    def __str__(self):
        return f"Signing key {self.thumbprint[:12]} ({'retired' if self.retired_at else 'in use'})"


class CredentialQuerySet(models.QuerySet):
    def withdrawn(self):
        """Credentials a verifier must not accept: their certificate was revoked, or replaced
        by a later edition (a corrected name, a renewal). The one rule the status list, the
        checking page and the holder's download all use."""
        return self.filter(
            Q(certificate__revoked_at__isnull=False) | Q(edition__lt=F("certificate__edition"))
        )


class Credential(models.Model):
    """The Open Badges 3.0 credential for one edition of a certificate: its identifiers, dates,
    the programme as an Achievement (frozen when it was made) and its place in the status list.
    What it says about the holder comes from the certificate's frozen fields when it is signed."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="credentials", editable=False
    )
    edition = models.PositiveSmallIntegerField(editable=False)
    uuid = models.UUIDField(default=uuid_module.uuid4, unique=True, editable=False)
    subject_uuid = models.UUIDField(default=uuid_module.uuid4, editable=False)
    valid_from = models.DateTimeField(editable=False)
    valid_until = models.DateTimeField(null=True, blank=True, editable=False)
    awarded_at = models.DateTimeField(editable=False)
    achievement = models.JSONField(editable=False)
    status_list = models.PositiveSmallIntegerField(default=1, editable=False)
    status_index = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "edition"], name="credentials_one_per_edition"
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credentials_unique_status_entry"
            ),
        ]

    def __str__(self):
        return f"Credential urn:uuid:{self.uuid} (edition {self.edition})"

    @property
    def urn(self):
        return f"urn:uuid:{self.uuid}"


class ExpiryReminder(models.Model):
    """One reminder that a certificate is about to expire, to its holder and their nominator:
    at most one of each kind for each expiry date (a renewal brings a new date, and new
    reminders)."""

    class Kind(models.IntegerChoices):
        NINETY_DAYS = 90, "90 days before"
        THIRTY_DAYS = 30, "30 days before"

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="expiry_reminders"
    )
    expires_on = models.DateField()
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "expires_on", "kind"],
                name="credentials_one_expiry_reminder_of_each_kind",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} expiry reminder for {self.certificate}"
