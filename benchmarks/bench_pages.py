"""Benchmark: the pages people use every day against a bare Wagtail page, at national scale, on
the production stack (issue 22).

gunicorn (2 workers, DEBUG off) + PostgreSQL (+ Redis when it answers on 127.0.0.1), the demo
data with the national data set on top (BENCH_NATIONAL_SCALE, default 1.0: 1,000 cohorts,
40,000 enrolments, some 280,000 marks) and 5,000 more case studies for the good practice search.
That database is made once and kept as a template between runs (_stack.cached_database).

The baseline is a plain StandardPage measured in the same run, requested by the same signed-in
person as the page it is compared with, so the ratio shows what the page itself costs. The
facilitator's bare page is compared with the bare page signed out (the staff tax).

Each URL is measured in BENCH_ROUNDS rounds, each page right after its baseline, BENCH_REQUESTS
requests in all over 4 keep-alive connections. Prints requests per second and p95 latency over
all rounds, and the median over rounds of their ratios to the baseline (aims: rps ratio >= 0.8,
p95 ratio <= 1.3; the facilitator's bare page >= 0.7 of the signed-out one), and writes them
for benchmarks/summary.py. BENCH_ONLY="module page,participant home" measures those pages and
their baselines only, and saves nothing for the summary.
"""

import http.client
import os
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pages  # noqa: E402
import _stack  # noqa: E402
import summary  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench")
SCALE = float(os.environ.get("BENCH_NATIONAL_SCALE", "1.0"))
CASE_STUDIES = int(os.environ.get("BENCH_CASE_STUDIES", "5000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1200"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "8"))
CONCURRENCY = 4
RPS_AIM, P95_AIM, STAFF_AIM = 0.8, 1.3, 0.7
SIGNED_OUT = _pages.SIGNED_OUT
ROLES = _pages.ROLES
bare_as = _pages.bare_as
STAFF = bare_as("facilitator")


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
            sample(port, path, cookies.get(user), 10 * CONCURRENCY)
        for round_number in range(ROUNDS):
            print(f"round {round_number + 1} of {ROUNDS}", flush=True)
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


def met(name, result):
    if name == STAFF:
        return result.rps_ratio >= STAFF_AIM
    return result.rps_ratio >= RPS_AIM and result.p95_ratio <= P95_AIM


def report(title, results, urls):
    print(f"-- {title}")
    print(
        f"{'page':34} {'rps':>6} {'p95 ms':>7}  {'baseline':32} {'rps ratio':>9} {'p95 ratio':>9}"
    )
    for name, result in results.items():
        aims = ""
        if name == STAFF or not name.startswith("bare"):
            aims = "  met" if met(name, result) else "  MISSED"
        print(
            f"{name:34} {result.rps:6.1f} {result.p95:7.1f}  {baseline_of(name, urls):32} "
            f"{result.rps_ratio:9.2f} {result.p95_ratio:9.2f}{aims}"
        )


def report_scale(demo, large, urls, aim=1.2):
    """The larger database's p95 against the smaller's (bench_practice_search.py)."""
    print(f"-- p95 on the larger database / on the smaller (aim <= {aim})")
    print(f"{'page':34} {'raw':>6} {'against its baseline':>21}")
    for name in demo:
        raw = large[name].p95 / demo[name].p95
        # Against each run's baseline: cancels a drift of the machine between the two runs.
        relative = large[name].p95_ratio / demo[name].p95_ratio
        print(f"{name:34} {raw:6.2f} {relative:21.2f}")


def main():
    started = time.monotonic()
    _stack.cached_database(DB, national_scale=SCALE, case_studies=CASE_STUDIES)
    print(f"Database ready in {time.monotonic() - started:.0f} s")
    urls = _pages.pages(DB)
    only = [name for name in os.environ.get("BENCH_ONLY", "").split(",") if name]
    if only:  # a quick look at some pages, with their baselines; nothing saved for the summary
        needed = {*only, SIGNED_OUT, *(baseline_of(name, urls) for name in only)}
        results = measure(DB, {name: url for name, url in urls.items() if name in needed})
        report("some pages only (BENCH_ONLY)", results, urls)
        return
    results = measure(DB, urls)
    report(f"national scale (x{SCALE}, {CASE_STUDIES:,} more case studies)", results, urls)
    summary.save(
        "pages",
        {
            "scale": SCALE,
            "requests": REQUESTS,
            "rounds": ROUNDS,
            "results": {name: asdict(result) for name, result in results.items()},
            "baselines": {name: baseline_of(name, urls) for name in urls},
        },
    )


if __name__ == "__main__":
    main()
