"""`make loadtest`: a fresh PostgreSQL database with the demo data, gunicorn on 127.0.0.1, locust
headless (bounded by --run-time; users finish their task within --stop-timeout), then checks:

- no failed request;
- no over-filled cohort, whatever the concurrent imports and nominations did;
- every register the facilitators saved has a mark for each participant (none lost);
- every check-in the site confirmed has its attendance mark, and no mark appeared that nobody
  checked in for;
- every officer the site said it nominated has an enrolment, and no officer of a refused
  import (or never submitted) has one;
- no mark recorded twice for a participant and session, and nobody enrolled twice on a cohort.

`--workers` sets gunicorn's workers (default GUNICORN_WORKERS, else 2 x cores + 1, as in
deploy/gunicorn.conf.py); `--national` runs against the national data set (the benchmarks'
cached database) instead of the demo data alone.

Today's sessions for the check-ins are added to the facilitator's running cohort, with check-in
open for the whole run; the site's own check-in screen gives the simulated people the code."""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "benchmarks"))

import _stack  # noqa: E402
import summary  # noqa: E402

DB = os.environ.get("LOADTEST_DB", "academy_loadtest")
CHECKIN_SESSIONS = 6
OFFICER_EMAIL_DOMAIN = "loadtest.example.org"  # as in locustfile.py
STATS_CSV = "/tmp/academy_loadtest"  # locust's CSV files, for people to read
RESULTS = Path("/tmp/academy_loadtest_results.json")  # what the simulated users did and saw
OVERFILLED = (
    "SELECT count(*) FROM cohorts_cohort c WHERE (SELECT count(*) FROM cohorts_enrolment e "
    "WHERE e.cohort_id=c.id AND e.status IN ('invited','confirmed','completed','not-completed'))"
    " > c.capacity"
)

DUPLICATE_MARKS = (
    "SELECT count(*) FROM (SELECT 1 FROM cohorts_attendancemark"
    " GROUP BY enrolment_id, session_id HAVING count(*) > 1) d"
)
DUPLICATE_ENROLMENTS = (
    "SELECT count(*) FROM (SELECT 1 FROM cohorts_enrolment"
    " GROUP BY cohort_id, participant_id HAVING count(*) > 1) d"
)

# A register saved by the load test holds a mark for every active participant, or it lost some.
LOST_MARKS = (
    "SELECT count(*) FROM cohorts_cohortsession s WHERE s.cohort_id={cohort}"
    " AND EXISTS (SELECT 1 FROM cohorts_attendancemark m WHERE m.session_id=s.id"
    " AND m.method='register')"
    " AND (SELECT count(*) FROM cohorts_attendancemark m WHERE m.session_id=s.id)"
    " <> (SELECT count(*) FROM cohorts_enrolment e WHERE e.cohort_id=s.cohort_id"
    " AND e.status IN ('confirmed','completed','not-completed'))"
)
CHECK_IN_MARKS = (
    "SELECT u.username, m.session_id FROM cohorts_attendancemark m"
    " JOIN cohorts_enrolment e ON e.id=m.enrolment_id JOIN accounts_user u ON u.id=e.participant_id"
    " WHERE m.session_id IN ({sessions})"
)
LOADTEST_OFFICERS = (
    "SELECT u.email, e.status FROM cohorts_enrolment e JOIN accounts_user u"
    f" ON u.id=e.participant_id WHERE u.email LIKE '%@{OFFICER_EMAIL_DOMAIN}'"
)
# Nominators with seats on a cohort open for enrolment.
NOMINATORS = (
    "SELECT DISTINCT u.username FROM accounts_user u"
    " JOIN cohorts_organisation_nominators n ON n.user_id=u.id"
    " JOIN cohorts_seatallocation a ON a.organisation_id=n.organisation_id"
    " JOIN cohorts_cohort c ON c.id=a.cohort_id WHERE c.status='open' ORDER BY u.username"
)


def seconds(run_time):
    """Locust's --run-time (300, 30s, 5m, 1h30m) in seconds."""
    if run_time.isdigit():
        return int(run_time)
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", run_time)
    if not parts or not any(parts.groups()):
        raise SystemExit(f"Cannot read --run-time {run_time!r}")
    hours, minutes, secs = (int(part or 0) for part in parts.groups())
    return hours * 3600 + minutes * 60 + secs


def rows(sql):
    return {tuple(line.split("|")) for line in _stack.query(DB, sql).splitlines()}


def sessions_for(usernames, copies=1):
    """[username, session key] pairs: `copies` separate signed-in sessions for each user."""
    pairs = []
    for _ in range(copies):
        pairs += _stack.session_cookies(DB, usernames).items()
    return [list(pair) for pair in pairs]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", default="50")
    parser.add_argument("--spawn-rate", default="10")
    parser.add_argument("--run-time", default="5m")
    parser.add_argument("--stop-timeout", default="30")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("GUNICORN_WORKERS", 0)) or (os.cpu_count() or 1) * 2 + 1,
    )
    parser.add_argument("--national", action="store_true")
    args = parser.parse_args()
    if args.national:
        _stack.cached_database(DB, national_scale=1.0, case_studies=5000)
    else:
        _stack.fresh_database(DB)
    cohort = _stack.query(
        DB,
        "SELECT c.id FROM cohorts_cohort c JOIN cohorts_cohort_facilitators f ON f.cohort_id=c.id"
        " JOIN accounts_user u ON u.id=f.user_id WHERE u.username='facilitator'"
        " AND c.status='running' ORDER BY c.id LIMIT 1",
    )
    # Registers open when their session starts: the sessions held so far.
    sessions = _stack.query(
        DB,
        f"SELECT id FROM cohorts_cohortsession WHERE cohort_id={cohort} AND starts_at <= now()"
        " ORDER BY starts_at",
    ).splitlines()
    # The cohort's own programme (everyone on it reads them): modules of other programmes are
    # (rightly) forbidden.
    modules = _stack.query(
        DB,
        "SELECT p.url_path FROM wagtailcore_page p JOIN modules_modulepage m"
        " ON m.page_ptr_id=p.id JOIN wagtailcore_page prog ON p.path LIKE prog.path || '%%'"
        f" JOIN cohorts_cohort c ON c.programme_id=prog.id WHERE p.live AND c.id={cohort}",
    ).splitlines()
    # Everyone taking part in the cohort checks in: the `participant` login and the officers.
    participants = _stack.query(
        DB,
        "SELECT u.username FROM cohorts_enrolment e JOIN accounts_user u"
        f" ON u.id=e.participant_id WHERE e.cohort_id={cohort} AND e.status='confirmed'"
        " ORDER BY u.username",
    ).splitlines()
    nominators = _stack.query(DB, NOMINATORS).splitlines()
    # Today's sessions (registers are saved for the others, so every mark here is a check-in).
    checkins = _stack.django_script(
        DB,
        "loadtest/_checkin_sessions.py",
        cohort,
        str(CHECKIN_SESSIONS),
        str(seconds(args.run_time) + int(args.stop_timeout)),
    )
    # A nominator's upload waits in their session until confirmed: one session per simulated
    # nominator (at most a fifth of the users, by the locustfile's weights).
    nominator_users = -(-int(args.users) * 2 // 10)
    RESULTS.unlink(missing_ok=True)
    env = {
        **os.environ,
        "LOCUST_SESSIONS": json.dumps(
            {
                "participant": sessions_for(participants),
                "facilitator": sessions_for(["facilitator"]),
                "manager": sessions_for(["manager"]),
                "nominator": sessions_for(
                    nominators, copies=-(-nominator_users // len(nominators))
                ),
            }
        ),
        "LOCUST_PATHS": json.dumps(
            {
                "grid": f"/cohorts/{cohort}/attendance/",
                "registers": [f"/cohorts/sessions/{pk}/register/" for pk in sessions],
                "modules": ["/" + m.split("/", 2)[2] for m in modules],
                "checkins": checkins,
            }
        ),
        "LOCUST_RESULTS": str(RESULTS),
    }
    print(f"gunicorn with {args.workers} workers; {args.users} users for {args.run_time}")
    with _stack.gunicorn(DB, workers=args.workers) as port:
        locust = subprocess.run(
            [
                str(Path(sys.executable).parent / "locust"),
                "-f",
                "loadtest/locustfile.py",
                "--headless",
                "--users",
                args.users,
                "--spawn-rate",
                args.spawn_rate,
                "--run-time",
                args.run_time,
                "--stop-timeout",
                args.stop_timeout,
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                STATS_CSV,
                "--only-summary",
            ],
            cwd=BASE_DIR,
            env=env,
            check=False,
        )
    if not RESULTS.exists():
        sys.exit(f"FAILED: locust exited with code {locust.returncode} and wrote no results")
    results = json.loads(RESULTS.read_text())
    *by_name, total = results["requests"]
    failures = total["failures"]
    overfilled = int(_stack.query(DB, OVERFILLED))
    lost = int(_stack.query(DB, LOST_MARKS.format(cohort=cohort)))
    duplicate_marks = int(_stack.query(DB, DUPLICATE_MARKS))
    duplicate_enrolments = int(_stack.query(DB, DUPLICATE_ENROLMENTS))

    # Check-ins: each one the site confirmed (or said was already recorded) has its mark.
    check_ins = {k: {tuple(pair) for pair in v} for k, v in results["check_ins"].items()}
    marks = {
        (username, int(session))
        for username, session in rows(
            CHECK_IN_MARKS.format(sessions=",".join(str(pk) for pk in checkins))
        )
    }
    confirmed = check_ins["checked in"] | check_ins["already recorded"]
    lost_check_ins = confirmed - marks
    stray_marks = marks - check_ins["tried"]

    # Nominations: every officer the site said it nominated is enrolled; nobody else is.
    officers = {k: set(v) for k, v in results["officers"].items()}
    enrolled = dict(rows(LOADTEST_OFFICERS))
    lost_officers = officers["nominated"] - enrolled.keys()
    stray_officers = enrolled.keys() - (officers["tried"] - officers["refused"])
    waiting = sum(1 for status in enrolled.values() if status == "waiting-list")
    imports = results["imports"]
    answers = results["check_in_answers"]

    print(
        f"requests {total['requests']}, failures {failures}, "
        f"rps {total['rps']:.1f}, p95 {total['p95']:.0f} ms, "
        f"over-filled cohorts {overfilled}, registers missing marks {lost}, "
        f"duplicated marks {duplicate_marks}, duplicated enrolments {duplicate_enrolments}, "
        f"check-ins answered {answers.get('checked in', 0)} 'checked in' + "
        f"{answers.get('already recorded', 0)} 'already recorded' for {len(confirmed)} "
        f"participant-sessions, marks recorded {len(confirmed & marks)} of {len(confirmed)} "
        f"(stray {len(stray_marks)}), "
        f"officers enrolled {len(officers['nominated'] & enrolled.keys())} of "
        f"{len(officers['nominated'])} nominated ({waiting} on the waiting list), "
        f"stray enrolments {len(stray_officers)}, imports {imports.get('imported', 0)} "
        f"(refused: {imports.get('refused at preview', 0)} at preview, "
        f"{imports.get('refused at confirm', 0)} at confirm)"
    )
    print("p95 by request (ms): " + ", ".join(f"{r['name']} {r['p95']:.0f}" for r in by_name))
    problems = [
        locust.returncode and f"locust exited with code {locust.returncode}",
        failures and "failed requests",
        overfilled and "over-filled cohorts",
        lost and "registers missing marks",
        duplicate_marks and "marks recorded twice",
        duplicate_enrolments and "people enrolled twice on a cohort",
        lost_check_ins and f"check-ins without a mark: {sorted(lost_check_ins)[:5]}",
        stray_marks and f"marks nobody checked in for: {sorted(stray_marks)[:5]}",
        lost_officers and f"nominated officers not enrolled: {sorted(lost_officers)[:5]}",
        stray_officers and f"enrolments nobody was told of: {sorted(stray_officers)[:5]}",
        not check_ins["checked in"] and "nobody checked in",
        not officers["nominated"] and "nobody was nominated",
    ]
    problems = [problem for problem in problems if problem]
    for problem in problems:
        print(f"FAILED: {problem}")
    summary.save_load_test(
        {
            "users": int(args.users),
            "seconds": seconds(args.run_time),
            "workers": args.workers,
            "national": args.national,
            "requests": total["requests"],
            "failures": failures,
            "rps": total["rps"],
            "p95": total["p95"],
            "problems": problems,
        }
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
