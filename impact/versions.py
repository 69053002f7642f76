"""A participant's self-assessments and session feedback are part of their cohort's record as
its pages show it (what "My academy" asks of them, the cohort's feedback): saving or deleting
one moves the version of that cohort's record (`cohorts.record_versions`). Connected in
`ImpactConfig.ready()`; the national data set, written in bulk, moves every version itself."""

from django.db.models.signals import post_delete, post_save

from cohorts.models import Enrolment
from cohorts.record_versions import cohort_records_changed

from .models import SelfAssessment, SessionFeedback


def _changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    cohort_records_changed(
        Enrolment.objects.filter(pk=instance.enrolment_id).values_list("cohort_id", flat=True)
    )


def connect():
    for model in (SelfAssessment, SessionFeedback):
        uid = f"impact-cohort-record-{model._meta.model_name}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-deleted")
