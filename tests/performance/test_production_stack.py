"""Production's moving parts are chosen by the environment: the task backend its workers read,
a Redis cache shared by the web processes, uploads on S3-compatible storage. Each case loads the
production settings in a fresh process with a clean environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from academy_site.settings.base import postgres_options

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.core.cache import caches
from django.core.files.storage import storages
from django_tasks import task_backends
print(json.dumps({
    "tasks": type(task_backends["default"]).__name__,
    "cache": type(caches["default"]).__name__,
    "media": type(storages["default"]).__name__,
    "static": type(storages["staticfiles"]).__name__,
}))
"""


def production(**values):
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        READ_DOT_ENV="false",
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="academy.example.gov.uk",
        DATABASE_URL="sqlite:////tmp/academy-stack-check.sqlite3",
        **values,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_runs_tasks_on_workers_and_serves_hashed_compressed_static_files():
    stack = production()
    assert stack["tasks"] == "DatabaseBackend"
    assert stack["static"] == "CompressedManifestStaticFilesStorage"
    # No Redis configured: each process keeps its own small cache, and uploads stay on disk.
    assert stack["cache"] == "LocMemCache"
    assert stack["media"] == "FileSystemStorage"


def test_redis_url_gives_the_web_processes_one_shared_cache():
    assert production(REDIS_URL="redis://127.0.0.1:6379/0")["cache"] == "RedisCache"


def test_use_s3_media_puts_uploads_on_s3_compatible_storage():
    stack = production(USE_S3_MEDIA="true", AWS_STORAGE_BUCKET_NAME="academy-media")
    assert stack["media"] == "S3Storage"


def test_s3_media_refuses_to_start_without_a_bucket():
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={
            **env,
            "READ_DOT_ENV": "false",
            "DJANGO_SETTINGS_MODULE": "academy_site.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "academy.example.gov.uk",
            "DATABASE_URL": "sqlite:////tmp/academy-stack-check.sqlite3",
            "USE_S3_MEDIA": "true",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME must be set" in result.stderr


@pytest.mark.django_db
def test_postgresql_connections_plan_for_solid_state_storage():
    """With the spinning-disk default the planner read every person in the academy to list one
    organisation's officers; each connection says random reads are cheap instead."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1


def test_the_servers_own_planner_settings_can_be_kept(monkeypatch):
    postgresql = "django.db.backends.postgresql"
    assert postgres_options({"ENGINE": postgresql})["OPTIONS"]["options"] == (
        "-c random_page_cost=1.1"
    )
    monkeypatch.setenv("DATABASE_RANDOM_PAGE_COST", "server")
    assert "options" not in postgres_options({"ENGINE": postgresql})["OPTIONS"]
    # Options already in DATABASE_URL are kept.
    monkeypatch.setenv("DATABASE_RANDOM_PAGE_COST", "2")
    database = {"ENGINE": postgresql, "OPTIONS": {"options": "-c statement_timeout=5000"}}
    assert postgres_options(database)["OPTIONS"]["options"] == (
        "-c statement_timeout=5000 -c random_page_cost=2.0"
    )
