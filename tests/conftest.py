"""The site every test runs in: a Wagtail site whose root is the academy's home page, and the
role groups (made by the role migration). Factories live beside the tests of each app."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page, Site

from content.models import HomePage
from practice.caching import forget_in_memory
from tests.accounts.factories import UserFactory


def _root_page():
    """Wagtail's root page, made by its migrations. A transactional test flushes the database
    afterwards, taking the root and the default locale with it: put them back."""
    root = Page.get_first_root_node()
    if root is None:
        ContentType.objects.clear_cache()  # the flush renumbered the content types
        Locale.objects.get_or_create(
            language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


@pytest.fixture
def home_page(db):
    root = _root_page()
    existing = HomePage.objects.first()
    if existing:
        return existing
    home = HomePage(title="Academy", slug="academy")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Academy"},
    )
    # Wagtail's own welcome page is not part of the academy.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a page fragment cached by one test must not be
    served in another that made a page with the same id and publishing time."""
    for each in caches.all():
        each.clear()  # the default cache and the cohort records' ("records")
    forget_in_memory()  # the good practice database's copies of kept values, too


@pytest.fixture(autouse=True)
def _site(request, home_page):
    """Every database test gets the home page as the default site's root."""
    return home_page


@pytest.fixture
def manager(db):
    return UserFactory(programme_manager=True, email="manager@example.org")


@pytest.fixture
def facilitator(db):
    return UserFactory(facilitator=True, email="facilitator@example.org")


@pytest.fixture
def nominator(db):
    return UserFactory(nominator=True, email="nominator@example.org")


def pytest_collection_modifyitems(items):
    """Every transactional test restores what the migrations made (serialized_rollback). One
    that does not leaves its flush re-creating content types with new ids on PostgreSQL (its
    sequences are not reset), and the next test that restores them fails on a duplicate."""
    plain = [
        item.nodeid
        for item in items
        if (mark := item.get_closest_marker("django_db"))
        and mark.kwargs.get("transaction")
        and not mark.kwargs.get("serialized_rollback")
    ]
    if plain:
        raise pytest.UsageError(
            "Mark transactional tests django_db(transaction=True, serialized_rollback=True): "
            + ", ".join(plain)
        )
