"""Certificates: what each says (frozen when issued), their history, each programme's design,
and a closed cohort's bulk issue runs."""

import secrets
from base64 import b32encode

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin

from ..querysets import CertificateQuerySet
from .cohorts import LONDON, Cohort
from .enrolment import Enrolment


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
    # Issue 21: until when it is current (none: it never expires), frozen when issued from the
    # programme's completion rule, and when it was last renewed (its current period began).
    expires_on = models.DateField(null=True, blank=True, editable=False)
    renewed_at = models.DateTimeField(null=True, blank=True, editable=False)
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

    def has_expired(self, today=None):
        """Whether its expiry date has passed (a certificate without one never expires)."""
        if self.expires_on is None:
            return False
        return self.expires_on < (today or timezone.localdate())

    @property
    def is_expired(self):
        return self.has_expired()

    @property
    def current_since(self):
        """When its current period began: the first issue, or the latest renewal."""
        return self.renewed_at or self.issued_at

    @property
    def completed_label(self):
        """How a holder's completion reads everywhere (home, completion page, grid, the
        nominator's lists): "Completed, certificate issued on 3 March 2026"."""
        issued = timezone.localtime(self.issued_at, LONDON)
        return f"Completed, certificate issued on {issued.day} {issued:%B %Y}"

    @property
    def display_code(self):
        code = self.verification_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class CertificateDesign(PreviewableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """How a programme's certificates look: the wording, the layout (landscape or portrait, with
    or without a signature block and logos), who signs them (name, role and a picture of the
    signature) and up to two logos. Programme managers edit it in the admin with a live PDF
    preview, and publish it once its checks pass (`cohorts.certificates.designs`); certificates
    use the published version, and those already issued keep the design they were issued with."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", "Landscape"
        PORTRAIT = "portrait", "Portrait"

    programme = models.OneToOneField(
        "modules.ProgrammePage", on_delete=models.CASCADE, related_name="certificate_design"
    )
    heading = models.CharField(max_length=200, default="Certificate of completion")
    wording = models.TextField(
        default="has completed",
        help_text="Printed between the participant's name and the programme's title.",
    )
    orientation = models.CharField(
        max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    signature_block = models.BooleanField(
        "print a signature block",
        default=True,
        help_text="The signatory's signature, name and role. Needs all three to publish.",
    )
    show_logos = models.BooleanField(
        "print logos", default=True, help_text="Needs at least the first logo to publish."
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
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="certificatedesign")

    panels = [
        FieldPanel("programme"),
        FieldPanel("heading"),
        FieldPanel("wording"),
        MultiFieldPanel(
            [
                FieldPanel("orientation"),
                FieldRowPanel([FieldPanel("signature_block"), FieldPanel("show_logos")]),
            ],
            heading="Layout",
        ),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
        FieldPanel("signature"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("second_logo")]),
        HelpPanel(
            "The preview prints the longest name on this programme and a right-to-left name. "
            "Save a draft as often as you like; publishing checks the logos are not too large "
            "and that a layout with a signature block has its signature."
        ),
    ]

    class Meta:
        verbose_name = "certificate design"

    def __str__(self):
        return f"Certificate design: {self.programme.title}"

    @property
    def revisions(self):
        return self._revisions

    # The preview is a PDF, made by the admin's own preview view (cohorts.viewsets).
    preview_modes = [("", "PDF with sample names")]


class CertificateEvent(models.Model):
    """One thing that happened to a certificate: issued, re-issued (with what it said before),
    revoked (with the reason), emailed. Written by the certificate services; never edited."""

    class Action(models.TextChoices):
        ISSUED = "issued", "Issued"
        REISSUED = "reissued", "Re-issued"
        REVOKED = "revoked", "Revoked"
        RENEWED = "renewed", "Renewed"
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
