"""Benchmark: the main pages against a bare Wagtail page on the production stack.

gunicorn (2 workers, DEBUG off) + PostgreSQL, demo data; then the same with national-scale data
(BENCH_NATIONAL_SCALE, default 1.0: 1,000 cohorts, 40,000 enrolments). Prints, per page, requests
per second and p95 latency as ratios against a plain StandardPage measured in the same run
(aim: rps ratio >= 0.7, p95 ratio <= 1.5), and national p95 against demo p95 (aim <= 1.2).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench")
SCALE = float(os.environ.get("BENCH_NATIONAL_SCALE", "1.0"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))


def pages(db):
    cohort = _stack.query(
        db,
        "SELECT c.id FROM cohorts_cohort c JOIN cohorts_cohort_facilitators f ON f.cohort_id=c.id "
        "JOIN accounts_user u ON u.id=f.user_id WHERE u.username='facilitator' "
        "AND c.status='running' ORDER BY c.id DESC LIMIT 1",
    )
    module = _stack.query(
        db,
        "SELECT p.url_path FROM wagtailcore_page p JOIN modules_modulepage m ON m.page_ptr_id=p.id "
        "WHERE p.live ORDER BY p.path LIMIT 1",
    )
    standard = _stack.query(
        db,
        "SELECT p.url_path FROM wagtailcore_page p JOIN content_standardpage s "
        "ON s.page_ptr_id=p.id WHERE p.live ORDER BY p.path LIMIT 1",
    )

    # url_path starts with the root page's slug: strip it.
    def strip(url_path):
        return "/" + url_path.split("/", 2)[2]

    return {
        "bare StandardPage (baseline)": (None, strip(standard)),
        "participant home": ("participant", "/my-academy/"),
        "module page": ("participant", strip(module)),
        "cohort attendance grid": ("facilitator", f"/cohorts/{cohort}/attendance/"),
        "nominator portal": ("nominator", "/cohorts/nominate/"),
    }


def measure(db):
    results = {}
    urls = pages(db)
    cookies = _stack.session_cookies(db, ["participant", "facilitator", "nominator"])
    with _stack.gunicorn(db) as port:
        for name, (user, path) in urls.items():
            rps, p95, errors = _stack.load(port, path, cookie=cookies.get(user), requests=REQUESTS)
            if errors:
                raise SystemExit(f"{name} {path}: HTTP {sorted(set(errors))}")
            results[name] = (rps, p95)
    return results


def report(title, results):
    base_rps, base_p95 = results["bare StandardPage (baseline)"]
    print(f"-- {title}")
    print(f"{'page':32} {'rps':>7} {'p95 ms':>7} {'rps ratio':>10} {'p95 ratio':>10}")
    for name, (rps, p95) in results.items():
        print(f"{name:32} {rps:7.1f} {p95:7.1f} {rps / base_rps:10.2f} {p95 / base_p95:10.2f}")


def main():
    _stack.fresh_database(DB)
    demo = measure(DB)
    report("demo scale", demo)
    _stack.manage(
        DB, "generate_national_data", "--scale", str(SCALE), settings="academy_site.settings.dev"
    )
    national = measure(DB)
    report(f"national scale (x{SCALE})", national)
    print("-- national p95 / demo p95 (aim <= 1.2)")
    for name in demo:
        print(f"{name:32} {national[name][1] / demo[name][1]:6.2f}")


if __name__ == "__main__":
    main()
