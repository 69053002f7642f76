"""Benchmark: the main pages against a bare Wagtail page on the production stack.

gunicorn (2 workers, DEBUG off) + PostgreSQL (+ Redis when it answers on 127.0.0.1), demo data;
then the same with national-scale data (BENCH_NATIONAL_SCALE, default 1.0: 1,000 cohorts,
40,000 enrolments). The baseline is a plain StandardPage measured in the same run, requested by
the same signed-in person as the page it is compared with, so the ratio shows what the page
itself costs (signing in costs every page the same: a session and a user to load). The same
bare page signed out is printed too.

Each URL is measured in BENCH_ROUNDS rounds, each page right after its baseline, BENCH_REQUESTS
requests in all over 4 keep-alive connections. Prints requests per second and p95 latency over
all rounds, and the median over rounds of their ratios to the baseline (aims: rps ratio >= 0.7,
p95 ratio <= 1.5), then national p95 against demo p95 (aim <= 1.2).
"""

import http.client
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench")
SCALE = float(os.environ.get("BENCH_NATIONAL_SCALE", "1.0"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "800"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "8"))
CONCURRENCY = 4
RPS_AIM, P95_AIM, SCALE_AIM = 0.7, 1.5, 1.2
SIGNED_OUT = "bare StandardPage, signed out"
ROLES = ["participant", "facilitator", "nominator", "manager"]


def bare_as(role):
    return f"bare StandardPage as {role}"


def pages(db):
    """{name: (username or None, path)}: the bare page signed out and as each role, then the
    pages under test (each requested by the role that uses it)."""
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
    # The cohort with most of the nominator's officers: at national scale their organisation
    # has hundreds of officers in other cohorts, so the portal's first page fills up, while this
    # filtered list shows the same rows at both scales.
    nominators_cohort = _stack.query(
        db,
        "SELECT e.cohort_id FROM cohorts_enrolment e JOIN cohorts_organisation_nominators n "
        "ON n.organisation_id=e.organisation_id JOIN accounts_user u ON u.id=n.user_id "
        "WHERE u.username='nominator' GROUP BY e.cohort_id ORDER BY count(*) DESC, e.cohort_id "
        "LIMIT 1",
    )
    standard = _stack.query(
        db,
        "SELECT p.url_path FROM wagtailcore_page p JOIN content_standardpage s "
        "ON s.page_ptr_id=p.id WHERE p.live ORDER BY p.path LIMIT 1",
    )

    # url_path starts with the root page's slug: strip it.
    def strip(url_path):
        return "/" + url_path.split("/", 2)[2]

    bare = strip(standard)
    return {
        SIGNED_OUT: (None, bare),
        **{bare_as(role): (role, bare) for role in ROLES},
        "participant home": ("participant", "/my-academy/"),
        "module page": ("participant", strip(module)),
        "cohort attendance grid": ("facilitator", f"/cohorts/{cohort}/attendance/"),
        "nominator portal": ("nominator", "/cohorts/nominate/"),
        "nominator portal, one cohort": (
            "nominator",
            f"/cohorts/nominate/?cohort={nominators_cohort}",
        ),
        # Evidence of impact (issue 18): figures are kept five minutes per view, so this measures
        # reading them; tests/impact/test_query_budget.py holds the cost of working them out.
        "programme dashboard": ("manager", "/impact/"),
        "programme dashboard, nominator": ("nominator", "/impact/"),
    }


def sample(port, path, cookie, requests):
    """`requests` GETs over CONCURRENCY keep-alive connections: (latencies, wall seconds,
    HTTP statuses that were not 200)."""
    latencies, errors = [], []
    lock = threading.Lock()
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(requests // CONCURRENCY):
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors.append(response.status)
        conn.close()

    threads = [threading.Thread(target=run) for _ in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started, errors


@dataclass
class Result:
    rps: float  # all rounds' requests over all rounds' time
    p95: float  # of all rounds' latencies, ms
    rps_ratio: float  # median over rounds of rps / the baseline's rps measured just before
    p95_ratio: float  # the same for p95


def baseline_of(name, urls):
    """The bare page requested by the same person (signed out for the bare pages themselves)."""
    user = urls[name][0]
    return bare_as(user) if user and not name.startswith("bare") else SIGNED_OUT


def measure(db, urls):
    """{name: Result} for every URL of `urls`.

    Each round samples the bare page signed out, then each bare page as its person, then each
    page right after its baseline (the bare page as the same person) is sampled again: the two
    are measured seconds apart, so a burst of noise on this shared machine lands on both, and
    the median of the rounds' ratios is what is reported."""
    cookies = _stack.session_cookies(db, ROLES)
    per_request = REQUESTS // ROUNDS
    latencies = {name: [] for name in urls}
    walls = dict.fromkeys(urls, 0.0)
    ratios = {name: [] for name in urls}

    with _stack.gunicorn(db) as port:

        def take(name):
            user, path = urls[name]
            times, wall, errors = sample(port, path, cookies.get(user), per_request)
            if errors:
                raise SystemExit(f"{name} {path}: HTTP {sorted(set(errors))}")
            latencies[name].extend(times)
            walls[name] += wall
            return len(times) / wall, statistics.quantiles(times, n=20)[-1]

        # Warm up: each worker loads its templates, opens its connection, prepares its
        # statements and fills its caches before anything is timed.
        for user, path in urls.values():
            sample(port, path, cookies.get(user), 25 * CONCURRENCY)
        for _ in range(ROUNDS):
            signed_out = take(SIGNED_OUT)
            for name in urls:
                if name == SIGNED_OUT:
                    continue
                base = baseline_of(name, urls)
                base_rps, base_p95 = signed_out if base == SIGNED_OUT else take(base)
                rps, p95 = take(name)
                ratios[name].append((rps / base_rps, p95 / base_p95))
    return {
        name: Result(
            rps=len(latencies[name]) / walls[name],
            p95=statistics.quantiles(latencies[name], n=20)[-1] * 1000,
            rps_ratio=statistics.median(r for r, _ in ratios[name]) if ratios[name] else 1.0,
            p95_ratio=statistics.median(p for _, p in ratios[name]) if ratios[name] else 1.0,
        )
        for name in urls
    }


def report(title, results, urls):
    print(f"-- {title}")
    print(
        f"{'page':34} {'rps':>6} {'p95 ms':>7}  {'baseline':32} {'rps ratio':>9} {'p95 ratio':>9}"
    )
    for name, result in results.items():
        aims = ""
        if not name.startswith("bare"):
            met = result.rps_ratio >= RPS_AIM and result.p95_ratio <= P95_AIM
            aims = "  within the aims" if met else "  MISSES an aim"
        print(
            f"{name:34} {result.rps:6.1f} {result.p95:7.1f}  {baseline_of(name, urls):32} "
            f"{result.rps_ratio:9.2f} {result.p95_ratio:9.2f}{aims}"
        )


def report_scale(demo, national, urls):
    print(f"-- national p95 / demo p95 (aim <= {SCALE_AIM})")
    print(f"{'page':34} {'raw':>6} {'against its baseline':>21}")
    for name in demo:
        raw = national[name].p95 / demo[name].p95
        # The page's p95 ratio to its baseline at each scale: cancels a drift of the machine
        # between the two runs, which the raw figure carries.
        relative = national[name].p95_ratio / demo[name].p95_ratio
        print(f"{name:34} {raw:6.2f} {relative:21.2f}")


def main():
    _stack.fresh_database(DB)
    # The same URLs at both scales (the demo cohort's grid, the demo participant's module), so
    # the second run shows what the academy's size costs them.
    urls = pages(DB)
    demo = measure(DB, urls)
    report("demo scale", demo, urls)
    _stack.manage(
        DB, "generate_national_data", "--scale", str(SCALE), settings="academy_site.settings.dev"
    )
    _stack.settle(DB)
    national = measure(DB, urls)
    report(f"national scale (x{SCALE})", national, urls)
    report_scale(demo, national, urls)


if __name__ == "__main__":
    main()
