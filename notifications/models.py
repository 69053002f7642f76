"""What the programme team words (`NotificationWording`, a snippet per programme and kind) and
what was sent (`Notification`, one row per notification per recipient)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import PreviewableMixin

from .kinds import get_kind, kind_choices, registered_kinds
from .panels import PlaceholdersPanel
from .querysets import NotificationQuerySet
from .rendering import render_email
from .wording import validate_wording


class NotificationWording(PreviewableMixin, models.Model):
    """One programme's own subject and body for one kind of notification. A kind a programme
    has not worded is sent with the kind's default wording. Placeholders in braces are filled in
    when the notification is sent; a placeholder the kind does not have is refused on save."""

    programme = models.ForeignKey(
        "modules.ProgrammePage", on_delete=models.CASCADE, related_name="notification_wordings"
    )
    kind = models.CharField("notification", max_length=50, choices=kind_choices)
    subject = models.CharField(max_length=250)
    body = models.TextField(
        help_text="Plain text. A blank line starts a new paragraph; lines starting with “- ” "
        "become a list; web addresses become links."
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("programme"),
        FieldPanel("kind"),
        PlaceholdersPanel(),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "notification wording"
        ordering = ["programme__title", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind"], name="notifications_wording_one_per_kind"
            )
        ]

    def __str__(self):
        label = dict(kind_choices()).get(self.kind, self.kind)
        return f"{label} ({self.programme.title})" if self.programme_id else label

    @property
    def kind_definition(self):
        return registered_kinds().get(self.kind)

    def clean(self):
        super().clean()
        kind = self.kind_definition
        if kind is None:
            return
        errors = {}
        for name in ("subject", "body"):
            try:
                validate_wording(getattr(self, name), kind.placeholders)
            except ValidationError as error:
                errors[name] = error.messages
        if errors:
            raise ValidationError(errors)

    # The admin's preview: the email as sent, filled in with the kind's sample values.
    def get_preview_template(self, request, mode_name):
        return "notifications/admin/wording_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        kind = get_kind(self.kind) if self.kind in registered_kinds() else None
        if kind is not None:
            context["email"] = render_email(
                kind=kind, values=kind.sample, subject=self.subject, body=self.body
            )
            context["kind"] = kind
        return context


class Notification(models.Model):
    """One notification to one person: which kind, about what (`key`, unique per kind and
    recipient, so asking again never sends twice), when it was sent or why it failed. What it
    said is not kept: some carry a sign-in link, which is a credential."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Delivered"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=50)
    key = models.CharField(max_length=200)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The participant it is about, when it is about one (their nominator sees it).",
    )
    programme = models.ForeignKey(
        "modules.ProgrammePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_email = models.EmailField()
    subject = models.CharField(max_length=250, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "recipient"], name="notifications_once_per_recipient"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sending", "sent", "failed"]),
                name="notifications_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "created_at"], name="notifications_to_at")]

    def __str__(self):
        return f"{self.kind_label} to {self.to_email}"

    @property
    def kind_label(self):
        return dict(kind_choices()).get(self.kind, self.kind)
