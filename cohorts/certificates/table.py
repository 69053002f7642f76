"""The completion page's table: each participant's standing, certificate and actions, rendered
once for a list of enrolments and kept in the cache under the version of the cohort's record
(`cohorts.record_versions`), the clock's part of the standings (`completion.schedule`), today
(a certificate's expiry), whether the viewer may issue certificates, and the very enrolments
listed (so a nominator, who sees their own officers, is never shown someone else's list).
Nothing else of the viewer is in it: each form's CSRF token is a placeholder, the viewer's own
put in when the rows are read (`cohorts.kept_html`)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from kept.parts import CSRF_PLACEHOLDER, digest, with_viewers_token

from ..completion.schedule import held_so_far, kept_schedules
from ..completion.standing import standings_for
from ..models import Certificate, Enrolment
from ..record_versions import cached_for_cohorts, cohort_record_versions

ROWS_TEMPLATE = "cohorts/certificates/_completion_rows.html"


@dataclass
class CompletionTable:
    rows: str  # HTML, safe
    has_certificates: bool  # a valid certificate to download (asked only of those who issue)


ORDER = ("participant__last_name", "participant__first_name", "pk")


def completion_list(user, cohort, *, versions, sees_everyone):
    """The ids, in the table's order, of the cohort's enrolments on its completion page: those
    taking part or who took part, of those the viewer may see. Whoever may run the cohort sees
    everyone on it (as `Enrolment.visible_to` gives them; the grid's "everyone" is the same),
    so their list is the same for all of them and kept under the cohort's `versions` (moved by
    an enrolment, its status or a person's name); anyone else's (a nominator's own officers)
    is read afresh."""
    on_cohort = Enrolment.objects.filter(cohort=cohort).active()
    if sees_everyone:
        return cached_for_cohorts(
            "completion-list",
            [cohort],
            lambda cohorts: {
                cohort.pk: list(on_cohort.order_by(*ORDER).values_list("pk", flat=True))
            },
            versions=versions,
        )[cohort.pk]
    # Scoped to the cohort inside as well, so the database reads the cohort's enrolments, not
    # all the viewer may see across every cohort.
    visible = Enrolment.objects.filter(cohort=cohort).visible_to(user)
    return (
        on_cohort.filter(pk__in=visible.values("pk")).order_by(*ORDER).values_list("pk", flat=True)
    )


def completion_table(
    request, cohort, enrolment_ids, *, queryset, can_issue, now=None, versions=None
):
    """The table of these enrolments of one cohort (ids in the page's order); `queryset` loads
    them, with participant, organisation, cohort and certificate, for a table not kept."""
    now = now or timezone.now()
    versions = versions or cohort_record_versions([cohort.pk])
    sessions = kept_schedules([cohort], versions=versions)[cohort.pk]
    listed = digest(enrolment_ids)
    clock = f"{held_so_far(cohort, sessions, now)}:{timezone.localdate(now)}"

    def compute(cohorts):
        found = {
            e.pk: e
            for e in queryset.select_related("completion_sign_off").filter(pk__in=enrolment_ids)
        }
        enrolments = [found[pk] for pk in enrolment_ids if pk in found]
        has_certificates = (
            can_issue and Certificate.objects.valid().filter(enrolment__cohort=cohort).exists()
        )
        return {cohort.pk: (_rendered(enrolments, sessions, can_issue, now), has_certificates)}

    rows, has_certificates = cached_for_cohorts(
        "completion-table",
        [cohort],
        compute,
        extra=lambda c: f"{clock}:{can_issue}:{listed}",
        versions=versions,
    )[cohort.pk]
    return CompletionTable(
        rows=with_viewers_token(request, rows), has_certificates=has_certificates
    )


def _rendered(enrolments, sessions, can_issue, now):
    if not enrolments:
        return ""
    standings = standings_for(enrolments, sessions=sessions, now=now)
    rows = [(standings[e.pk], getattr(e, "certificate", None)) for e in enrolments]
    return render_to_string(
        ROWS_TEMPLATE, {"rows": rows, "can_issue": can_issue, "csrf_token": CSRF_PLACEHOLDER}
    )
