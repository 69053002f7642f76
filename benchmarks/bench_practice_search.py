"""Benchmark: the good practice search page against a bare Wagtail page on the production stack.

gunicorn (2 workers, DEBUG off) + PostgreSQL (+ Redis when it answers on 127.0.0.1), demo data
(about 34 case studies); then the same after BENCH_CASE_STUDIES (default 5,000) more case
studies are generated in bulk (`manage.py generate_case_studies`). The baseline is a plain
StandardPage measured in the same run by the same person, exactly as benchmarks/bench_pages.py
measures (its paired sampler is reused): each URL right after its baseline, BENCH_ROUNDS rounds,
the median of the rounds' ratios reported against the aims (rps ratio >= 0.7, p95 ratio <= 1.5),
then the large database's p95 against the demo's (aim <= 1.2).

The searches: words alone; words with a theme, a sector and sorting by money saved; every case
study with its filter counts and no words (the heaviest counts); and words signed in (members-
only case studies included).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack  # noqa: E402
import bench_pages  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench_practice")
CASE_STUDIES = int(os.environ.get("BENCH_CASE_STUDIES", "5000"))


def pages(db):
    """{name: (username or None, path)}: the bare page signed out and as the participant, then
    the searches."""

    def strip(url_path):  # url_path starts with the root page's slug
        return "/" + url_path.split("/", 2)[2]

    standard = _stack.query(
        db,
        "SELECT p.url_path FROM wagtailcore_page p JOIN content_standardpage s "
        "ON s.page_ptr_id=p.id WHERE p.live ORDER BY p.path LIMIT 1",
    )
    index = strip(
        _stack.query(
            db,
            "SELECT p.url_path FROM wagtailcore_page p JOIN practice_goodpracticeindexpage g "
            "ON g.page_ptr_id=p.id WHERE p.live LIMIT 1",
        )
    )
    bare = strip(standard)
    return {
        bench_pages.SIGNED_OUT: (None, bare),
        bench_pages.bare_as("participant"): ("participant", bare),
        "search: words": (None, f"{index}?q=telecare"),
        "search: words, filters, sorted": (
            None,
            f"{index}?q=telecare&theme=health-and-social-care-integration&sector=health"
            "&sort=money-saved",
        ),
        "search: every case study": (None, index),
        "search: words, signed in": ("participant", f"{index}?q=data"),
    }


def main():
    _stack.fresh_database(DB)
    urls = pages(DB)
    demo = bench_pages.measure(DB, urls)
    bench_pages.report("demo scale (about 34 case studies)", demo, urls)
    _stack.manage(
        DB,
        "generate_case_studies",
        "--count",
        str(CASE_STUDIES),
        settings="academy_site.settings.dev",
    )
    _stack.settle(DB)
    large = bench_pages.measure(DB, urls)
    bench_pages.report(f"{CASE_STUDIES:,} more case studies", large, urls)
    bench_pages.report_scale(demo, large, urls)


if __name__ == "__main__":
    main()
