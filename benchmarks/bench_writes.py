"""Benchmark: saving a 40-person register and a 200-row enrolment import, against the same
number of plain ORM inserts, on PostgreSQL (its own database, production settings).

Prints each operation's median time and its ratio to the plain inserts measured in the same run.
The services do more than insert (locks, checks, history, events, invitations), so the ratio
shows what that costs; it is a number to watch between runs, not a target.
"""

import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _stack  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench_writes")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def timed(fn, rounds=ROUNDS):
    times = []
    for i in range(rounds):
        started = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    _stack.fresh_database(DB, static=False)
    os.environ.update(_stack.env_for(DB))
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from cohorts.attendance.register import register_save
    from cohorts.enrolment.services import enrolment_bulk_nominate
    from cohorts.models import (
        AttendanceMark,
        Cohort,
        CohortSession,
        Enrolment,
        Organisation,
        SeatAllocation,
    )
    from modules.models import ProgrammePage

    facilitator = User.objects.get(username="facilitator")
    organisation = Organisation.objects.order_by("pk").first()
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        programme=ProgrammePage.objects.first(),
        name="Benchmark cohort",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=200),
        capacity=10000,
        status=Cohort.Status.OPEN,
    )
    cohort.facilitators.add(facilitator)
    SeatAllocation.objects.create(cohort=cohort, organisation=organisation, seats=10000)
    # Started an hour ago: a register opens when its session starts.
    starts_at = timezone.now() - dt.timedelta(hours=1)
    session = CohortSession.objects.create(
        cohort=cohort,
        title="Benchmark session",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )
    password = make_password(None)
    people = User.objects.bulk_create(
        User(
            username=f"reg{i}@bench.example",
            email=f"reg{i}@bench.example",
            password=password,
            first_name="Reg",
            last_name=str(i),
        )
        for i in range(40)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            cohort=cohort,
            participant=p,
            organisation=organisation,
            status=Enrolment.Status.CONFIRMED,
        )
        for p in people
    )

    statuses = ["present", "late", "absent", "apologies"]

    def save_register(i):
        register_save(
            session=session,
            entries={e.pk: (statuses[(i + n) % 4], "") for n, e in enumerate(enrolments)},
            recorded_by=facilitator,
        )

    def plain_marks(i):
        with transaction.atomic():
            AttendanceMark.objects.filter(session=session).delete()
            for e in enrolments:
                AttendanceMark.objects.create(
                    enrolment=e, session=session, status=statuses[i % 4], recorded_by=facilitator
                )

    baseline_marks = timed(plain_marks)
    AttendanceMark.objects.filter(session=session).delete()
    register = timed(save_register)

    def rows(i):
        return [
            {
                "row": n + 2,
                "email": f"imp{i}-{n}@bench.example",
                "first_name": "Imp",
                "last_name": f"{i}-{n}",
                "job_title": "Officer",
                "team": "",
            }
            for n in range(200)
        ]

    def do_import(i):
        enrolment_bulk_nominate(
            actor=facilitator,
            cohort=cohort,
            organisation=organisation,
            rows=rows(i),
            file_name="bench.csv",
        )

    def plain_import(i):
        with transaction.atomic():
            for row in rows(i + 1000):
                person = User.objects.create(
                    username=row["email"],
                    email=row["email"],
                    password=password,
                    first_name=row["first_name"],
                    last_name=row["last_name"],
                )
                Enrolment.objects.create(
                    cohort=cohort,
                    participant=person,
                    organisation=organisation,
                    status=Enrolment.Status.INVITED,
                )

    baseline_import = timed(plain_import, rounds=3)
    imported = timed(do_import, rounds=3)

    print(f"{'operation':34} {'median ms':>10} {'baseline ms':>12} {'ratio':>7}")
    for name, value, base in [
        ("register save, 40 people", register, baseline_marks),
        ("enrolment import, 200 rows", imported, baseline_import),
    ]:
        print(f"{name:34} {value * 1000:10.1f} {base * 1000:12.1f} {value / base:7.2f}")


if __name__ == "__main__":
    main()
