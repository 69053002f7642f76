"""The one store holding an upload between its preview and its confirmation: kept under a random
key, readable only by the person who uploaded it, forgotten once confirmed or after an hour.
Both upload pipelines (nominations, video-call attendance) keep their file there."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cohorts.models import AttendanceMark, Enrolment
from spreadsheets.uploads import UploadStore
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many
from tests.cohorts.nomination_world import make_world

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parents[1] / "cohorts" / "import_files"


@pytest.fixture
def store():
    return UploadStore("tests")


def test_an_upload_is_read_back_by_its_key(store, nominator):
    key = store.save(owner=nominator, data=b"Email\na@b.org\n", meta={"cohort": 3})
    upload = store.load(key=key, owner=nominator)
    assert (upload.data, upload.meta) == (b"Email\na@b.org\n", {"cohort": 3})


def test_nobody_else_can_read_an_upload(store, nominator):
    key = store.save(owner=nominator, data=b"secret names")
    assert store.load(key=key, owner=UserFactory(nominator=True)) is None


def test_an_upload_is_forgotten_after_an_hour(store, nominator):
    now = timezone.now()
    key = store.save(owner=nominator, data=b"x", now=now)
    assert store.load(key=key, owner=nominator, now=now + dt.timedelta(minutes=59))
    assert store.load(key=key, owner=nominator, now=now + dt.timedelta(minutes=61)) is None


def test_an_upload_is_forgotten_once_confirmed(store, nominator):
    key = store.save(owner=nominator, data=b"x")
    store.remove(key=key)
    assert store.load(key=key, owner=nominator) is None


@pytest.mark.parametrize("key", ["", "../../settings", "a" * 10, "x/y" * 10])
def test_a_made_up_key_reads_nothing(store, nominator, key):
    assert store.load(key=key, owner=nominator) is None


def test_a_key_reads_only_its_own_kind_of_upload(store, nominator):
    # Only a key's own shape is read: a key that climbs into another store's folder (another
    # pipeline's upload, by the same person) reads nothing.
    other = UploadStore("other-tests")
    key = other.save(owner=nominator, data=b"another pipeline's file")
    assert store.load(key=f"../other-tests/{key}", owner=nominator) is None
    assert other.load(key=key, owner=nominator).data == b"another pipeline's file"


def test_old_uploads_are_cleared_away_when_a_new_one_is_kept(store, nominator):
    old = store.save(owner=nominator, data=b"old")
    storage = store.get_storage()
    path = store._path(old)
    assert storage.exists(path)
    store.save(owner=nominator, data=b"new", now=timezone.now() + dt.timedelta(hours=2))
    assert not storage.exists(path)


def test_a_nomination_upload_waits_in_the_store_not_the_session(client):
    world = make_world(capacity=10, police_seats=4)
    client.force_login(world.police_nominator)
    upload = SimpleUploadedFile("officers.csv", (FILES / "utf8_bom_comma.csv").read_bytes())
    response = client.post(
        reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk]),
        {"file": upload},
    )
    key = response.url.rstrip("/").rsplit("/", 1)[-1]
    assert UploadStore("nominations").load(key=key, owner=world.police_nominator)
    assert "Aisha" not in str(dict(client.session))
    client.post(response.url)
    assert Enrolment.objects.count() == 3
    assert UploadStore("nominations").load(key=key, owner=world.police_nominator) is None


def test_another_facilitators_attendance_upload_cannot_be_confirmed(client, facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=1)
    [enrolment] = enrol_many(cohort, 1)
    other = UserFactory(programme_manager=True)
    data = f"Email,Duration\n{enrolment.participant.email},90\n".encode()
    key = UploadStore("attendance-imports").save(
        owner=other, data=data, meta={"session": sessions[0].pk, "name": "call.csv"}
    )
    client.force_login(facilitator)
    response = client.post(
        reverse("cohorts:attendance_import", args=[sessions[0].pk]),
        {"payload": key, "min_minutes": 60},
    )
    assert "The preview has expired" in response.content.decode()
    assert not AttendanceMark.objects.exists()
