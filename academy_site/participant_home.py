"""The participant's part of "My academy" (their cohorts, next sessions, check-in, standings,
certificates, feedback and ratings asked of them, learning), rendered once and kept
(`cohorts.kept_html`) until something it shows changes:
- their places and their cohorts' records: the versions of those cohorts, which move with every
  change to them, their sessions, marks, sign-offs, certificates, the person's module progress,
  name, self-assessments and session feedback (`cohorts.record_versions`, `impact.versions`);
- the clock: for each session of their cohorts, what the rules that read the time say of it now
  (held, started, over, open for check-in, for apologies, for feedback), and today's date;
- the modules their programmes have live (their progress is "3 of 8 completed");
- what the page offers them besides (their certificates page, their learning log).
It lives here, where the apps meet: the rules of the clock belong to cohorts and impact."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import timezone

from cohorts import selectors
from cohorts.attendance.apologies import apologies_open
from cohorts.attendance.checkin import check_in_open
from cohorts.completion.schedule import kept_schedules
from cohorts.kept_html import kept_for_cohorts
from cohorts.record_versions import cohort_record_versions
from impact import rules as impact_rules
from kept.parts import CSRF_PLACEHOLDER, digest
from modules.models import ModulePage

TEMPLATE = "academy_site/home/participant.html"


def participant_part(request, places, *, has_certificates, has_learning_log, now=None):
    """The participant's part of the page (safe HTML), for their `places`
    (`cohorts.selectors.own_places`)."""
    now = now or timezone.now()
    user = request.user
    offers = {"has_certificates": has_certificates, "has_learning_log": has_learning_log}

    def render():
        participant = selectors.participant_overview(user, now=now)
        return render_to_string(
            TEMPLATE,
            {"participant": participant, "csrf_token": CSRF_PLACEHOLDER, **offers},
            request=request,
        )

    if not places:
        return kept_for_cohorts(request, f"participant-home:{user.pk}", [], render)
    cohort_ids = [p.cohort_id for p in places]
    versions = cohort_record_versions(cohort_ids)
    programmes = {p.cohort__programme_id for p in places}
    modules = ModulePage.objects.live().of_programmes(programmes).values_list("pk", flat=True)
    extra = ":".join(
        [
            _clock(places, versions, now),
            digest(sorted(modules)),
            f"{has_certificates:d}{has_learning_log:d}",
        ]
    )
    return kept_for_cohorts(
        request,
        f"participant-home:{user.pk}",
        cohort_ids,
        render,
        extra=extra,
        versions=versions,
        still=lambda: [p.cohort_id for p in selectors.own_places(user)],
    )


def _clock(places, versions, now):
    """What the time-reading rules say now of every session of these places' cohorts, and
    today's date: the part's key moves exactly when one of them would show something else."""
    minutes = {p.cohort_id: p.cohort__checkin_closes_minutes_after for p in places}
    cohorts = [SimpleNamespace(pk=pk) for pk in minutes]
    flags = []
    for cohort_id, sessions in kept_schedules(cohorts, versions=versions).items():
        in_cohort = SimpleNamespace(checkin_closes_minutes_after=minutes[cohort_id])
        for s in sessions:
            with_cohort = SimpleNamespace(starts_at=s.starts_at, cohort=in_cohort)
            flags.append(
                (
                    s.pk,
                    s.is_held(now),
                    s.has_started(now),
                    s.ends_at >= now,
                    apologies_open(s, now=now),
                    check_in_open(with_cohort, now),
                    impact_rules.feedback_open(s, now),
                )
            )
    return f"{impact_rules.local_today(now)}:{digest(flags)}"
