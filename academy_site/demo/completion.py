"""Last year's Kent cohort comes to an end: the programme manager closes it, the facilitator
signs off those who did everything else the completion rule asks (`completion_sign_off`), then
issues the certificates of everyone the bulk issue's preview lists (`certificate_issue`, with
the real PDF). Nobody who falls short of the rule gets one. The certificates are dated ten days
after the cohort ended and were not emailed (the demo cannot send email last year)."""

import datetime as dt

from cohorts.certificates.bulk import certificate_bulk_issue_preview
from cohorts.certificates.services import certificate_issue
from cohorts.completion.services import completion_sign_off
from cohorts.completion.standing import standings_for
from cohorts.models import Cohort, Enrolment
from cohorts.setup.services import cohort_status_set

from .world import london


def build(world):
    cohort = cohort_status_set(cohort=world.cohorts["closed"], status=Cohort.Status.CLOSED)
    world.cohorts["closed"] = cohort
    signed_at = london(cohort.ends_on + dt.timedelta(days=5), 14)
    enrolments = Enrolment.objects.active().filter(cohort=cohort).select_related("participant")
    for standing in standings_for(enrolments).values():
        if standing.sessions_ok and not standing.modules_missing:
            completion_sign_off(
                enrolment=standing.enrolment, signed_off_by=world.facilitator, now=signed_at
            )
    issued_at = london(cohort.ends_on + dt.timedelta(days=10), 10)
    for standing in certificate_bulk_issue_preview(cohort=cohort).will_get:
        certificate_issue(
            enrolment=standing.enrolment,
            issued_by=world.facilitator,
            standing=standing,
            notify=False,
            now=issued_at,
        )
