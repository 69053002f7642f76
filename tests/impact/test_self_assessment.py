"""A participant rates themselves on the six capabilities when they confirm their place (before)
and when they complete (after); they see their own ratings; nobody else can rate for them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Enrolment
from impact import services
from impact.models import CapabilityWording, SelfAssessment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, EnrolmentFactory
from tests.impact.factories import SelfAssessmentFactory

pytestmark = pytest.mark.django_db
Stage = SelfAssessment.Stage
HOME = reverse("home")


def _all(value):
    return {f"capability_{n}": str(value) for n in range(1, 7)}


@pytest.fixture
def participant():
    return UserFactory(participant=True)


@pytest.fixture
def enrolment(participant):
    return EnrolmentFactory(
        participant=participant, cohort=CohortFactory(name="Kent 2026"), status="confirmed"
    )


def test_a_confirmed_participant_is_asked_to_rate_themselves_before_on_my_academy(
    client, participant, enrolment
):
    client.force_login(participant)
    page = client.get(HOME).content.decode()
    assert "Rate your digital leadership (before)" in page
    assert reverse("impact:self_assessment", args=[enrolment.pk]) in page


def test_rating_yourself_saves_the_six_ratings_and_the_prompt_goes(client, participant, enrolment):
    client.force_login(participant)
    url = reverse("impact:self_assessment", args=[enrolment.pk])
    form = client.get(url).content.decode()
    assert 'class="govuk-radios__input"' in form
    assert "What the five points mean" in form
    response = client.post(url, {**_all(2), "capability_6": "4"})
    assert response.status_code == 200
    assert "govuk-notification-banner--success" in response.content.decode()
    saved = SelfAssessment.objects.get(enrolment=enrolment)
    assert (saved.stage, saved.ratings) == (Stage.BEFORE, [2, 2, 2, 2, 2, 4])
    assert "Rate your digital leadership" not in client.get(HOME).content.decode()


def test_a_missing_rating_is_an_error_with_a_summary_the_answers_kept_and_nothing_saved(
    client, participant, enrolment
):
    client.force_login(participant)
    data = _all(3)
    del data["capability_4"]
    response = client.post(reverse("impact:self_assessment", args=[enrolment.pk]), data)
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert 'href="#id_capability_4_0"' in page
    assert "govuk-form-group--error" in page
    assert 'id="id_capability_1_2" name="capability_1" type="radio" value="3" checked' in page
    assert not SelfAssessment.objects.exists()


def test_rating_yourself_twice_at_the_same_stage_says_you_already_have(
    client, participant, enrolment
):
    SelfAssessmentFactory(enrolment=enrolment, stage=Stage.BEFORE)
    client.force_login(participant)
    url = reverse("impact:self_assessment", args=[enrolment.pk])
    page = client.get(url).content.decode()
    assert "You have already rated yourself (before)" in page
    assert "asked to rate yourself again when you complete" in page
    response = client.post(url, _all(5))
    assert "You have already rated yourself" in response.content.decode()
    assert SelfAssessment.objects.filter(enrolment=enrolment).count() == 1


def test_the_service_and_the_database_refuse_a_second_rating_at_the_same_stage(enrolment):
    ratings = dict.fromkeys(range(1, 7), 3)
    services.self_assessment_submit(enrolment=enrolment, stage=Stage.BEFORE, ratings=ratings)
    with pytest.raises(ValidationError, match="already rated yourself before"):
        services.self_assessment_submit(enrolment=enrolment, stage=Stage.BEFORE, ratings=ratings)
    # Going round the service: the unique constraint holds.
    with pytest.raises(IntegrityError), transaction.atomic():
        SelfAssessment.objects.create(
            enrolment=enrolment, stage=Stage.BEFORE, **{f"capability_{n}": 3 for n in range(1, 7)}
        )


def test_a_rating_off_the_scale_is_refused_by_the_database(enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        SelfAssessment.objects.create(
            enrolment=enrolment,
            stage=Stage.BEFORE,
            **{f"capability_{n}": 3 for n in range(1, 6)},
            capability_6=6,
        )


def test_on_completing_the_participant_is_asked_to_rate_themselves_after(client, participant):
    enrolment = EnrolmentFactory(
        participant=participant, status=Enrolment.Status.COMPLETED, cohort=CohortFactory()
    )
    SelfAssessmentFactory(enrolment=enrolment, stage=Stage.BEFORE, ratings=2)
    client.force_login(participant)
    assert "Rate your digital leadership (after)" in client.get(HOME).content.decode()
    client.post(reverse("impact:self_assessment", args=[enrolment.pk]), _all(4))
    assert SelfAssessment.objects.get(enrolment=enrolment, stage=Stage.AFTER).ratings == [4] * 6


def test_when_the_cohort_has_ended_a_confirmed_participant_is_asked_for_after(client, participant):
    cohort = CohortFactory(
        starts_on=timezone.localdate() - dt.timedelta(days=200),
        ends_on=timezone.localdate() - dt.timedelta(days=1),
    )
    EnrolmentFactory(participant=participant, cohort=cohort, status="confirmed")
    client.force_login(participant)
    page = client.get(HOME).content.decode()
    assert "Rate your digital leadership (after)" in page
    assert "(before)" not in page


def test_the_participant_sees_their_own_before_and_after_side_by_side(client, participant):
    enrolment = EnrolmentFactory(participant=participant, status=Enrolment.Status.COMPLETED)
    SelfAssessmentFactory(enrolment=enrolment, stage=Stage.BEFORE, ratings=2)
    SelfAssessmentFactory(enrolment=enrolment, stage=Stage.AFTER, ratings=4)
    client.force_login(participant)
    assert "Your digital leadership ratings" in client.get(HOME).content.decode()
    page = client.get(reverse("impact:my_capabilities")).content.decode()
    assert page.count("2: Starting") == 6
    assert page.count("4: Confident") == 6
    assert page.count("+2") == 6


def test_nobody_can_rate_someone_else(client, enrolment):
    for person in (
        UserFactory(participant=True),
        UserFactory(programme_manager=True),
        UserFactory(facilitator=True),
    ):
        client.force_login(person)
        url = reverse("impact:self_assessment", args=[enrolment.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, _all(5)).status_code == 404
    assert not SelfAssessment.objects.exists()


def test_someone_only_invited_cannot_rate_themselves_yet(client, participant):
    invited = EnrolmentFactory(participant=participant, status=Enrolment.Status.INVITED)
    client.force_login(participant)
    response = client.get(reverse("impact:self_assessment", args=[invited.pk]))
    assert response.status_code == 403
    assert "only people taking part rate themselves" in response.content.decode()


def test_each_programme_words_the_capabilities_its_own_way(client, participant, enrolment):
    services.capability_wording_save(
        programme=enrolment.cohort.programme,
        capability_1="I know what digital can do for my residents and ward.",
        point_5_label="Champion",
    )
    client.force_login(participant)
    page = client.get(reverse("impact:self_assessment", args=[enrolment.pk])).content.decode()
    assert "I know what digital can do for my residents and ward." in page
    assert "5: Champion" in page
    # The other five keep the default wording.
    assert CapabilityWording().capability_2 in page


def test_the_confirmation_page_offers_the_before_rating(client, participant, enrolment):
    from django.template.loader import render_to_string

    page = render_to_string(
        "cohorts/invitation_done.html",
        {"enrolment": enrolment, "confirmed": True, "signed_in": True},
    )
    assert reverse("impact:self_assessment", args=[enrolment.pk]) in page
