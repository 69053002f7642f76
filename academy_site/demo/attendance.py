"""Attendance, session by session, for the sessions that have started by the demo's now only:
participants who cannot come send apologies beforehand (`apologies_send`), some check themselves
in at the latest session (`attendance_record`), and the facilitator saves the register forty
minutes in (`register_save`), which keeps a check-in that agrees with it. One mark is corrected
the day after, so the cohort's history shows a change too."""

import datetime as dt

from cohorts.attendance.apologies import apologies_send
from cohorts.attendance.register import attendance_record, register_save
from cohorts.models import AttendanceMark

Status = AttendanceMark.Status
MARK_WEIGHTS = [
    (Status.PRESENT, 80),
    (Status.LATE, 7),
    (Status.LEFT_EARLY, 3),
    (Status.APOLOGIES, 6),
    (Status.ABSENT, 4),
]
MARK_NOTES = {
    Status.LATE: "Arrived 20 minutes late: traffic on the M20.",
    Status.LEFT_EARLY: "Left at the break for an operational call.",
    Status.APOLOGIES: "Sent apologies in advance: operational commitment.",
}
APOLOGY_REASON = "An operational commitment I cannot move: I will catch up from the slides."
CORRECTION_NOTE = "Was at the venue: joined after the break (told me by email)."
# The `participant` login's marks at the running cohort's first four sessions.
PARTICIPANT_MARKS = [Status.PRESENT, Status.PRESENT, Status.LATE, Status.PRESENT]


def build(world):
    running = world.cohorts["running"]
    participant = world.people["participant"]
    plan = {}
    held = world.held(running)
    for enrolment in world.enrolments["running"]:
        if enrolment.participant_id == participant.pk:
            plan[enrolment] = PARTICIPANT_MARKS[: len(held)]
        else:
            plan[enrolment] = [random_status(world) for _ in held]
    keep_registers(world, held, plan, check_in_at_last=True)
    correct_one_mark(world, held, plan)

    closed = world.cohorts["closed"]
    held = world.held(closed)
    attending = {Status.PRESENT, Status.LATE}  # as the Digital Academy's rule counts
    needed = 6  # 75% of eight sessions
    plan = {}
    for enrolment in world.enrolments["closed"]:
        if world.completes[enrolment.pk]:
            statuses = [random_status(world) for _ in held]
            while sum(s in attending for s in statuses) < needed:
                missed = [i for i, s in enumerate(statuses) if s not in attending]
                statuses[world.random.choice(missed)] = Status.PRESENT
        else:
            statuses = [Status.PRESENT] * 4 + [
                Status.APOLOGIES,
                Status.ABSENT,
                Status.ABSENT,
                Status.APOLOGIES,
            ]
        plan[enrolment] = statuses
    keep_registers(world, held, plan)


def random_status(world):
    statuses, weights = zip(*MARK_WEIGHTS, strict=True)
    return world.random.choices(statuses, weights)[0]


def keep_registers(world, sessions, plan, *, check_in_at_last=False):
    """Each session in turn: apologies sent three days before, check-ins in the first quarter
    of an hour (at the last session only), then the register."""
    for n, session in enumerate(sessions):
        statuses = {enrolment: planned[n] for enrolment, planned in plan.items()}
        for enrolment, status in statuses.items():
            if status == Status.APOLOGIES:
                apologies_send(
                    enrolment=enrolment,
                    session=session,
                    reason=APOLOGY_REASON,
                    now=session.starts_at - dt.timedelta(days=3),
                )
        if check_in_at_last and n == len(sessions) - 1:
            for minutes, (enrolment, status) in enumerate(statuses.items()):
                if status == Status.PRESENT and minutes % 3 == 0:
                    attendance_record(
                        enrolment=enrolment,
                        session=session,
                        status=Status.PRESENT,
                        method=AttendanceMark.Method.SELF_CHECK_IN,
                        recorded_by=enrolment.participant,
                        now=min(session.starts_at + dt.timedelta(minutes=minutes % 15), world.now),
                    )
        register_save(
            session=session,
            entries={e.pk: (status, MARK_NOTES.get(status, "")) for e, status in statuses.items()},
            recorded_by=world.facilitator,
            now=min(session.starts_at + dt.timedelta(minutes=40), world.now),
        )


def correct_one_mark(world, sessions, plan):
    """The first officer marked absent at a session before the last one told the facilitator
    they were there after all: the facilitator corrects the register the next day."""
    for n, session in enumerate(sessions[:-1]):
        for enrolment, statuses in plan.items():
            if statuses[n] == Status.ABSENT:
                register_save(
                    session=session,
                    entries={enrolment.pk: (Status.LATE, CORRECTION_NOTE)},
                    recorded_by=world.facilitator,
                    now=session.ends_at + dt.timedelta(days=1),
                )
                statuses[n] = Status.LATE
                return
