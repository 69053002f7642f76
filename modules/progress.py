"""Module progress: what one participant has done with one module."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ModuleProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class ModuleProgress(models.Model):
    """What one participant has done with one module: opened, completed, reflections answered.

    Reflections are private to the participant; others see only whether they were answered.
    """

    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(
        "modules.ModulePage", on_delete=models.CASCADE, related_name="progress"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    reflections = models.JSONField(
        default=dict, blank=True, help_text="Answers keyed by the activity block's id."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ModuleProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "module progress"
        verbose_name_plural = "module progress"
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "module"], name="modules_progress_one_per_participant"
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.module}"

    @property
    def is_complete(self):
        return self.completed_at is not None
