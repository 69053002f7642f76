"""Production refuses to start without its secrets and passes Django's deployment checks; dev
works with no environment at all. Each case runs manage.py in a fresh process with a clean
environment (no inherited settings module or database, and no local .env)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "academy.example.gov.uk",
    "DATABASE_URL": "sqlite:////tmp/academy-settings-check.sqlite3",
}


def clean_env(**values):
    """Only what a process needs to run, never the parent's Django settings."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    # A developer's .env must not fill in what a case leaves out on purpose.
    env["READ_DOT_ENV"] = "false"
    env.update(values)
    return env


def manage(*args, **env_values):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=clean_env(**env_values),
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_check(**env_values):
    return manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        **env_values,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_each_required_setting(missing):
    values = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = production_check(**values)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set in the environment for production." in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_a_blank_required_setting(missing):
    result = production_check(**{**PRODUCTION_ENV, missing: "   "})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_passes_the_deployment_checks_with_no_warnings():
    result = production_check(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_deployment_checks_fail_on_a_weak_secret_key():
    result = production_check(**{**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_dev_settings_work_with_no_environment_at_all():
    # No DJANGO_SETTINGS_MODULE either: manage.py picks the dev settings.
    script = (
        "from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG, bool(settings.SECRET_KEY), "
        "settings.DATABASES['default']['ENGINE'])"
    )
    result = manage("shell", "--no-imports", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "academy_site.settings.dev",
        "True",
        "True",
        "django.db.backends.sqlite3",
    ]


@pytest.mark.parametrize(
    "redis_url, backend",
    [("redis://127.0.0.1:6379/0", "RedisCache"), ("", "DummyCache")],
)
def test_production_keeps_cohort_results_only_in_a_cache_every_process_shares(redis_url, backend):
    """Results kept under a cohort's record version (`cohorts.record_versions`) are seen by
    every web process and task worker, or not kept at all: a copy in one process's memory
    would not hear of another process's change."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['records']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="academy_site.settings.production",
        REDIS_URL=redis_url,
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(backend)
