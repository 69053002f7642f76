"""The personal-data access log screen: programme managers see who viewed or exported whose
data and when, filter it, page through it and export it (formula-safe); the export is logged."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from personal_data.models import PersonalDataAccess, personal_data_access_record
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
LOG = reverse("personal_data:access_log")
Action = PersonalDataAccess.Action


@pytest.fixture
def log(manager):
    facilitator = UserFactory(facilitator=True, first_name="Fay", email="fay@example.org")
    pat = UserFactory(first_name="Pat", last_name="Ridley", email="pat@example.org")
    old = personal_data_access_record(
        actor=facilitator, action=Action.VIEWED, description="People on Kent 2026"
    )
    PersonalDataAccess.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=40))
    personal_data_access_record(
        actor=facilitator,
        action=Action.EXPORTED,
        description='=HYPERLINK("http://evil") attendance export',
    )
    personal_data_access_record(
        actor=pat, action=Action.EXPORTED, description="Downloaded their own data", subject=pat
    )
    return facilitator, pat


def test_a_manager_sees_and_filters_the_log(client, manager, log):
    client.force_login(manager)
    page = client.get(LOG)
    assert page.status_code == 200 and "Entries (3)" in page.text
    assert "fay@example.org" in page.text and "People on Kent 2026" in page.text
    assert "Entries (2)" in client.get(LOG, {"actor": "fay"}).text
    assert "Entries (1)" in client.get(LOG, {"subject": "ridley"}).text
    assert "Entries (2)" in client.get(LOG, {"action": "exported"}).text
    since = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    recent = client.get(LOG, {"date_from": since})
    assert "Entries (2)" in recent.text and "People on Kent 2026" not in recent.text
    wrong = client.get(LOG, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "govuk-error-summary" in wrong.text


def test_the_log_is_paginated(client, manager):
    for n in range(60):
        personal_data_access_record(actor=manager, action=Action.VIEWED, description=f"View {n}")
    client.force_login(manager)
    assert "Entries (60), page 1 of 2" in client.get(LOG).text
    assert "page 2 of 2" in client.get(LOG, {"page": 2}).text


def test_the_export_is_formula_safe_filtered_and_itself_logged(client, manager, log):
    client.force_login(manager)
    response = client.get(
        reverse("personal_data:access_log_export", args=["csv"]), {"actor": "fay"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["When", "Who", "Who (email)", "Did"]
    assert len(rows) == 3  # the header and Fay's two entries
    assert any(row[4].startswith("'=HYPERLINK") for row in rows[1:])
    assert PersonalDataAccess.objects.filter(
        actor=manager, action=Action.EXPORTED, object_key="access-log"
    ).exists()
    xlsx = client.get(reverse("personal_data:access_log_export", args=["xlsx"]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_only_programme_managers_see_the_log(client, log):
    facilitator, pat = log
    for person in (facilitator, pat, UserFactory(nominator=True)):
        client.force_login(person)
        assert client.get(LOG).status_code == 403
        export = reverse("personal_data:access_log_export", args=["csv"])
        assert client.get(export).status_code == 403
