"""Keep each programme's editors group in step with the facilitators of its cohorts.

The rule itself is `modules.services.programme_editors_sync`; these receivers only say when to
apply it: a cohort's facilitators change, a cohort is saved (it may have moved programme) or a
cohort is deleted. Connected in `CohortsConfig.ready()`."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from modules.models import ProgrammePage
from modules.services import programme_editors_sync

from .models import Cohort


def _sync(programme_ids):
    for programme in ProgrammePage.objects.filter(pk__in=set(programme_ids)):
        programme_editors_sync(programme=programme)


def _remember_old_programme(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    instance._programme_before_save = (
        sender.objects.filter(pk=instance.pk).values_list("programme_id", flat=True).first()
    )


def _cohort_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    ids = {instance.programme_id, getattr(instance, "_programme_before_save", None)} - {None}
    _sync(ids)


def _cohort_deleted(sender, instance, **kwargs):
    _sync([instance.programme_id])


def _facilitators_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if not reverse:
        _sync([instance.programme_id])
        return
    # user.facilitated_cohorts.add(...): `instance` is the user; after a clear we no longer know
    # which cohorts they left, so resynchronise every programme whose editors include them.
    if action == "pre_clear":
        instance._facilitated_programmes_before_clear = set(
            Cohort.objects.filter(facilitators=instance).values_list("programme_id", flat=True)
        )
        return
    if action == "post_clear":
        _sync(getattr(instance, "_facilitated_programmes_before_clear", set()))
        return
    _sync(Cohort.objects.filter(pk__in=pk_set or []).values_list("programme_id", flat=True))


def connect():
    pre_save.connect(
        _remember_old_programme, sender=Cohort, dispatch_uid="cohorts-programme-editors-pre"
    )
    post_save.connect(_cohort_saved, sender=Cohort, dispatch_uid="cohorts-programme-editors-saved")
    post_delete.connect(
        _cohort_deleted, sender=Cohort, dispatch_uid="cohorts-programme-editors-deleted"
    )
    m2m_changed.connect(
        _facilitators_changed,
        sender=Cohort.facilitators.through,
        dispatch_uid="cohorts-programme-editors-facilitators",
    )
