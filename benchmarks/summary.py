"""The one table `make bench` ends with: each aim of issue 22, its figure, met or missed.

bench_pages.py and bench_certificates.py save their figures here (`save`) as they finish;
`python benchmarks/summary.py` prints the table from the figures of this run (`make bench`
clears them first, so a benchmark that failed shows as "not measured", never as an old figure),
and how long the run took (`--clear` notes when it started).

Ten minutes of load do not fit in a bench that must finish within ten: `make loadtest` keeps
its last result (`save_load_test`, never cleared by the bench), and the table shows it with the
date it ran, as met only if it ran at least 10 minutes with at least 100 users and found no
problem.
Also written as Markdown to .bench-results/summary.md for the README.
"""

import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path

RESULTS = Path(
    os.environ.get("BENCH_RESULTS", Path(__file__).resolve().parent.parent / ".bench-results")
)

PAGES = [
    "participant home",
    "module page",
    "session page",
    "nominator portal",
    "attendance grid",
    "completion page",
    "manager dashboard",
    "good practice search",
]
STAFF = "bare StandardPage as facilitator"
BENCH_MINUTES = 10
LOAD_USERS, LOAD_SECONDS = 100, 600
LOAD_TEST = RESULTS / "load-test" / "last.json"


def save(name, data):
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=1))


def clear():
    for path in RESULTS.glob("*.json"):
        path.unlink()
    save("started", {"at": dt.datetime.now(dt.UTC).timestamp()})


def save_load_test(data):
    """The last load test's figures (loadtest/run.py), with when it ran."""
    LOAD_TEST.parent.mkdir(parents=True, exist_ok=True)
    LOAD_TEST.write_text(json.dumps({**data, "at": dt.datetime.now(dt.UTC).isoformat()}, indent=1))


def _load(name):
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}{memory}"


def rows():
    """[(aim, figure, met)]; met is None when it was not measured in this run."""
    out = []
    pages = _load("pages")
    results = pages["results"] if pages else {}
    for name in PAGES:
        result = results.get(name)
        base = pages["baselines"][name] if result else ""
        if result:
            out.append(
                (
                    f"{name}: rps >= 0.8 of {base}",
                    f"{result['rps_ratio']:.2f}",
                    result["rps_ratio"] >= 0.8,
                )
            )
            out.append(
                (
                    f"{name}: p95 <= 1.3 x {base}",
                    f"{result['p95_ratio']:.2f}",
                    result["p95_ratio"] <= 1.3,
                )
            )
        else:
            out.append((f"{name}: rps >= 0.8, p95 <= 1.3", "not measured", None))
    staff = results.get(STAFF)
    out.append(
        (
            "facilitator's bare page: rps >= 0.7 of signed out",
            f"{staff['rps_ratio']:.2f} (p95 {staff['p95_ratio']:.2f})" if staff else "not measured",
            staff["rps_ratio"] >= 0.7 if staff else None,
        )
    )
    certificates = _load("certificates")
    if certificates:
        single = certificates["single_ratio"]
        out.append(
            (
                "one certificate issued: <= 1.25 x plain WeasyPrint",
                f"{single:.2f} wall ({certificates['single_ms']:.0f} ms against "
                f"{certificates['single_floor_ms']:.0f}), "
                f"CPU {certificates['single_cpu_ratio']:.2f}",
                single <= 1.25,
            )
        )
        growth, floor = certificates["bulk_rss_growth"], certificates["floor_rss_growth"]
        ratio = growth / floor if floor > 0 else float("inf")
        out.append(
            (
                "RSS growth over a bulk of 200: <= 1.5 x plain WeasyPrint's",
                f"{ratio:.2f} ({growth:+.1f} MiB against {floor:+.1f})",
                ratio <= 1.5,
            )
        )
    else:
        out.append(("one certificate issued: <= 1.25 x plain WeasyPrint", "not measured", None))
        out.append(
            ("RSS growth over a bulk of 200: <= 1.5 x plain WeasyPrint's", "not measured", None)
        )
    out.append(_load_test_row())
    started = _load("started")
    if started:
        minutes = (dt.datetime.now(dt.UTC).timestamp() - started["at"]) / 60
        out.append(
            (
                f"make bench finishes within {BENCH_MINUTES} minutes",
                f"{minutes:.1f} minutes",
                minutes <= BENCH_MINUTES,
            )
        )
    return out


def _load_test_row():
    aim = (
        f"load test: {LOAD_SECONDS // 60} min at {LOAD_USERS} users, 0 errors, "
        "no lost or duplicated write (make loadtest)"
    )
    if not LOAD_TEST.exists():
        return (aim, "not run", None)
    run = json.loads(LOAD_TEST.read_text())
    figure = (
        f"{run['at'][:16].replace('T', ' ')} UTC: {run['users']} users, "
        f"{run['seconds'] / 60:.0f} min, {run['workers']} workers, {run['requests']} requests, "
        f"{run['failures']} failed, {run['rps']:.1f} rps, p95 {run['p95']:.0f} ms, "
        f"problems: {'; '.join(run['problems']) or 'none'}"
    )
    met = (
        run["users"] >= LOAD_USERS
        and run["seconds"] >= LOAD_SECONDS
        and not run["failures"]
        and not run["problems"]
    )
    return (aim, figure, met)


def _verdict(met):
    return "not measured" if met is None else ("met" if met else "MISSED")


def main():
    table = rows()
    pages = _load("pages") or {}
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    title = f"make bench, {stamp}, {_machine()}"
    if pages:
        title += (
            f"; national scale x{pages['scale']}, {pages['rounds']} rounds, "
            f"{pages['requests']} requests per URL"
        )
    width = max(len(aim) for aim, _, _ in table)
    print()
    print(f"== Issue 22 aims ({title})")
    figures = max(len(figure) for _, figure, _ in table)
    print(f"{'aim':{width}}  {'figure':{figures}}  result")
    for aim, figure, met in table:
        print(f"{aim:{width}}  {figure:{figures}}  {_verdict(met)}")
    missed = sum(1 for _, _, met in table if met is not True)
    print(f"{len(table) - missed} of {len(table)} aims met.")
    markdown = [f"`{title}`", "", "| aim | figure | result |", "| --- | --- | --- |"]
    markdown += [f"| {aim} | {figure} | {_verdict(met)} |" for aim, figure, met in table]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "summary.md").write_text("\n".join(markdown) + "\n")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--clear"]:
        clear()
    else:
        sys.exit(main())
