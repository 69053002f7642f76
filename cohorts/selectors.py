"""Reads that gather what each role's landing page ("My academy") shows. Every list is bounded."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from modules.models import ModulePage, ModuleProgress, ProgrammePage

from . import permissions
from .attendance.apologies import apologies_open
from .attendance.checkin import check_in_open
from .completion.standing import Standing, marks_of, standings_for
from .enrolment.selectors import officers_cohorts, open_seat_lines
from .models import LONDON, Cohort, CohortSession, CompletionRule, Enrolment, Organisation
from .record_versions import cached_for_cohorts

LIST_LIMIT = 20


def manager_overview():
    """How many cohorts there are in each status (each leads to the dashboard, filtered), and
    the programmes whose attendance across cohorts can be reported."""
    counts = {
        row["status"]: row["n"] for row in Cohort.objects.values("status").annotate(n=Count("pk"))
    }
    return {
        "statuses": [
            (value, label, counts.get(value, 0)) for value, label in Cohort.Status.choices
        ],
        "programmes": list(
            ProgrammePage.objects.live().order_by("title").only("id", "title")[:LIST_LIMIT]
        ),
    }


# How many closed cohorts a facilitator's home lists (the dashboard has them all).
PAST_LIMIT = 5
# How far ahead the facilitator's "upcoming sessions" list looks.
UPCOMING_DAYS = 60
# The most enrolments whose standing the facilitator's "at risk" list looks at.
AT_RISK_SCAN_LIMIT = 600


def facilitator_overview(user, now=None):
    """The cohorts a facilitator runs, today's and coming sessions (each with its register),
    and the participants at risk of not completing."""
    now = now or timezone.now()
    theirs = Cohort.objects.facilitated_by(user).select_related("programme", "place")
    cohorts = list(theirs.exclude(status=Cohort.Status.CLOSED).order_by("starts_on")[:LIST_LIMIT])
    # Closed cohorts stay within reach: their certificates are issued and managed afterwards.
    past = list(
        theirs.filter(status=Cohort.Status.CLOSED).order_by("-ends_on", "name")[:PAST_LIMIT]
    )
    local_today = timezone.localtime(now, LONDON).date()
    day_start = timezone.make_aware(dt.datetime.combine(local_today, dt.time.min), LONDON)
    day_end = day_start + dt.timedelta(days=1)
    sessions = (
        CohortSession.objects.filter(cohort__facilitators=user, ends_at__gte=day_start)
        .filter(starts_at__lt=now + dt.timedelta(days=UPCOMING_DAYS))
        .select_related("cohort__programme")
        .order_by("starts_at")
    )
    sessions = list(sessions[: LIST_LIMIT * 2])
    today = [s for s in sessions if s.starts_at < day_end]
    upcoming = [s for s in sessions if s.starts_at >= day_end][:LIST_LIMIT]
    running = [c.pk for c in cohorts if c.status == Cohort.Status.RUNNING]
    enrolments = (
        Enrolment.objects.active()
        .filter(cohort_id__in=running)
        .select_related(
            "participant", "organisation", "cohort__programme", "completion_sign_off", "certificate"
        )
        .order_by("cohort_id", "participant__last_name", "participant__first_name", "pk")
    )
    standings = standings_for(enrolments[:AT_RISK_SCAN_LIMIT]) if running else {}
    at_risk = [s for s in standings.values() if s.standing == Standing.AT_RISK]
    return {
        "cohorts": cohorts,
        "past_cohorts": past,
        "more_cohorts": len(cohorts) == LIST_LIMIT or len(past) == PAST_LIMIT,
        "today_sessions": today,
        "upcoming_sessions": upcoming,
        "at_risk": at_risk[:LIST_LIMIT],
        "at_risk_count": len(at_risk),
    }


def nominator_overview(user):
    """A nominator's officers (status and attendance so far) and the open cohorts where their
    organisations still have seats."""
    organisations = list(Organisation.objects.nominated_by(user))
    officers = (
        Enrolment.objects.filter(organisation__in=organisations)
        .select_related(
            "participant", "cohort__programme", "organisation", "completion_sign_off", "certificate"
        )
        .order_by("-created_at", "-pk")
    )
    shown = list(officers[:LIST_LIMIT])
    standings = standings_for(shown)
    for enrolment in shown:
        enrolment.standing = standings.get(enrolment.pk)
    seat_lines = open_seat_lines(organisations, limit=LIST_LIMIT) if organisations else []
    return {
        "organisations": organisations,
        "cohorts": officers_cohorts(organisations, limit=LIST_LIMIT) if organisations else [],
        "officers": shown,
        "officer_count": officers.count() if len(shown) == LIST_LIMIT else len(shown),
        "open_cohorts": [line for line in seat_lines if line.left > 0],
        "full_cohorts": [line for line in seat_lines if line.left == 0],
    }


def _own_record(user, enrolments):
    """What a participant's standings are worked out from, for each of their cohorts: its
    sessions, their marks on it and the modules they have completed (anywhere: a few dozen at
    most). Kept in the cache under each cohort's record version, which moves whenever any of it
    does, so that their home reads none of it again until something changes; what depends on
    the time (the next session, what is held so far) is worked out from it on every visit.
    Kept per person (their id is in the name): no one else's visit reads it."""
    mine = {}
    for enrolment in enrolments:
        mine.setdefault(enrolment.cohort_id, []).append(enrolment.pk)

    def compute(cohorts):
        ids = [cohort.pk for cohort in cohorts]
        sessions = {pk: [] for pk in ids}
        for session in CohortSession.objects.filter(cohort_id__in=ids).order_by("starts_at", "pk"):
            sessions[session.cohort_id].append(session)
        marks = marks_of(e for e in enrolments if e.cohort_id in sessions)
        completed = frozenset(
            ModuleProgress.objects.completed()
            .filter(participant=user)
            .values_list("module_id", flat=True)
        )
        programme_ids = {cohort.programme_id for cohort in cohorts}
        rules = {
            r.programme_id: r for r in CompletionRule.objects.filter(programme_id__in=programme_ids)
        }
        required = {}
        for rule_id, module_id in (
            CompletionRule.required_modules.through.objects.filter(
                completionrule__programme_id__in=programme_ids
            )
            .order_by("pk")
            .values_list("completionrule_id", "modulepage_id")
        ):
            required.setdefault(rule_id, []).append(module_id)
        return {
            cohort.pk: {
                "sessions": sessions[cohort.pk],
                "marks": {e: marks.get(e, {}) for e in mine[cohort.pk]},
                "completed": completed,
                # The programme's completion rule, and the ids of the modules it requires
                # (their names are read live: `_rules`).
                "rule": rules.get(cohort.programme_id),
                "required": required.get(getattr(rules.get(cohort.programme_id), "pk", None), []),
            }
            for cohort in cohorts
        }

    cohorts = {e.cohort_id: e.cohort for e in enrolments}.values()
    return cached_for_cohorts(f"participant-record:{user.pk}", cohorts, compute)


def _rules(record, modules):
    """Each programme's completion rule, kept in the record, with the modules it requires taken
    from `modules` (their programmes' live modules, read on every visit: a module renamed shows
    at once). None when one is not among them (unpublished, or another programme's):
    `standings_for` then reads the rules itself."""
    by_id = {module.pk: module for module in modules}
    rules = {}
    for value in record.values():
        rule = value["rule"]
        if rule is None:
            continue
        if any(pk not in by_id for pk in value["required"]):
            return None
        rule._prefetched_objects_cache = {
            "required_modules": [by_id[pk] for pk in value["required"]]
        }
        rules[rule.programme_id] = rule
    return rules


def _own_enrolments(user):
    """The person's places on cohorts that their home lists: declined and substituted ones
    aside, newest cohort first (its limit taken by the caller)."""
    return (
        Enrolment.objects.filter(participant=user)
        .exclude(status__in=[Enrolment.Status.DECLINED, Enrolment.Status.SUBSTITUTED])
        .order_by("-cohort__starts_on", "pk")
    )


def own_places(user):
    """The person's places, as many as their home lists: each one's cohort, status, programme
    and minutes for checking in. One light query."""
    return list(
        _own_enrolments(user).values_list(
            "cohort_id",
            "status",
            "cohort__programme_id",
            "cohort__checkin_closes_minutes_after",
            named=True,
        )[:LIST_LIMIT]
    )


def what_places_say(places):
    """What `own_places` says about the person, for the permissions that ask: every place's
    status, and the programmes of their active places (None for each when there are more
    places than the list holds)."""
    complete = len(places) < LIST_LIMIT
    return {
        "places": [p.status for p in places] if complete else None,
        "programme_ids": (
            {p.cohort__programme_id for p in places if p.status in Enrolment.ACTIVE}
            if complete
            else None
        ),
    }


def participant_overview(user, now=None):
    """A participant's cohorts: the next session (when, where, what to read first, and the box
    for the check-in code while check-in is open and they are not yet marked), module
    progress, attendance so far against what completion needs, and their certificates."""
    now = now or timezone.now()
    enrolments = list(
        _own_enrolments(user).select_related(
            "cohort__programme",
            "cohort__place",
            "organisation",
            "participant",
            "certificate",
            "completion_sign_off",
        )[:LIST_LIMIT]
    )
    if not enrolments:
        return {"enrolments": [], "certificates": []}
    record = _own_record(user, enrolments)
    # Every session of these cohorts (a handful each): for the standings and the next session.
    sessions = sorted(
        (s for value in record.values() for s in value["sessions"]),
        key=lambda s: (s.starts_at, s.pk),
    )
    next_sessions, cancelled = {}, {}
    cohorts = {e.cohort_id: e.cohort for e in enrolments}
    for session in sessions:
        session.cohort = cohorts[session.cohort_id]  # loaded already: no query per session
        if session.ends_at >= now:
            if session.is_scheduled:
                next_sessions.setdefault(session.cohort_id, session)
            else:
                cancelled.setdefault(session.cohort_id, []).append(session)
    completed = set().union(*(value["completed"] for value in record.values()))
    # The live modules under each programme: for module progress (which of them this person
    # has completed) and the names of those the completion rules require.
    programmes = {e.cohort.programme for e in enrolments}
    path_filter = Q(pk__in=[])
    for programme in programmes:
        path_filter |= Q(path__startswith=programme.path, depth=programme.depth + 1)
    modules = list(ModulePage.objects.live().filter(path_filter).only("id", "title", "path"))
    standings = standings_for(
        enrolments,
        sessions=sessions,
        completed_modules={(user.pk, module_id) for module_id in completed},
        marks={pk: marks for value in record.values() for pk, marks in value["marks"].items()},
        rules=_rules(record, modules),
        now=now,
    )
    progress = {}
    for programme in programmes:
        ids = [m.pk for m in modules if m.path.startswith(programme.path)]
        progress[programme.pk] = {
            "total": len(ids),
            "completed": sum(1 for pk in ids if pk in completed),
        }
    certificate_cache = Enrolment.certificate.related
    certificates = {
        e.pk: certificate_cache.get_cached_value(e)
        for e in enrolments
        if certificate_cache.get_cached_value(e) is not None
    }
    for enrolment in enrolments:
        enrolment.next_session = next_sessions.get(enrolment.cohort_id)
        enrolment.cancelled_sessions = cancelled.get(enrolment.cohort_id, [])
        enrolment.standing = standings.get(enrolment.pk)
        session = enrolment.next_session
        enrolment.check_in_session = (
            session
            if session is not None
            and enrolment.status in Enrolment.ACTIVE
            and session.pk not in enrolment.standing.statuses
            and check_in_open(session, now)
            else None
        )
        enrolment.module_progress = progress[enrolment.cohort.programme_id]
        enrolment.issued_certificate = certificates.get(enrolment.pk)
        # What their place lets them open (the rules in `permissions`, from the status in hand).
        enrolment.taking_part = enrolment.status in Enrolment.ACTIVE
        enrolment.sees_attendance = enrolment.status in permissions.OWN_ATTENDANCE_STATUSES
        enrolment.can_send_apologies = bool(
            enrolment.taking_part
            and enrolment.next_session
            and apologies_open(enrolment.next_session, now=now)
        )
    return {
        "enrolments": enrolments,
        "certificates": list(certificates.values()),
        # Every session of their cohorts, for what else the page asks of them (feedback).
        "sessions": sessions,
    }
