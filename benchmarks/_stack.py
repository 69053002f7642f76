"""The production stack for benchmarks and load tests: its own PostgreSQL database, migrated and
loaded with the demo data, gunicorn (DEBUG off) on a free 127.0.0.1 port, and signed-in
sessions. Everything it starts, it stops."""

import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PY = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
THROWAWAY_SECRET = "bench-only-throwaway-key-never-deploy-0123456789abcdef"  # 127.0.0.1 only
# Production shares a Redis cache between web processes (sessions, Wagtail's site lookups); so
# does the benchmark stack when Redis answers on 127.0.0.1. Each run gets its own key prefix.
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/0")
RUN_ID = f"bench-{os.getpid()}"


def redis_available():
    host, port = REDIS.split("//", 1)[1].split("/", 1)[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


_REDIS_UP = redis_available() if REDIS else False


def database_url(name):
    return f"{PG}/{name}"


def env_for(name, settings="academy_site.settings.production"):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url(name),
        "SECRET_KEY": THROWAWAY_SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "READ_DOT_ENV": "false",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(BASE_DIR),
        **({"REDIS_URL": REDIS, "CACHE_KEY_PREFIX": f"{RUN_ID}-{name}"} if _REDIS_UP else {}),
    }


def manage(name, *args, settings="academy_site.settings.production"):
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=BASE_DIR,
        env=env_for(name, settings),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fresh_database(name, *, national_scale=None, static=True):
    """Drop, create, migrate and load the demo data (dev settings allow it) into `name`."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    manage(name, "migrate", "--noinput")
    manage(name, "load_demo_data", settings="academy_site.settings.dev")
    if national_scale:
        manage(
            name,
            "generate_national_data",
            "--scale",
            str(national_scale),
            settings="academy_site.settings.dev",
        )
    settle(name)
    if static:
        manage(name, "collectstatic", "--noinput", "-v0")


# What the cached national database is made from: when any of it changes, it is made again.
_DATA_SOURCES = [
    "*/migrations/*.py",
    "academy_site/demo/*.py",
    "academy_site/management/commands/*.py",
    "practice/management/commands/generate_case_studies.py",
]


def _data_fingerprint(*extra):
    digest = hashlib.sha256(repr(extra).encode())
    for pattern in _DATA_SOURCES:
        for path in sorted(BASE_DIR.glob(pattern)):
            digest.update(str(path.relative_to(BASE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _database_exists(name):
    return query("postgres", f"SELECT 1 FROM pg_database WHERE datname='{name}'") == "1"


def cached_database(name, *, national_scale=1.0, case_studies=0):
    """`name` as a copy of a cached template: migrated, the demo data, the national data at
    `national_scale` and `case_studies` more case studies, VACUUM ANALYZEd. The template is made
    once (a few minutes) and kept between runs while the migrations, the demo data and the
    generators are unchanged, on the same day (older templates are dropped); copying it takes
    seconds."""
    # Today's date too: the generators place sessions and marks around today.
    today = time.strftime("%Y-%m-%d")
    template = f"academy_bench_tpl_{_data_fingerprint(national_scale, case_studies, today)}"
    if not _database_exists(template):
        for old in query(
            "postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'academy_bench_tpl_%'"
        ).split():
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", old], check=True)
        started = time.monotonic()
        building = f"{template}_building"
        fresh_database(building, national_scale=national_scale, static=False)
        if case_studies:
            manage(
                building,
                "generate_case_studies",
                "--count",
                str(case_studies),
                settings="academy_site.settings.dev",
            )
            settle(building)
        query("postgres", f"ALTER DATABASE {building} RENAME TO {template}")
        print(f"Made the cached national database in {time.monotonic() - started:.0f} s")
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", template, name], check=True
    )
    manage(name, "collectstatic", "--noinput", "-v0")


def settle(name):
    """VACUUM ANALYZE after a bulk load, as autovacuum would in time on a live database: fresh
    planner statistics, and no autovacuum pass landing in the middle of a measurement."""
    query(name, "VACUUM ANALYZE")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(name, *, workers=2):
    port = free_port()
    env = {
        **env_for(name),
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    proc = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"], cwd=BASE_DIR, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def django_script(name, script, *args):
    """Run a small Django script (a path from the repository root) under the stack's settings
    against database `name`; it prints JSON as its last line, which is returned."""
    result = subprocess.run(
        [PY, script, *args],
        cwd=BASE_DIR,
        env=env_for(name),
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"{script} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def session_cookies(name, usernames):
    """A signed-in session per user, made directly in the database (no password round trip)."""
    return django_script(name, "benchmarks/_sessions.py", *usernames)


def query(name, sql):
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-At", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()
