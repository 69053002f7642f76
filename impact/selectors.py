"""Reads for participants and facilitators: what a participant is asked to do now (rate
themselves, give feedback), their own ratings, and a cohort's feedback per session and module.
Each works in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from cohorts.models import CohortSession, Enrolment

from . import rules
from .models import CapabilityWording, SelfAssessment, SessionFeedback

Stage = SelfAssessment.Stage
LIST_LIMIT = 20


def wordings_for(programmes) -> dict:
    """{programme id: CapabilityWording} for each programme (the default wording, unsaved, for
    one that has none of its own), in one query."""
    programmes = list(programmes)
    found = {
        w.programme_id: w
        for w in CapabilityWording.objects.filter(programme__in=[p.pk for p in programmes])
    }
    return {p.pk: found.get(p.pk) or CapabilityWording(programme=p) for p in programmes}


def wording_for(programme) -> CapabilityWording:
    return wordings_for([programme])[programme.pk]


# --- What a participant is asked to do ---------------------------------------------------------


@dataclass
class AssessmentPrompt:
    enrolment: Enrolment
    stage: str

    @property
    def label(self):
        return f"Rate your digital leadership ({self.stage})"


@dataclass
class FeedbackPrompt:
    session: CohortSession
    enrolment: Enrolment


@dataclass
class ParticipantTasks:
    assessments: list = field(default_factory=list)
    feedback: list = field(default_factory=list)
    has_ratings: bool = False

    def __bool__(self):
        return bool(self.assessments or self.feedback or self.has_ratings)


def participant_tasks(user, enrolments, *, sessions=None, now=None) -> ParticipantTasks:
    """What `user` is asked to do on `enrolments` (their own, with `cohort` selected): rate
    themselves before or after (impact.rules.assessment_due), and give feedback on each cohort
    session whose feedback is open and that they have not answered. Two queries at most; a
    caller with every session of these enrolments' cohorts in hand passes them as `sessions`,
    and the second is asked only when one of them is open for feedback."""
    active = [e for e in enrolments if e.status in Enrolment.ACTIVE and e.participant_id == user.pk]
    if not active:
        return ParticipantTasks()
    given = defaultdict(set)
    for enrolment_id, stage in SelfAssessment.objects.filter(
        enrolment__in=[e.pk for e in active]
    ).values_list("enrolment_id", "stage"):
        given[enrolment_id].add(stage)
    has_ratings = bool(given)
    today = rules.local_today(now)
    assessments = []
    for enrolment in active:
        stage = rules.assessment_due(enrolment, given=given[enrolment.pk], today=today)
        if stage:
            assessments.append(AssessmentPrompt(enrolment, stage))
    by_cohort = {e.cohort_id: e for e in active}
    if sessions is None:
        answered = SessionFeedback.objects.filter(
            session=OuterRef("pk"), enrolment__participant=user
        )
        sessions = (
            CohortSession.objects.filter(
                cohort_id__in=list(by_cohort), ends_at__range=rules.feedback_window(now)
            )
            .exclude(Exists(answered))
            .order_by("-ends_at", "pk")[:LIST_LIMIT]
        )
    else:
        sessions = _open_for_feedback(user, sessions, cohort_ids=set(by_cohort), now=now)
    return ParticipantTasks(
        assessments=assessments,
        feedback=[FeedbackPrompt(s, by_cohort[s.cohort_id]) for s in sessions],
        has_ratings=has_ratings,
    )


def _open_for_feedback(user, sessions, *, cohort_ids, now):
    """The query above, on sessions in hand: those of these cohorts that ended within the
    feedback window and that `user` has not answered, latest first."""
    earliest, latest = rules.feedback_window(now)
    ended = sorted(
        (s for s in sessions if s.cohort_id in cohort_ids and earliest <= s.ends_at <= latest),
        key=lambda s: s.pk,
    )
    ended.sort(key=lambda s: s.ends_at, reverse=True)
    if not ended:
        return []
    answered = set(
        SessionFeedback.objects.filter(
            session__in=[s.pk for s in ended], enrolment__participant=user
        ).values_list("session_id", flat=True)
    )
    return [s for s in ended if s.pk not in answered][:LIST_LIMIT]


# --- A participant's own ratings ---------------------------------------------------------------


@dataclass
class RatingRow:
    capability: object
    before: object  # a ScalePoint, or None
    after: object

    @property
    def change(self):
        if self.before is None or self.after is None:
            return None
        return self.after.value - self.before.value


@dataclass
class OwnRatings:
    enrolment: Enrolment
    wording: CapabilityWording
    before: SelfAssessment | None
    after: SelfAssessment | None
    due: str | None

    @property
    def rows(self):
        scale = {point.value: point for point in self.wording.scale}
        return [
            RatingRow(
                capability=c,
                before=scale.get(getattr(self.before, c.field_name)) if self.before else None,
                after=scale.get(getattr(self.after, c.field_name)) if self.after else None,
            )
            for c in self.wording.capabilities
        ]


def own_ratings(user, *, now=None) -> list[OwnRatings]:
    """Each cohort `user` takes or took part in, with their own before and after ratings and
    the stage they are asked for now, if any."""
    enrolments = list(
        Enrolment.objects.filter(participant=user, status__in=Enrolment.ACTIVE)
        .select_related("cohort__programme")
        .order_by("-cohort__starts_on", "pk")[:LIST_LIMIT]
    )
    if not enrolments:
        return []
    assessments = defaultdict(dict)
    for assessment in SelfAssessment.objects.filter(enrolment__in=[e.pk for e in enrolments]):
        assessments[assessment.enrolment_id][assessment.stage] = assessment
    wordings = wordings_for({e.cohort.programme for e in enrolments})
    today = rules.local_today(now)
    return [
        OwnRatings(
            enrolment=e,
            wording=wordings[e.cohort.programme_id],
            before=assessments[e.pk].get(Stage.BEFORE),
            after=assessments[e.pk].get(Stage.AFTER),
            due=rules.assessment_due(e, given=set(assessments[e.pk]), today=today),
        )
        for e in enrolments
    ]


# --- A cohort's feedback, for those who run it ------------------------------------------------


@dataclass
class FeedbackResult:
    """The answers about one cohort session, or about every session covering one module."""

    label: str
    scores: list = field(default_factory=list)
    do_differently: list = field(default_factory=list)
    improve: list = field(default_factory=list)
    session: CohortSession | None = None
    has_ended: bool = True

    @property
    def answers(self):
        return len(self.scores)

    @property
    def average(self):
        return round(sum(self.scores) / len(self.scores), 1) if self.scores else None

    @property
    def distribution(self):
        return [
            (value, label, self.scores.count(value))
            for value, label in SessionFeedback.USEFULNESS_LABELS.items()
        ]

    @property
    def comments_shown(self):
        """Free text is shown only when enough people answered that nobody can be told apart
        (each person answers once per session)."""
        return rules.is_reportable(self.answers)


def cohort_feedback(cohort, *, now=None):
    """(per session, per module) results of a cohort's feedback. Free text is kept without
    names, sorted so its order says nothing about who answered when. Three queries."""
    sessions = list(
        CohortSession.objects.filter(cohort=cohort)
        .prefetch_related("modules")
        .order_by("starts_at", "pk")
    )
    per_session = {
        s.pk: FeedbackResult(label=s.title, session=s, has_ended=rules.session_has_ended(s, now))
        for s in sessions
    }
    for session_id, usefulness, do_differently, improve in SessionFeedback.objects.filter(
        session__cohort=cohort
    ).values_list("session_id", "usefulness", "do_differently", "improve"):
        result = per_session[session_id]
        result.scores.append(usefulness)
        if do_differently:
            result.do_differently.append(do_differently)
        if improve:
            result.improve.append(improve)
    per_module = {}
    for session in sessions:
        result = per_session[session.pk]
        result.do_differently.sort(key=str.casefold)
        result.improve.sort(key=str.casefold)
        for module in session.modules.all():
            combined = per_module.setdefault(module.pk, FeedbackResult(label=module.title))
            combined.scores.extend(result.scores)
    return list(per_session.values()), list(per_module.values())
