"""`make loadtest`: a fresh PostgreSQL database with the demo data, gunicorn on 127.0.0.1, locust
headless (bounded by --run-time), then checks: no failed request, no over-filled cohort, and
every register the facilitators saved has a mark for each participant (none lost)."""

import argparse
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "benchmarks"))

import _stack  # noqa: E402

DB = os.environ.get("LOADTEST_DB", "academy_loadtest")
OVERFILLED = (
    "SELECT count(*) FROM cohorts_cohort c WHERE (SELECT count(*) FROM cohorts_enrolment e "
    "WHERE e.cohort_id=c.id AND e.status IN ('invited','confirmed','completed','not-completed'))"
    " > c.capacity"
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", default="50")
    parser.add_argument("--spawn-rate", default="10")
    parser.add_argument("--run-time", default="5m")
    args = parser.parse_args()
    _stack.fresh_database(DB)
    cohort = _stack.query(
        DB,
        "SELECT c.id FROM cohorts_cohort c JOIN cohorts_cohort_facilitators f ON f.cohort_id=c.id"
        " JOIN accounts_user u ON u.id=f.user_id WHERE u.username='facilitator'"
        " AND c.status='running' LIMIT 1",
    )
    sessions = _stack.query(
        DB, f"SELECT id FROM cohorts_cohortsession WHERE cohort_id={cohort} ORDER BY starts_at"
    ).splitlines()
    # The participant's own programme: modules of other programmes are (rightly) forbidden.
    modules = _stack.query(
        DB,
        "SELECT p.url_path FROM wagtailcore_page p JOIN modules_modulepage m"
        " ON m.page_ptr_id=p.id JOIN wagtailcore_page prog ON p.path LIKE prog.path || '%%'"
        " JOIN cohorts_cohort c ON c.programme_id=prog.id"
        " JOIN cohorts_enrolment e ON e.cohort_id=c.id"
        " JOIN accounts_user u ON u.id=e.participant_id"
        " WHERE p.live AND u.username='participant' AND e.status='confirmed'",
    ).splitlines()
    cookies = _stack.session_cookies(DB, ["participant", "facilitator", "nominator"])
    env = {
        **os.environ,
        "LOCUST_SESSIONS": json.dumps({role: [key] for role, key in cookies.items()}),
        "LOCUST_PATHS": json.dumps(
            {
                "grid": f"/cohorts/{cohort}/attendance/",
                "registers": [f"/cohorts/sessions/{pk}/register/" for pk in sessions],
                "modules": ["/" + m.split("/", 2)[2] for m in modules],
            }
        ),
    }
    with _stack.gunicorn(DB) as port:
        subprocess.run(
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
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                "/tmp/academy_loadtest",
                "--only-summary",
            ],
            cwd=BASE_DIR,
            env=env,
            check=False,
        )
    with open("/tmp/academy_loadtest_stats.csv") as f:
        total = [row for row in csv.DictReader(f) if row["Name"] == "Aggregated"][0]
    failures = int(total["Failure Count"])
    overfilled = int(_stack.query(DB, OVERFILLED))
    lost = int(_stack.query(DB, LOST_MARKS.format(cohort=cohort)))
    print(
        f"requests {total['Request Count']}, failures {failures}, "
        f"rps {float(total['Requests/s']):.1f}, p95 {total['95%']} ms, "
        f"over-filled cohorts {overfilled}, registers missing marks {lost}"
    )
    sys.exit(1 if failures or overfilled or lost else 0)


if __name__ == "__main__":
    main()
