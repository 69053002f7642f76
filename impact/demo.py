"""Evidence of impact in the demo academy (`manage.py load_demo_data` calls `load()` last).

Through the services, as the people themselves would have done it, at the time they would have:
both programmes' capability wording (the Member Leadership Academy's for councillors); before
ratings from everyone who confirmed a place, after ratings and feedback on every session from
the closed Kent cohort; before ratings and feedback from most of the running cohort, and the
attendance checks' warnings to those at risk. The visitor's own participant (`leave_undone`)
has given feedback on earlier sessions but not on the latest, and has not rated themselves, so
someone clicking around finds both waiting on My academy.
"""

import datetime as dt
import random

from cohorts.attendance.at_risk import at_risk_notify
from cohorts.models import AttendanceMark, Cohort, CompletionRule, Enrolment, attended_statuses

from . import capabilities as caps
from . import rules, services
from .models import SelfAssessment

Stage = SelfAssessment.Stage

COUNCILLOR_WORDING = {
    "introduction": (
        "Rate yourself on each of the six things this programme helps senior councillors to "
        "do. There are no right answers: you rate yourself now and again at the end, so you "
        "can see what has changed. Officers never see your own ratings, only totals for groups "
        "of five councillors or more."
    ),
    "capability_1": (
        "I have a realistic understanding of what digital can do for residents, for council "
        "staff and for the council as a whole."
    ),
    "capability_2": (
        "I understand the market for digital services and technologies well enough to "
        "challenge officers and suppliers on value for money."
    ),
    "capability_3": (
        "I can see how digital could change the services my residents use, and I ask what we "
        "know about their needs before we start."
    ),
    "capability_4": (
        "I can point to councils where investment in digital has already delivered real "
        "benefits to residents, businesses and the council."
    ),
    "capability_5": (
        "I recognise the money, people and skills the council needs to put digital into "
        "practice, and I can make the case for them."
    ),
    "capability_6": (
        "I can spot opportunities, in my portfolio and across our partners, where digital "
        "would make a real difference to residents."
    ),
    "point_3_description": "I can follow a discussion about it in committee or cabinet.",
    "point_4_description": (
        "I can lead a discussion about it in the council and hold officers to account for it."
    ),
    "point_5_description": (
        "I could help other councillors with it and champion it with partners across the area."
    ),
}

DO_DIFFERENTLY = [
    "Ask for the user research before I sign off the next business case.",
    "Bring our head of digital into the transformation board from the start.",
    "Map one customer journey across the partners with the fire service and the council.",
    "Stop asking suppliers for a product demo before we know the problem.",
    "Share our safeguarding data with the ICB through the pilot we discussed.",
    "Spend a morning with the contact centre before the channel shift review.",
    "Use the case studies from today in my briefing to the leadership team.",
    "Set up a fortnightly show and tell for the digital team's work.",
    "",
    "",
]
IMPROVE = [
    "More time in the small groups, less in the plenary.",
    "Send the pre-reading a week earlier, please.",
    "The venue was hard to reach by train.",
    "A speaker from a smaller council would help.",
    "The case studies could include more from health.",
    "",
    "",
    "",
]
# (weight of each rating 1 to 5) at the start: most leaders start at 2 or 3.
BEFORE_WEIGHTS = [10, 35, 35, 15, 5]
# How far a rating moves by the end: mostly up by one, sometimes two, sometimes not at all.
GAINS, GAIN_WEIGHTS = [-1, 0, 1, 2], [4, 26, 50, 20]
USEFULNESS_WEIGHTS = [2, 6, 22, 45, 25]


def load(*, digital, members, leave_undone, now):
    """Capability wording for both programmes, then ratings, feedback and at-risk warnings on
    their cohorts. `leave_undone` is the person whose latest tasks are left for a visitor."""
    chance = random.Random(2015)
    services.capability_wording_save(programme=digital)
    services.capability_wording_save(programme=members, **COUNCILLOR_WORDING)
    cohorts = Cohort.objects.filter(programme__in=[digital, members]).order_by("starts_on")
    today = rules.local_today(now)
    for cohort in cohorts:
        enrolments = list(
            Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.ACTIVE)
            .select_related("cohort", "participant")
            .order_by("pk")
        )
        ended = rules.cohort_has_ended(cohort, today)
        for n, enrolment in enumerate(enrolments):
            if enrolment.participant == leave_undone:
                continue
            before = _before_ratings(chance)
            # One in eight did not rate themselves at the start.
            if n % 8 != 7:
                _rate(enrolment, Stage.BEFORE, before, enrolment.created_at, now)
                if ended and n % 6 != 5:  # and most, not all, did at the end
                    after = {c: min(5, max(1, v + _gain(chance))) for c, v in before.items()}
                    end = dt.datetime.combine(cohort.ends_on, dt.time(17), tzinfo=now.tzinfo)
                    _rate(enrolment, Stage.AFTER, after, end + dt.timedelta(days=2), now)
        _feedback(cohort, enrolments, leave_undone, chance, now)
        if cohort.status == Cohort.Status.RUNNING:
            # The demo's marks were loaded in bulk, past the register: run the attendance checks
            # the register would have run, so those at risk are warned (and counted).
            at_risk_notify(cohort_id=cohort.pk, now=now)


def _before_ratings(chance):
    start = chance.choices(caps.SCALE_VALUES, BEFORE_WEIGHTS)[0]
    return {n: min(5, max(1, start + chance.choice([-1, 0, 0, 1]))) for n in caps.NUMBERS}


def _gain(chance):
    return chance.choices(GAINS, GAIN_WEIGHTS)[0]


def _rate(enrolment, stage, ratings, at, now):
    when = min(at + dt.timedelta(days=2, hours=5), now)
    services.self_assessment_submit(enrolment=enrolment, stage=stage, ratings=ratings, now=when)


def _feedback(cohort, enrolments, leave_undone, chance, now):
    """Feedback on each session that has ended, from about four in five of those who attended
    it; the visitor's participant answered every session but the latest."""
    sessions = [s for s in cohort.sessions.order_by("starts_at") if rules.session_has_ended(s, now)]
    if not sessions:
        return
    rule = CompletionRule.objects.filter(programme_id=cohort.programme_id).first()
    attended = {
        (enrolment_id, session_id)
        for enrolment_id, session_id, status in AttendanceMark.objects.filter(
            session__in=sessions
        ).values_list("enrolment_id", "session_id", "status")
        if status in attended_statuses(rule)
    }
    for session in sessions:
        for enrolment in enrolments:
            if (enrolment.pk, session.pk) not in attended:
                continue
            if enrolment.participant == leave_undone:
                if session == sessions[-1]:
                    continue
            elif chance.random() > 0.8:
                continue
            when = min(session.ends_at + dt.timedelta(hours=chance.randint(1, 40)), now)
            services.session_feedback_submit(
                session=session,
                enrolment=enrolment,
                usefulness=chance.choices(caps.SCALE_VALUES, USEFULNESS_WEIGHTS)[0],
                do_differently=chance.choice(DO_DIFFERENTLY),
                improve=chance.choice(IMPROVE),
                now=when,
            )
