"""`manage.py generate_national_data`: an academy at national scale, for benchmarks and load tests.

On top of the demo data (run `load_demo_data` first: the programmes and modules come from it) it
adds places, partner organisations with a nominator each, facilitators, cohorts with their
cohort sessions and seat allocations, participants, enrolments, attendance marks and module
progress; by default 1,000 cohorts, 40,000 enrolments, 320,000 attendance marks and 100,000
module progress records (marks are a ceiling: only cohort sessions already held get them).
`--scale 0.01` makes a hundredth of that (for CI).

The generated cohorts share the demo's organisations and facilitators too, so the demo
nominator and facilitator see national-scale lists through the same pages as before.

Everything is written with `bulk_create` in batches, inside one transaction. People it makes have
@national.example addresses; it refuses to run twice on the same database, and like the demo
loader it refuses to run unless the settings say DEMO_DATA_ALLOWED.
"""

import datetime as dt
import random
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.roles import Role
from cohorts.models import (
    LONDON,
    AttendanceMark,
    Cohort,
    CohortSession,
    Enrolment,
    Organisation,
    Place,
    SeatAllocation,
    Sector,
)
from cohorts.record_versions import records_forget_all
from impact import national as impact_national
from modules.models import ModulePage, ModuleProgress, ProgrammePage

EMAIL_DOMAIN = "national.example"
PLACE_PREFIX = "National "
BATCH = 5000
SESSIONS_PER_COHORT = 8
ORGANISATIONS_PER_PLACE = 10
COHORTS_PER_FACILITATOR = 10
MARK_STATUSES = [
    AttendanceMark.Status.PRESENT,
    AttendanceMark.Status.PRESENT,
    AttendanceMark.Status.PRESENT,
    AttendanceMark.Status.PRESENT,
    AttendanceMark.Status.LATE,
    AttendanceMark.Status.LEFT_EARLY,
    AttendanceMark.Status.ABSENT,
    AttendanceMark.Status.APOLOGIES,
]


class Command(BaseCommand):
    help = "Add national-scale cohorts, enrolments, marks and progress on top of the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--cohorts", type=int, default=1000)
        parser.add_argument("--enrolments", type=int, default=40000)
        parser.add_argument("--marks", type=int, default=320000)
        parser.add_argument("--progress", type=int, default=100000)
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiply every count (0.01 for CI)."
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "Generated data is not allowed with these settings (DEMO_DATA_ALLOWED is off)."
            )
        if not ProgrammePage.objects.exists():
            raise CommandError("No programmes yet: run `manage.py load_demo_data` first.")
        if get_user_model().objects.filter(email__iendswith="@" + EMAIL_DOMAIN).exists():
            raise CommandError("National data is already loaded in this database.")
        scale = options["scale"]
        counts = {
            name: max(1, round(options[name] * scale))
            for name in ("cohorts", "enrolments", "marks", "progress")
        }
        started = time.monotonic()
        with transaction.atomic():
            made = NationalGenerator(seed=options["seed"], **counts).generate()
        # Written in bulk, which the cohorts' record versions do not hear of: nothing kept
        # before is read after.
        records_forget_all()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner keeps demo-sized estimates and picks nested loops
            # over every cohort (measured: 14 ms instead of 0.03 ms for the participant home).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{count} {name}" for name, count in made.items())
        self.stdout.write(
            self.style.SUCCESS(f"National data generated in {elapsed:.1f}s: {summary}")
        )


def batched_create(model, objects, **kwargs):
    """bulk_create in batches; returns the objects (with primary keys on PostgreSQL and SQLite)."""
    return model.objects.bulk_create(objects, batch_size=BATCH, **kwargs)


class NationalGenerator:
    """Builds the national data set from counts; deterministic for a given seed and day."""

    def __init__(self, *, seed, cohorts, enrolments, marks, progress):
        self.random = random.Random(seed)
        self.n_cohorts = cohorts
        self.n_enrolments = enrolments
        self.n_marks = marks
        self.n_progress = progress
        self.today = timezone.localdate(timezone.now(), LONDON)
        self.password = make_password(None)  # unusable: nobody signs in as generated people
        self.User = get_user_model()

    def generate(self):
        self.places()
        self.organisations()
        self.facilitators()
        self.cohorts()
        self.sessions()
        self.enrolments()
        self.marks()
        self.progress()
        impact = impact_national.generate(
            enrolments=self.enrolment_list,
            sessions_by_cohort=self.sessions_by_cohort,
            chance=self.random,
            now=timezone.now(),
        )
        return {
            "places": len(self.place_list),
            "organisations": len(self.organisation_list),
            "cohorts": len(self.cohort_list),
            "cohort sessions": len(self.session_list),
            "enrolments": len(self.enrolment_list),
            "attendance marks": self.mark_count,
            "module progress": self.progress_count,
            **impact,
        }

    def users(self, prefix, count, group_slug):
        people = batched_create(
            self.User,
            [
                self.User(
                    username=f"{prefix}-{i}@{EMAIL_DOMAIN}"[:150],
                    email=f"{prefix}-{i}@{EMAIL_DOMAIN}",
                    first_name=prefix.title(),
                    last_name=f"{i:06d}",
                    password=self.password,
                )
                for i in range(count)
            ],
        )
        group = Group.objects.get(name=group_slug)
        Through = self.User.groups.through
        batched_create(Through, [Through(user_id=p.pk, group_id=group.pk) for p in people])
        return people

    def places(self):
        count = max(1, self.n_cohorts // 25)
        self.place_list = batched_create(
            Place,
            [
                Place(name=f"{PLACE_PREFIX}place {i:03d}", slug=f"national-place-{i:03d}")
                for i in range(count)
            ],
        )

    def organisations(self):
        sectors = [choice for choice, _label in Sector.choices]
        self.demo_organisations = list(Organisation.objects.all())
        new = [
            Organisation(
                name=f"{place.name} {sectors[j % len(sectors)]} organisation {j}",
                sector=sectors[j % len(sectors)],
                place=place,
            )
            for place in self.place_list
            for j in range(ORGANISATIONS_PER_PLACE)
        ]
        generated = batched_create(Organisation, new)
        nominators = self.users("nominator", len(generated), Role.NOMINATOR.value)
        Through = Organisation.nominators.through
        batched_create(
            Through,
            [
                Through(organisation_id=org.pk, user_id=person.pk)
                for org, person in zip(generated, nominators, strict=True)
            ],
        )
        # The demo's organisations take part too, so their nominators see national numbers.
        self.organisation_list = list(Organisation.objects.all())

    def facilitators(self):
        count = max(1, self.n_cohorts // COHORTS_PER_FACILITATOR)
        generated = self.users("facilitator", count, Role.FACILITATOR.value)
        existing = list(self.User.objects.filter(groups__name=Role.FACILITATOR.value).distinct())
        self.facilitator_list = existing + [p for p in generated if p not in existing]

    def cohorts(self):
        programmes = list(ProgrammePage.objects.all())
        # Mostly cohorts with registers behind them: the tables that grow are marks and progress.
        statuses = [Cohort.Status.CLOSED] * 5 + [Cohort.Status.RUNNING] * 4 + [Cohort.Status.OPEN]
        per_cohort = max(1, self.n_enrolments // self.n_cohorts)
        cohorts = []
        for i in range(self.n_cohorts):
            status = statuses[i % len(statuses)]
            # Closed cohorts are behind us, running ones straddle today, open and draft ahead.
            offset = {"closed": -400, "running": -200, "open": 60}[status]
            starts_on = self.today + dt.timedelta(days=offset + self.random.randint(-30, 30))
            place = self.place_list[i % len(self.place_list)]
            cohorts.append(
                Cohort(
                    programme=programmes[i % len(programmes)],
                    name=f"{place.name} {starts_on.year} #{i}",
                    place=place,
                    starts_on=starts_on,
                    ends_on=starts_on + dt.timedelta(days=7 * 4 * SESSIONS_PER_COHORT),
                    capacity=per_cohort + 5,
                    status=status,
                )
            )
        self.cohort_list = batched_create(Cohort, cohorts)
        Through = Cohort.facilitators.through
        batched_create(
            Through,
            [
                Through(
                    cohort_id=cohort.pk,
                    user_id=self.facilitator_list[i % len(self.facilitator_list)].pk,
                )
                for i, cohort in enumerate(self.cohort_list)
            ],
        )

    def sessions(self):
        sessions = []
        for cohort in self.cohort_list:
            for n in range(SESSIONS_PER_COHORT):
                day = cohort.starts_on + dt.timedelta(days=28 * n)
                starts_at = dt.datetime.combine(day, dt.time(10), tzinfo=LONDON)
                sessions.append(
                    CohortSession(
                        cohort=cohort,
                        title=f"Session {n + 1}",
                        starts_at=starts_at,
                        ends_at=starts_at + dt.timedelta(hours=3),
                        venue="Council chamber",
                    )
                )
        self.session_list = batched_create(CohortSession, sessions)
        self.sessions_by_cohort = {}
        for session in self.session_list:
            self.sessions_by_cohort.setdefault(session.cohort_id, []).append(session)

    def enrolments(self):
        # About one person in four is enrolled on two cohorts, as officers come back for a
        # second programme.
        people_count = max(1, round(self.n_enrolments * 0.8))
        self.participants = self.users("participant", people_count, Role.PARTICIPANT.value)
        orgs_by_place = {}
        for org in self.organisation_list:
            orgs_by_place.setdefault(org.place_id, []).append(org)
        per_cohort = max(1, self.n_enrolments // self.n_cohorts)
        enrolments, seats = [], []
        person = 0
        for cohort in self.cohort_list:
            orgs = orgs_by_place.get(cohort.place_id) or self.organisation_list
            # One cohort in ten draws on the demo organisations, so their nominators see scale.
            if cohort.pk % 10 == 0:
                orgs = self.demo_organisations or orgs
            taken = set()
            for k in range(per_cohort):
                if len(enrolments) >= self.n_enrolments:
                    break
                participant = self.participants[person % people_count]
                person += 1
                if participant.pk in taken:
                    continue
                taken.add(participant.pk)
                status = (
                    Enrolment.Status.COMPLETED
                    if cohort.status == Cohort.Status.CLOSED
                    else Enrolment.Status.CONFIRMED
                    if cohort.status == Cohort.Status.RUNNING
                    else Enrolment.Status.INVITED
                )
                enrolments.append(
                    Enrolment(
                        cohort=cohort,
                        participant=participant,
                        organisation=orgs[k % len(orgs)],
                        status=status,
                    )
                )
            used = {e.organisation_id for e in enrolments[-per_cohort:] if e.cohort is cohort}
            seats.extend(
                SeatAllocation(cohort=cohort, organisation_id=org_id, seats=per_cohort)
                for org_id in sorted(used)
            )
        # The demo's participants join a running national cohort each, so their pages show two.
        running = [c for c in self.cohort_list if c.status == Cohort.Status.RUNNING]
        demo_participants = (
            self.User.objects.filter(groups__name=Role.PARTICIPANT.value, enrolments__isnull=False)
            .exclude(email__iendswith="@" + EMAIL_DOMAIN)
            .distinct()
        )
        for i, participant in enumerate(demo_participants.order_by("pk")):
            if running and self.demo_organisations:
                enrolments.append(
                    Enrolment(
                        cohort=running[i % len(running)],
                        participant=participant,
                        organisation=self.demo_organisations[i % len(self.demo_organisations)],
                        status=Enrolment.Status.CONFIRMED,
                    )
                )
        self.enrolment_list = batched_create(Enrolment, enrolments)
        batched_create(SeatAllocation, seats, ignore_conflicts=True)

    def marks(self):
        now = timezone.now()
        marks = []
        count = 0
        for enrolment in self.enrolment_list:
            if count >= self.n_marks:
                break
            if enrolment.status == Enrolment.Status.INVITED:
                continue
            for session in self.sessions_by_cohort[enrolment.cohort_id]:
                if session.starts_at > now or count >= self.n_marks:
                    continue
                marks.append(
                    AttendanceMark(
                        enrolment=enrolment,
                        session=session,
                        status=self.random.choice(MARK_STATUSES),
                        recorded_at=session.starts_at,
                    )
                )
                count += 1
            if len(marks) >= BATCH:
                batched_create(AttendanceMark, marks)
                marks = []
        batched_create(AttendanceMark, marks)
        self.mark_count = count

    def progress(self):
        modules_by_programme = {}
        for module in ModulePage.objects.all().only("pk", "path"):
            parent = module.get_parent()
            modules_by_programme.setdefault(parent.pk, []).append(module.pk)
        now = timezone.now()
        rows, count = [], 0
        for enrolment in self.enrolment_list:
            if count >= self.n_progress:
                break
            modules = modules_by_programme.get(enrolment.cohort.programme_id, [])
            for module_id in modules:
                if count >= self.n_progress:
                    break
                rows.append(
                    ModuleProgress(
                        participant_id=enrolment.participant_id,
                        module_id=module_id,
                        opened_at=now,
                        completed_at=now if self.random.random() < 0.6 else None,
                    )
                )
                count += 1
            if len(rows) >= BATCH:
                batched_create(ModuleProgress, rows, ignore_conflicts=True)
                rows = []
        batched_create(ModuleProgress, rows, ignore_conflicts=True)
        self.progress_count = count
