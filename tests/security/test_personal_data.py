"""UK GDPR journeys: the privacy notice, a participant downloading everything held about them,
a programme manager erasing a person on request, anonymising after the retention period, and
the log of who viewed or exported personal data."""

import csv
import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from cohorts.models import Apology, AttendanceMark, Certificate, Enrolment
from modules.models import ModuleProgress
from personal_data.models import PersonalDataAccess
from personal_data.services import people_past_retention
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.factories import CohortFactory, EnrolmentFactory
from tests.security.world import security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)


def test_the_privacy_notice_is_public_and_linked_from_every_page(client, world):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Privacy notice" in html
    assert "6 years after the last cohort you took part in closes" in html
    assert f'href="{reverse("privacy")}"' in client.get(reverse("accounts:login")).content.decode()


def test_a_participant_downloads_everything_held_about_them_as_json(client, world):
    me = world.people["participant"]
    client.force_login(me)
    page = client.get(reverse("personal_data:my_data")).content.decode()
    assert reverse("personal_data:my_data_download", args=["json"]) in page

    response = client.get(reverse("personal_data:my_data_download", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-academy-data.json"'
    data = json.loads(response.content)
    assert data["profile"]["email"] == "pat.ridley@example.org"
    [enrolment] = data["enrolments"]
    assert enrolment["cohort"] == "Kent 2026"
    assert enrolment["attendance"][0]["note"] == "Note about A"
    assert enrolment["apologies"][0]["reason"] == "Reason from A"
    assert enrolment["certificate"]["verification_code"] == world["certificateA"].display_code
    assert data["module_progress"][0]["reflections"][0]["answer"] == "Private words of participant"

    text = response.content.decode()
    assert "olu.bankole@example.org" not in text and "Private words of other" not in text


def test_the_download_shows_invitations_but_never_their_secret_link(client, world):
    invited = world["enrolmentO"].participant
    client.force_login(invited)
    data = json.loads(client.get(reverse("personal_data:my_data_download", args=["json"])).content)
    [invitation] = data["enrolments"][0]["invitations"]
    assert invitation["sent_to"] == "invited.officer@example.org"
    assert world.token not in json.dumps(data)
    assert "token" not in json.dumps(data)


def test_a_participant_downloads_the_same_data_as_csv(client, world):
    client.force_login(world.people["participant"])
    response = client.get(reverse("personal_data:my_data_download", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = dict(csv.reader(io.StringIO(response.content.decode())))
    assert rows["profile.email"] == "pat.ridley@example.org"
    assert rows["enrolments[1].apologies[1].reason"] == "Reason from A"


def test_a_download_is_recorded_in_the_access_log(client, world):
    me = world.people["participant"]
    client.force_login(me)
    client.get(reverse("personal_data:my_data_download", args=["csv"]))
    entry = PersonalDataAccess.objects.get()
    assert (entry.actor, entry.subject, entry.action) == (me, me, "exported")


def test_bulk_views_and_exports_of_personal_data_are_logged(client, world):
    facilitator = world.people["facilitator"]
    client.force_login(facilitator)
    cohort = world["cohortA"]
    client.get(reverse("cohorts:people", args=[cohort.pk]))
    client.get(reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "xlsx"]))
    log = list(
        PersonalDataAccess.objects.order_by("pk").values_list("actor", "action", "object_key")
    )
    assert log == [
        (facilitator.pk, "viewed", f"cohort:{cohort.pk}"),
        (facilitator.pk, "exported", f"cohort:{cohort.pk}"),
    ]


def test_a_manager_erases_a_person_after_confirming(client, world):
    manager, person = world.people["manager"], world.people["participant"]
    url = reverse("personal_data:person_erase", args=[person.pk])
    client.force_login(manager)
    assert "Erase Pat Ridley" in client.get(url).content.decode()

    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 400
    assert "Tick the box to confirm the erasure." in unconfirmed.content.decode()
    person.refresh_from_db()
    assert person.erased_at is None and person.email == "pat.ridley@example.org"

    done = client.post(url, {"confirm": "on"})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.erased_at is not None
    assert not person.is_active and not person.has_usable_password()
    assert (person.first_name, person.last_name, person.job_title) == ("", "", "")
    assert person.email == f"erased-{person.pk}@erased.invalid"
    # Statistics still add up: the place and the attendance stay, anonymously.
    enrolment = Enrolment.objects.get(pk=world["enrolmentA"].pk)
    assert enrolment.participant_id == person.pk
    mark = AttendanceMark.objects.get(pk=world["markA"].pk)
    assert mark.status == "present" and mark.note == ""
    # What they wrote and what was written about them goes.
    assert ModuleProgress.objects.get(participant=person).reflections == {}
    assert Apology.objects.get(enrolment=enrolment).reason == ""
    entry = PersonalDataAccess.objects.get(action="erased")
    assert (entry.actor, entry.subject) == (manager, person)


def test_an_erased_persons_certificate_still_verifies_without_their_name(client, world):
    person = world.people["participant"]
    certificate = world["certificateA"]
    client.force_login(world.people["manager"])
    client.post(reverse("personal_data:person_erase", args=[person.pk]), {"confirm": "on"})
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.holder_name == "" and not certificate.pdf
    client.logout()
    html = client.get(
        reverse("certificates:verify", args=[certificate.display_code])
    ).content.decode()
    assert "Status: valid." in html
    assert "The holder's details were removed at their request." in html
    assert "Ridley" not in html


def test_an_erased_person_cannot_sign_in_any_more(client, world):
    person = world.people["participant"]
    client.force_login(world.people["manager"])
    client.post(reverse("personal_data:person_erase", args=[person.pk]), {"confirm": "on"})
    client.logout()
    client.post(
        reverse("accounts:login"),
        {"login": "pat.ridley@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
    )
    assert client.session.get("_auth_user_id") is None


def test_erasure_forgets_how_the_person_signed_in(client, world):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession
    from django.test import Client

    from tests.accounts.mfa_helpers import add_authenticator_app, totp_code

    person = world.people["participant"]
    secret = add_authenticator_app(person)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    their_browser = Client()
    their_browser.post(
        reverse("accounts:login"),
        {"login": person.email, "password": PASSWORD},
        REMOTE_ADDR="10.8.8.8",
        HTTP_USER_AGENT="Their browser",
    )
    their_browser.post(
        reverse("mfa_authenticate"),
        {"code": totp_code(secret)},
        REMOTE_ADDR="10.8.8.8",
        HTTP_USER_AGENT="Their browser",
    )
    assert UserSession.objects.filter(user=person, ip="10.8.8.8").exists()

    client.force_login(world.people["manager"])
    client.post(reverse("personal_data:person_erase", args=[person.pk]), {"confirm": "on"})
    for model in (Authenticator, EmailAddress, UserSession):
        assert not model.objects.filter(user=person).exists(), model
    # Their open session ended with the erasure.
    assert their_browser.get(reverse("home")).status_code == 302


def test_a_manager_cannot_erase_themselves_or_erase_twice(client, world):
    manager = world.people["manager"]
    client.force_login(manager)
    response = client.post(
        reverse("personal_data:person_erase", args=[manager.pk]), {"confirm": "on"}
    )
    assert response.status_code == 400
    assert "You cannot erase your own account" in response.content.decode()
    manager.refresh_from_db()
    assert manager.erased_at is None
    person = world.people["other_participant"]
    client.post(reverse("personal_data:person_erase", args=[person.pk]), {"confirm": "on"})
    again = client.get(reverse("personal_data:person_erase", args=[person.pk]))
    assert "Details erased" in again.content.decode()
    assert PersonalDataAccess.objects.filter(action="erased").count() == 1


@pytest.fixture
def long_closed(db):
    """A participant whose only cohort ended seven years ago, one whose second cohort is recent,
    and a nominator who was once a participant."""
    closed = CohortFactory(
        closed=True, starts_on=dt.date(2018, 1, 10), ends_on=dt.date(2018, 9, 30)
    )
    recent = CohortFactory(closed=True, starts_on=dt.date(2023, 1, 10), ends_on=dt.date(2023, 9, 1))
    old = EnrolmentFactory(cohort=closed, participant__email="old@example.org").participant
    returning = EnrolmentFactory(cohort=closed, participant__email="back@example.org").participant
    EnrolmentFactory(cohort=recent, participant=returning)
    nominator = UserFactory(nominator=True, email="nom@example.org")
    EnrolmentFactory(cohort=closed, participant=nominator)
    return old, returning, nominator


def test_retention_picks_only_participants_whose_last_cohort_closed_over_six_years_ago(
    long_closed,
):
    old, _returning, _nominator = long_closed
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        assert list(people_past_retention()) == [old]


def test_the_retention_command_dry_run_changes_nothing(long_closed):
    old, *_ = long_closed
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        call_command("anonymise_expired", "--dry-run", stdout=out)
    assert f"Would anonymise person #{old.pk}" in out.getvalue()
    old.refresh_from_db()
    assert old.erased_at is None and old.email == "old@example.org"


def test_the_retention_command_anonymises_expired_participants(long_closed):
    old, returning, nominator = long_closed
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        call_command("anonymise_expired", stdout=out)
    assert "Anonymised 1 people" in out.getvalue()
    old.refresh_from_db()
    returning.refresh_from_db()
    nominator.refresh_from_db()
    assert old.erased_at is not None and old.email.endswith("@erased.invalid")
    assert returning.erased_at is None and nominator.erased_at is None
    entry = PersonalDataAccess.objects.get(action="erased")
    assert entry.actor is None and "retention" in entry.description


def test_the_admin_people_list_offers_erasure_to_programme_managers(client, world):
    client.force_login(world.people["manager"])
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    person = world.people["participant"]
    assert reverse("personal_data:person_erase", args=[person.pk]) in html


def test_erasing_a_facilitator_takes_them_off_their_cohorts(client, world):
    facilitator = world.people["facilitator"]
    client.force_login(world.people["manager"])
    client.post(reverse("personal_data:person_erase", args=[facilitator.pk]), {"confirm": "on"})
    cohort = type(world["cohortA"]).objects.get(pk=world["cohortA"].pk)
    assert facilitator not in cohort.facilitators.all()
    facilitator.refresh_from_db()
    assert list(facilitator.groups.values_list("name", flat=True)) == []
