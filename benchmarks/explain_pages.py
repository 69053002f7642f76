"""Print each main page's query count and the EXPLAIN ANALYZE of its slowest query.

Run against a database that has the demo and national data (see generate_national_data):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_bench \\
    DJANGO_SETTINGS_MODULE=academy_site.settings.dev .venv/bin/python benchmarks/explain_pages.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from accounts.models import User  # noqa: E402
from cohorts.models import Cohort  # noqa: E402
from modules.models import ModulePage  # noqa: E402


def main():
    setup_test_environment()
    cohort = (
        Cohort.objects.filter(status="running", facilitators__username="facilitator")
        .order_by("-pk")
        .first()
    )
    pages = {
        "participant home": ("participant", "/my-academy/"),
        "module page": ("participant", ModulePage.objects.live().first().url),
        "cohort attendance grid": ("facilitator", f"/cohorts/{cohort.pk}/attendance/"),
        "nominator portal": ("nominator", "/cohorts/nominate/"),
    }
    for name, (username, url) in pages.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings = []
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(sql)
                timings.append((time.perf_counter() - started, sql))
        slowest_time, slowest = max(timings)
        print(f"== {name} {url}: {len(queries)} queries; slowest {slowest_time * 1000:.2f} ms")
        print(slowest[:600])
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + slowest)
            print("\n".join(row[0] for row in cursor.fetchall()))
        print()


if __name__ == "__main__":
    main()
