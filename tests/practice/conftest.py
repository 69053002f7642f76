import pytest
from django.test import override_settings


@pytest.fixture
def documents_on_disk(tmp_path, settings):
    """Wagtail streams documents from a file on disk, which in-memory storage has not got."""
    override = override_settings(
        MEDIA_ROOT=tmp_path,
        STORAGES={
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(tmp_path)},
            },
        },
    )
    with override:
        yield tmp_path


@pytest.fixture
def index(db):
    from tests.practice.factories import good_practice_index

    return good_practice_index()


@pytest.fixture
def participant(db):
    from tests.accounts.factories import UserFactory

    return UserFactory(participant=True, email="pat@example.org", first_name="Pat")
