"""Every enrolment change records who, when and what changed, for programme managers to see."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from cohorts.enrolment import services
from cohorts.models import EnrolmentEvent
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world(capacity=4, police_seats=1, health_seats=2)


def test_each_change_records_who_when_and_from_what_to_what(world):
    first = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    waiting = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(2)
    )
    services.enrolment_decline(actor=first.participant, enrolment=first)
    waiting.refresh_from_db()
    services.invitation_resend(actor=world.police_nominator, enrolment=waiting)
    services.enrolment_confirm(actor=waiting.participant, enrolment=waiting)

    events = list(EnrolmentEvent.objects.order_by("at", "pk"))
    assert [(e.enrolment_id, e.actor, e.action, e.from_status, e.to_status) for e in events] == [
        (first.pk, world.police_nominator, "nominated", "", "invited"),
        (waiting.pk, world.police_nominator, "nominated", "", "waiting-list"),
        (first.pk, first.participant, "declined", "invited", "declined"),
        (waiting.pk, first.participant, "offered", "waiting-list", "invited"),
        (waiting.pk, world.police_nominator, "invitation-resent", "invited", "invited"),
        (waiting.pk, waiting.participant, "confirmed", "invited", "confirmed"),
    ]
    assert all(e.at for e in events)


def test_a_failed_change_records_nothing(world):
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    services.enrolment_confirm(actor=enrolment.participant, enrolment=enrolment)
    with pytest.raises(ValidationError, match="cannot be confirmed"):
        services.enrolment_confirm(actor=enrolment.participant, enrolment=enrolment)
    assert EnrolmentEvent.objects.filter(action="confirmed").count() == 1


def test_saving_an_enrolment_elsewhere_writes_no_event(world):
    # Events are written by the services, not by signals.
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    enrolment.save()
    assert EnrolmentEvent.objects.count() == 1


def test_manager_sees_the_enrolment_history_in_the_cohorts_history(client, manager, world):
    services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    client.force_login(manager)
    history = reverse("cohorts:cohort_history", args=[world.cohort.pk])
    assert history in client.get(reverse("cohorts:overview", args=[world.cohort.pk])).text
    response = client.get(history)
    # As the page prints it: a name such as O'Neill is escaped in the HTML.
    assert escape(str(world.police_nominator)) in response.text
    assert "Nominated" in response.text and "Nomination form" in response.text


def test_manager_reads_the_history_in_the_admin_but_cannot_change_it(client, manager, world):
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    event = enrolment.events.get()
    client.force_login(manager)
    listing = client.get(reverse("wagtailsnippets_cohorts_enrolmentevent:list"))
    assert listing.status_code == 200
    inspect = client.get(reverse("wagtailsnippets_cohorts_enrolmentevent:inspect", args=[event.pk]))
    assert inspect.status_code == 200
    edit = client.get(reverse("wagtailsnippets_cohorts_enrolmentevent:edit", args=[event.pk]))
    assert edit.status_code in (302, 403)
    delete = client.post(reverse("wagtailsnippets_cohorts_enrolmentevent:delete", args=[event.pk]))
    assert delete.status_code in (302, 403)
    assert EnrolmentEvent.objects.filter(pk=event.pk).exists()


def test_nominators_cannot_read_the_history_in_the_admin(client, world):
    client.force_login(world.police_nominator)
    response = client.get(reverse("wagtailsnippets_cohorts_enrolmentevent:list"))
    assert response.status_code in (302, 403)
