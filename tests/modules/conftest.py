import pytest
from django.db import transaction
from django.test import override_settings

from tests.accounts.factories import UserFactory
from tests.modules.world import build_world


@pytest.fixture(scope="module", autouse=True)
def _documents_on_disk(tmp_path_factory):
    """Wagtail streams documents from a file on disk, which in-memory storage has not got."""
    from django.conf import settings

    location = tmp_path_factory.mktemp("media")
    override = override_settings(
        MEDIA_ROOT=location,
        STORAGES={
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(location)},
            },
        },
    )
    override.enable()
    yield location
    override.disable()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, _documents_on_disk):
    """Built once per test module (it takes a while), rolled back after the module's tests;
    each test runs in its own savepoint inside it."""
    from tests.conftest import home_page

    with django_db_blocker.unblock(), transaction.atomic():
        home_page.__wrapped__(None)
        world = build_world(
            manager=UserFactory(programme_manager=True, email="world-manager@example.org"),
            nominator=UserFactory(nominator=True, email="world-nominator@example.org"),
        )
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def client_for(client):
    """A test client signed in as `user` (or anonymous for None)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
