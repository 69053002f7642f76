from django.db import models


class ScheduledJobRun(models.Model):
    """When a scheduled job last ran and how it went: one row per job, which is also the lock
    that stops two schedulers running the same job at once."""

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=100, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "scheduled job run"

    def __str__(self):
        return self.name
