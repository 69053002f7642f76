"""Issuing a closed cohort's certificates in one go: a preview of who will and will not get
one (and why), the facilitator's confirmed request, and the background run that issues them."""

from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ..completion.standing import standings_for
from ..models import Certificate, CertificateBulkIssue, Cohort, Enrolment
from .emails import notify_on_commit
from .pdf import design_for
from .services import certificate_issue


@dataclass
class BulkIssuePreview:
    """Who would get a certificate if the facilitator confirms, who would not and why, and who
    has one already. Nothing is issued or sent until they confirm."""

    cohort: Cohort
    will_get: list = field(default_factory=list)
    will_not: list = field(default_factory=list)
    already: list = field(default_factory=list)

    @property
    def enrolment_ids(self):
        return sorted(s.enrolment.pk for s in self.will_get)


def certificate_bulk_issue_preview(*, cohort: Cohort) -> BulkIssuePreview:
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("participant", "cohort__programme", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    certified = set(
        Certificate.objects.filter(enrolment__cohort=cohort).values_list("enrolment_id", flat=True)
    )
    preview = BulkIssuePreview(cohort=cohort)
    standings = standings_for([e for e in enrolments if e.pk not in certified])
    for enrolment in enrolments:
        if enrolment.pk in certified:
            preview.already.append(enrolment)
        elif standings[enrolment.pk].meets_rule:
            preview.will_get.append(standings[enrolment.pk])
        else:
            preview.will_not.append(standings[enrolment.pk])
    return preview


def certificate_bulk_issue(
    *, cohort: Cohort, requested_by, enrolment_ids: list[int]
) -> CertificateBulkIssue:
    """Start issuing a closed cohort's certificates in the background, for exactly the people
    the facilitator was shown and confirmed. If the list has changed since, nothing starts."""
    if cohort.status != Cohort.Status.CLOSED:
        raise ValidationError("Certificates are issued in bulk once the cohort has closed.")
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).exists()
        if cohort.certificate_runs.filter(
            status__in=[CertificateBulkIssue.Status.QUEUED, CertificateBulkIssue.Status.RUNNING]
        ).exists():
            raise ValidationError("Certificates for this cohort are already being issued.")
        current = certificate_bulk_issue_preview(cohort=cohort).enrolment_ids
        if sorted(enrolment_ids) != current:
            raise ValidationError(
                "Who meets the completion rule has changed since you looked: check the list again."
            )
        if not current:
            raise ValidationError("Nobody on this cohort is waiting for a certificate.")
        job = CertificateBulkIssue(
            cohort=cohort, requested_by=requested_by, enrolment_ids=current, total=len(current)
        )
        job.full_clean(exclude=["cohort", "requested_by"])
        job.save()
        transaction.on_commit(partial(certificate_bulk_issue_run.enqueue, job_id=job.pk))
    return job


def certificate_bulk_issue_process(*, job: CertificateBulkIssue, chunk_size: int = 25) -> None:
    """Issue each confirmed certificate in its own transaction, counting progress as it goes,
    then email everyone issued in one batch. Holds one chunk of enrolments at a time, and no
    PDF longer than it takes to store it, so memory stays flat however large the cohort."""
    CertificateBulkIssue.objects.filter(pk=job.pk).update(
        status=CertificateBulkIssue.Status.RUNNING
    )
    issued_ids, processed, issued, skipped = [], 0, 0, 0
    design = design_for(job.cohort.programme_id) or False
    ids = list(job.enrolment_ids)
    try:
        for start in range(0, len(ids), chunk_size):
            chunk = list(
                Enrolment.objects.filter(pk__in=ids[start : start + chunk_size]).select_related(
                    "participant", "cohort__programme", "cohort__place"
                )
            )
            standings = standings_for(chunk)
            for enrolment in chunk:
                # One transaction per certificate, its progress counted in the same commit.
                with transaction.atomic():
                    try:
                        certificate = certificate_issue(
                            enrolment=enrolment,
                            issued_by=job.requested_by,
                            standing=standings[enrolment.pk],
                            design=design,
                            notify=False,
                        )
                    except ValidationError:
                        skipped += 1  # Issued meanwhile, or no longer meets the rule.
                    else:
                        issued += 1
                        issued_ids.append(certificate.pk)
                    processed += 1
                    CertificateBulkIssue.objects.filter(pk=job.pk).update(
                        processed=processed, issued=issued, skipped=skipped
                    )
            skipped += len(ids[start : start + chunk_size]) - len(chunk)  # Deleted meanwhile.
    except Exception as error:
        CertificateBulkIssue.objects.filter(pk=job.pk).update(
            status=CertificateBulkIssue.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    finally:
        if issued_ids:
            notify_on_commit(issued_ids)
    CertificateBulkIssue.objects.filter(pk=job.pk).update(
        status=CertificateBulkIssue.Status.FINISHED,
        finished_at=timezone.now(),
        processed=len(ids),
        skipped=len(ids) - issued,
    )


@task()
def certificate_bulk_issue_run(job_id: int):
    """Issue the certificates a facilitator confirmed, updating the run's progress as it goes."""
    job = CertificateBulkIssue.objects.select_related("cohort", "requested_by").get(pk=job_id)
    if job.status != CertificateBulkIssue.Status.QUEUED:
        return 0  # Already run (a retried task must not issue twice).
    certificate_bulk_issue_process(job=job)
    return CertificateBulkIssue.objects.get(pk=job_id).issued
