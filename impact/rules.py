"""The rules of evidence of impact, each in one place: when a participant rates themselves
(before, after), when a cohort session is open for feedback, and the smallest group whose
results are shown (the suppression rule)."""

import datetime as dt

from django.utils import timezone

from cohorts.models import LONDON, Cohort, Enrolment

from .models import SelfAssessment

Stage = SelfAssessment.Stage

# --- Suppression ------------------------------------------------------------------------------

# Results about fewer people than this are never shown or exported: with four or fewer, people
# who know the group could tell who said what.
MINIMUM_GROUP = 5


def is_reportable(people: int) -> bool:
    """Whether results about a group of `people` may be shown: five or more."""
    return people >= MINIMUM_GROUP


# --- Self-assessment --------------------------------------------------------------------------


def local_today(now=None):
    return timezone.localtime(now or timezone.now(), LONDON).date()


def cohort_has_ended(cohort, today: dt.date) -> bool:
    """A cohort has ended once it is closed or its last day is behind us."""
    return cohort.status == Cohort.Status.CLOSED or cohort.ends_on < today


def assessment_stage_open(enrolment, *, today: dt.date):
    """Which self-assessment a participant gives on this enrolment today, whether or not they
    have given it yet: before, from confirming their place until the cohort ends; after, once
    their enrolment is completed (or not completed) or the cohort has ended. None for anyone
    not taking part (invited, declined, withdrawn...)."""
    if enrolment.status not in Enrolment.ACTIVE:
        return None
    if enrolment.status == Enrolment.Status.CONFIRMED and not cohort_has_ended(
        enrolment.cohort, today
    ):
        return Stage.BEFORE
    return Stage.AFTER


def assessment_due(enrolment, *, given: set, today: dt.date):
    """The stage to ask for now, or None: the open stage, if it is not among `given`."""
    stage = assessment_stage_open(enrolment, today=today)
    return stage if stage and stage not in given else None


# --- Session feedback -------------------------------------------------------------------------

# A cohort session is open for feedback from when it ends for this many days: long enough to
# answer after a holiday, short enough that people still remember it.
FEEDBACK_OPEN_DAYS = 42


def feedback_window(now=None):
    """(earliest end, latest end): the cohort sessions whose feedback is open at `now` are those
    that ended between the two."""
    now = now or timezone.now()
    return now - dt.timedelta(days=FEEDBACK_OPEN_DAYS), now


def session_has_ended(session, now=None) -> bool:
    return session.ends_at <= (now or timezone.now())


def feedback_open(session, now=None) -> bool:
    """Whether a participant may still give feedback on this session at `now`."""
    earliest, latest = feedback_window(now)
    return earliest <= session.ends_at <= latest
