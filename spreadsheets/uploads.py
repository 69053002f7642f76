"""Holding an uploaded file between its preview and its confirmation (as Wagtail's redirects
importer keeps its upload in `tmp_storages`): the file is stored under a random key, only the
person who uploaded it can read it back, and it is forgotten once confirmed or after an hour.

It is kept in the default file storage (a folder on disk, or the S3 bucket in production), so a
preview shown by one web process can be confirmed through another, and nothing but the key
travels in the page or the session.
"""

import base64
import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass
class PendingUpload:
    """A stored upload: its bytes, and what the pipeline noted about it (cohort, file name...)."""

    key: str
    data: bytes
    meta: dict


class UploadStore:
    """Pending uploads of one kind (`purpose`, for example "nominations"), kept for `max_age`."""

    folder = "pending-uploads"
    max_age = dt.timedelta(hours=1)

    def __init__(self, purpose):
        if not re.fullmatch(r"[a-z0-9-]+", purpose):
            raise ValueError("An upload store's purpose is a slug.")
        self.purpose = purpose

    def get_storage(self):
        return default_storage

    def _path(self, key):
        return f"{self.folder}/{self.purpose}/{key}.json"

    def save(self, *, owner, data: bytes, meta: dict | None = None, now=None) -> str:
        """Keep `data` for `owner` (a user); the returned key reads it back."""
        now = now or timezone.now()
        self.purge(now=now)
        key = secrets.token_urlsafe(18)
        record = {
            "owner": owner.pk,
            "saved_at": now.isoformat(),
            "meta": meta or {},
            "data": base64.b64encode(data).decode("ascii"),
        }
        self.get_storage().save(self._path(key), ContentFile(json.dumps(record).encode()))
        return key

    def load(self, *, key, owner, now=None) -> PendingUpload | None:
        """The upload kept under `key` for `owner`, or None if there is none (never stored,
        stored for someone else, already confirmed, or expired)."""
        if not key or not _KEY.match(key):
            return None
        storage, path = self.get_storage(), self._path(key)
        if not storage.exists(path):
            return None
        with storage.open(path, "rb") as handle:
            record = json.loads(handle.read())
        saved_at = dt.datetime.fromisoformat(record["saved_at"])
        if record.get("owner") != owner.pk or saved_at + self.max_age < (now or timezone.now()):
            return None
        return PendingUpload(key=key, data=base64.b64decode(record["data"]), meta=record["meta"])

    def remove(self, *, key):
        """Forget an upload (once it is confirmed)."""
        if key and _KEY.match(key):
            self.get_storage().delete(self._path(key))

    def purge(self, *, now=None):
        """Forget every upload of this kind older than `max_age`."""
        storage = self.get_storage()
        folder = f"{self.folder}/{self.purpose}"
        cutoff = (now or timezone.now()) - self.max_age
        try:
            _, names = storage.listdir(folder)
        except (FileNotFoundError, NotADirectoryError):
            return
        for name in names:
            path = f"{folder}/{name}"
            try:
                if storage.get_modified_time(path) < cutoff:
                    storage.delete(path)
            except (FileNotFoundError, NotImplementedError):
                continue
