"""The restore drill: a backup of the academy restores into a fresh database and media folder
with every table's rows and every file, and a stored certificate still verifies there.

The drill runs on PostgreSQL (production's database): `pg_dump` and `pg_restore` against a
second database made for the test. The manifest comparison it relies on is checked on any
database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from wagtail.documents.models import Document

from backups.archive import (
    MANIFEST,
    BackupError,
    Database,
    backup_create,
    backup_restore,
    manifest_differences,
)
from cohorts.certificates import services as certificate_services
from cohorts.models import AttendanceMark, Certificate, Enrolment
from tests.cohorts.certificate_helpers import S, World

BASE_DIR = Path(__file__).resolve().parents[2]


def test_a_manifest_reports_each_missing_row_and_changed_file():
    expected = {"tables": {"people": 3, "marks": 10}, "files": {"a.pdf": "1", "b.pdf": "2"}}
    actual = {"tables": {"people": 3, "marks": 9}, "files": {"a.pdf": "1", "b.pdf": "X"}}
    assert manifest_differences(expected, actual) == [
        "table marks: 10 rows backed up, 9 restored",
        "file b.pdf: contents differ",
    ]
    assert manifest_differences(expected, expected) == []
    assert manifest_differences(expected, {"tables": expected["tables"], "files": {}}) == [
        "file a.pdf: missing",
        "file b.pdf: missing",
    ]


def _server(database_name):
    settings = connection.settings_dict
    return {
        "host": settings.get("HOST") or "127.0.0.1",
        "port": settings.get("PORT") or 5432,
        "user": settings.get("USER") or "postgres",
        "password": settings.get("PASSWORD") or None,
        "dbname": database_name,
    }


def _url(name):
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    server = _server(name)
    return f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"


@pytest.fixture
def fresh_database():
    """An empty PostgreSQL database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(**_server("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**_server("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(*args, database_url, media_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy_site.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "READ_DOT_ENV": "false",
    }
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )


VERIFY_ON_RESTORED = """
import django
django.setup()
from django.test import Client
from cohorts.models import Certificate
certificate = Certificate.objects.get(verification_code={code!r})
response = Client().get("/certificates/verify/" + certificate.display_code + "/")
print(response.status_code)
print(response.content.decode())
"""


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the drill uses pg_dump/pg_restore")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_a_fresh_database_and_media_folder(tmp_path, fresh_database):
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, MEDIA_ROOT=str(media)):
        world = World()
        completer = world.enrol(marks=[S.PRESENT, S.PRESENT, S.LATE, S.ABSENT])
        world.enrol(marks=[S.ABSENT, S.APOLOGIES])
        certificate = certificate_services.certificate_issue(
            enrolment=completer, issued_by=world.facilitator
        )
        Document.objects.create(
            title="Slides", file=ContentFile(b"%PDF-1.7 slides", name="slides.pdf")
        )
        stored_pdf = certificate.pdf.read()
        counts = (
            Enrolment.objects.count(),
            AttendanceMark.objects.count(),
            Certificate.objects.count(),
        )

        folder = backup_create(destination=tmp_path / "backups")
        backup_restore(
            source=folder,
            database=Database.from_url(_url(fresh_database)),
            media_root=restored_media,
        )

    manifest = json.loads((folder / MANIFEST).read_text())
    assert (
        manifest["tables"]["cohorts_enrolment"],
        manifest["tables"]["cohorts_attendancemark"],
        manifest["tables"]["cohorts_certificate"],
    ) == counts
    assert manifest["tables"]["accounts_user"] >= 4
    # The restored copy matches row for row and file for file...
    check = _manage(
        "manage.py",
        "backup_check",
        str(folder),
        "--media-root",
        str(restored_media),
        database_url=_url(fresh_database),
        media_root=restored_media,
    )
    assert check.returncode == 0, check.stderr
    assert "matches the backup" in check.stdout
    # ...the stored certificate PDF is byte-identical...
    assert (restored_media / certificate.pdf.name).read_bytes() == stored_pdf
    # ...and the certificate still verifies against the restored database.
    verify = _manage(
        "-c",
        VERIFY_ON_RESTORED.format(code=certificate.verification_code),
        database_url=_url(fresh_database),
        media_root=restored_media,
    )
    assert verify.returncode == 0, verify.stderr
    status, page = verify.stdout.split("\n", 1)
    assert status == "200"
    assert "Status: valid" in page
    assert certificate.holder_name in page


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the drill uses pg_dump/pg_restore")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_never_overwrites_a_database_that_has_tables(tmp_path):
    with override_settings(
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(tmp_path / "media")},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        folder = backup_create(destination=tmp_path / "backups")
    live = Database.from_alias("default")
    with pytest.raises(BackupError, match="already has tables"):
        backup_restore(source=folder, database=live, media_root=tmp_path / "elsewhere")


def test_a_folder_without_a_manifest_is_not_a_backup(tmp_path):
    with pytest.raises(BackupError, match="not a backup"):
        backup_restore(
            source=tmp_path, database=Database(vendor="sqlite", name=str(tmp_path / "x.sqlite3"))
        )
