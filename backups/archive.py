"""A backup of the academy, and its restore: the database and every uploaded file.

A backup is one folder holding
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's own
  online backup), taken in one consistent snapshot;
- `media.tar.gz`: every file in the default storage (documents, stored certificate PDFs, images),
  read through the storage API so the same code backs up a folder or an S3 bucket;
- `manifest.json`: the row count of every table and the SHA-256 of every file, which
  `backup_check` compares with a restored copy.

Restoring never overwrites: the target database must have no tables and no file may exist
already, so a restore drill cannot damage the live site by mistake.
"""

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


@dataclass(frozen=True)
class Database:
    """Where a database is: its vendor and the settings psql or sqlite3 need."""

    vendor: str
    name: str
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_alias(cls, alias="default"):
        settings = connections[alias].settings_dict
        return cls(
            vendor=connections[alias].vendor,
            name=str(settings["NAME"]),
            host=settings.get("HOST") or "",
            port=str(settings.get("PORT") or ""),
            user=settings.get("USER") or "",
            password=settings.get("PASSWORD") or "",
        )

    @classmethod
    def from_url(cls, url):
        config = dj_database_url.parse(url)
        vendor = "sqlite" if "sqlite" in config["ENGINE"] else "postgresql"
        return cls(
            vendor=vendor,
            name=str(config["NAME"]),
            host=config.get("HOST") or "",
            port=str(config.get("PORT") or ""),
            user=config.get("USER") or "",
            password=config.get("PASSWORD") or "",
        )

    def pg_args(self):
        args = ["--dbname", self.name]
        if self.host:
            args += ["--host", self.host]
        if self.port:
            args += ["--port", self.port]
        if self.user:
            args += ["--username", self.user]
        return args

    def pg_env(self):
        env = {**os.environ}
        if self.password:
            env["PGPASSWORD"] = self.password
        return env


def table_counts(alias="default"):
    """{table: rows} for every table the installed apps define (many-to-many tables included)."""
    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        & existing
    )
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (our table names)
            counts[table] = cursor.fetchone()[0]
    return counts


def _walk(storage, folder=""):
    """Every file name in a storage, recursively, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_hashes(storage=None):
    storage = storage or default_storage
    return {name: _sha256(storage, name) for name in _walk(storage)}


def manifest_build(*, alias="default", storage=None):
    return {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": connections[alias].vendor,
        "tables": table_counts(alias),
        "files": file_hashes(storage),
    }


def manifest_differences(expected, actual):
    """Plain-English lines for each table whose count differs and each file missing or
    changed; none when the restored copy matches the backup."""
    lines = []
    for table, count in sorted(expected["tables"].items()):
        found = actual["tables"].get(table)
        if found != count:
            lines.append(f"table {table}: {count} rows backed up, {found} restored")
    for name, digest in sorted(expected["files"].items()):
        found = actual["files"].get(name)
        if found is None:
            lines.append(f"file {name}: missing")
        elif found != digest:
            lines.append(f"file {name}: contents differ")
    return lines


def _run(command, *, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")


def _dump_database(database, folder):
    if database.vendor == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(folder / POSTGRES_DUMP),
                *database.pg_args(),
            ],
            env=database.pg_env(),
        )
    elif database.vendor == "sqlite":
        source = sqlite3.connect(database.name)
        target = sqlite3.connect(folder / SQLITE_COPY)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        raise BackupError(f"Backing up a {database.vendor} database is not supported.")


def _archive_media(storage, folder):
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        for name in _walk(storage):
            with storage.open(name, "rb") as handle:
                data = handle.read()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def backup_create(*, destination, alias="default", storage=None):
    """Write a backup of the database and the uploaded files into a new folder under
    `destination`, and return that folder."""
    storage = storage or default_storage
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(destination) / f"academy-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    try:
        # The manifest first: a row written while the dump runs can only add to the dump's
        # counts, never be missing from them, and backup_check reports any difference.
        manifest = manifest_build(alias=alias, storage=storage)
        _dump_database(Database.from_alias(alias), folder)
        _archive_media(storage, folder)
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _postgres_is_empty(database):
    result = subprocess.run(
        [
            "psql",
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            "--command",
            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'",
            *database.pg_args(),
        ],
        env=database.pg_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"Cannot reach the target database: {result.stderr.strip()}")
    return result.stdout.strip() == "0"


def _restore_database(folder, database):
    if database.vendor == "postgresql":
        if not (folder / POSTGRES_DUMP).exists():
            raise BackupError("This backup holds no PostgreSQL dump.")
        if not _postgres_is_empty(database):
            raise BackupError(
                f"The database {database.name} already has tables: restore into a new, empty one."
            )
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *database.pg_args(),
                str(folder / POSTGRES_DUMP),
            ],
            env=database.pg_env(),
        )
    elif database.vendor == "sqlite":
        if not (folder / SQLITE_COPY).exists():
            raise BackupError("This backup holds no SQLite copy.")
        target = Path(database.name)
        if target.exists() and target.stat().st_size:
            raise BackupError(f"{target} already exists: restore into a new file.")
        shutil.copyfile(folder / SQLITE_COPY, target)
    else:
        raise BackupError(f"Restoring a {database.vendor} database is not supported.")


def _restore_media(folder, storage):
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            if storage.exists(member.name):
                raise BackupError(f"{member.name} already exists: restore into an empty folder.")
            saved = storage.save(member.name, ContentFile(archive.extractfile(member).read()))
            if saved != member.name:
                raise BackupError(f"{member.name} was stored as {saved}.")


def backup_restore(*, source, database, media_root=None):
    """Restore a backup folder into an empty `database` (a `Database`) and, with `media_root`,
    into a new media folder (otherwise into the site's configured storage)."""
    folder = Path(source)
    if not (folder / MANIFEST).exists():
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.")
    storage = FileSystemStorage(location=media_root) if media_root else default_storage
    _restore_database(folder, database)
    _restore_media(folder, storage)


def backup_check(*, source, alias="default", media_root=None):
    """Compare the current database and files with a backup's manifest: the differences, or
    none when the restore is complete."""
    expected = json.loads((Path(source) / MANIFEST).read_text())
    storage = FileSystemStorage(location=media_root) if media_root else default_storage
    actual = {"tables": table_counts(alias), "files": file_hashes(storage)}
    return manifest_differences(expected, actual)
