"""Where a page's time goes: each page of issue 22 requested in-process (Django's test client,
the whole middleware stack, production settings) against the benchmark database, with its
query count, milliseconds per request and the cProfile of BENCH_PROFILE_REQUESTS requests.

    .venv/bin/python benchmarks/profile_pages.py                 # every page
    .venv/bin/python benchmarks/profile_pages.py "module page"   # one page, its full profile

It uses the database bench_pages.py made (BENCH_DB, default academy_bench; run `make bench`
once), and re-runs itself under the stack's settings.
"""

import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pages  # noqa: E402
import _stack  # noqa: E402

DB = os.environ.get("BENCH_DB", "academy_bench")
REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", "30"))


def profile(urls, cookies, names, detail):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    for name in names:
        username, path = urls[name]
        client = Client(HTTP_HOST="127.0.0.1")
        if username:
            # A session made as bench_pages.py makes it (staff with their second factor).
            client.cookies["sessionid"] = cookies[username]
        for _ in range(5):
            response = client.get(path)
            assert response.status_code == 200, (name, path, response.status_code)
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(path)
        times = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - started)
        plain = statistics.median(times) * 1000
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for _ in range(REQUESTS):
            client.get(path)
        profiler.disable()
        per_request = (time.perf_counter() - started) / REQUESTS * 1000
        print(
            f"== {name} {path}: {len(queries)} queries, {plain:.1f} ms a request (median) "
            f"({per_request:.1f} ms profiled), {len(response.content) / 1024:.0f} KiB"
        )
        if detail:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(20)
            if os.environ.get("BENCH_PROFILE_FILTER"):  # a regular expression of file names
                stats.sort_stats("cumulative").print_stats(os.environ["BENCH_PROFILE_FILTER"], 40)
            print(out.getvalue())
            for sql in queries:
                print(f"  {sql[:300]}")


def main():
    names = sys.argv[1:]
    if os.environ.get("PROFILE_PAGES_CHILD"):
        urls = _pages.pages(DB)
        cookies = json.loads(os.environ["PROFILE_PAGES_COOKIES"])
        profile(urls, cookies, names or list(urls), detail=bool(names))
        return
    env = {
        **_stack.env_for(DB),
        "PROFILE_PAGES_CHILD": "1",
        "PROFILE_PAGES_COOKIES": json.dumps(_stack.session_cookies(DB, _pages.ROLES)),
    }
    subprocess.run([sys.executable, __file__, *names], env=env, check=True, cwd=_stack.BASE_DIR)


if __name__ == "__main__":
    main()
