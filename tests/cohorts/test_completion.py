"""The completion rule and each participant's standing (on track, at risk, complete, not
completed), shown to the participant, their facilitators and their nominator; facilitator
sign-off."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cohorts.completion.services import completion_sign_off, completion_sign_off_withdraw
from cohorts.completion.standing import Standing, standing_for, standings_for
from cohorts.models import Cohort, CompletionSignOff, CompletionSignOffEvent, Enrolment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.certificate_helpers import S, World
from tests.modules.factories import ModulePageFactory, ModuleProgressFactory

pytestmark = pytest.mark.django_db


def _standing(enrolment):
    return standing_for(Enrolment.objects.select_related("cohort").get(pk=enrolment.pk))


def test_attending_enough_sessions_of_a_closed_cohort_is_complete():
    world = World()
    result = _standing(world.completer())
    assert result.standing == Standing.COMPLETE
    assert (result.sessions_attended, result.sessions_needed) == (3, 3)
    assert result.meets_rule


def test_too_few_sessions_on_a_closed_cohort_is_not_completed():
    world = World()
    result = _standing(world.enrol([S.PRESENT, S.ABSENT, S.PRESENT, S.ABSENT]))
    assert result.standing == Standing.NOT_COMPLETED
    assert result.outstanding == ["Attend 3 of 4 sessions (2 so far)."]


def test_a_running_cohort_with_sessions_to_come_is_on_track():
    world = World(status=Cohort.Status.RUNNING)
    assert _standing(world.enrol([S.PRESENT])).standing == Standing.ON_TRACK


def test_someone_who_cannot_miss_another_session_is_at_risk():
    world = World(status=Cohort.Status.RUNNING)
    assert _standing(world.enrol([S.ABSENT])).standing == Standing.AT_RISK


def test_late_does_not_count_when_the_rule_says_so():
    world = World(late_counts=False)
    enrolment = world.enrol([S.PRESENT, S.LATE, S.PRESENT, S.ABSENT])
    assert _standing(enrolment).standing == Standing.NOT_COMPLETED
    world.rule.late_counts = True
    world.rule.save()
    assert _standing(enrolment).standing == Standing.COMPLETE


def test_left_early_does_not_count_when_the_rule_says_so():
    world = World(left_early_counts=False)
    enrolment = world.enrol([S.PRESENT, S.LEFT_EARLY, S.PRESENT, S.ABSENT])
    assert _standing(enrolment).sessions_attended == 2


def test_a_share_of_scheduled_sessions_is_rounded_up():
    world = World(min_sessions_attended=None, min_share_attended=75)  # 75% of 4 = 3
    assert _standing(world.completer()).sessions_needed == 3


def test_required_modules_must_be_completed_online():
    world = World()
    module = ModulePageFactory(parent=world.cohort.programme, title="Data and ethics")
    world.rule.required_modules.add(module)
    enrolment = world.completer()
    result = _standing(enrolment)
    assert result.standing == Standing.NOT_COMPLETED
    assert "Complete the module “Data and ethics” online." in result.outstanding
    ModuleProgressFactory(
        participant=enrolment.participant, module=module, completed_at=timezone.now()
    )
    assert _standing(enrolment).standing == Standing.COMPLETE


def test_a_module_opened_but_not_completed_does_not_count():
    world = World()
    module = ModulePageFactory(parent=world.cohort.programme)
    world.rule.required_modules.add(module)
    enrolment = world.completer()
    ModuleProgressFactory(participant=enrolment.participant, module=module, completed_at=None)
    assert _standing(enrolment).modules_missing == [module.title]


def test_facilitator_sign_off_is_needed_when_the_rule_asks_for_it(client):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer()
    assert _standing(enrolment).outstanding == ["A facilitator's sign-off."]
    client.force_login(world.facilitator)
    response = client.post(reverse("cohorts:enrolment_sign_off", args=[enrolment.pk]))
    assert response.status_code == 302
    sign_off = CompletionSignOff.objects.get(enrolment=enrolment)
    assert sign_off.signed_off_by == world.facilitator
    assert _standing(enrolment).standing == Standing.COMPLETE


def test_a_facilitator_can_withdraw_a_sign_off_made_by_mistake_saying_why(client):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer()
    client.force_login(world.facilitator)
    client.post(reverse("cohorts:enrolment_sign_off", args=[enrolment.pk]))
    url = reverse("cohorts:enrolment_sign_off_withdraw", args=[enrolment.pk])
    completion = client.get(reverse("cohorts:cohort_completion", args=[world.cohort.pk])).text
    assert f'href="{url}"' in completion
    assert "Reason for withdrawing the sign-off" in client.get(url).text
    response = client.post(url, {"reason": "Signed off the wrong Jones"})
    assert response.status_code == 302
    assert not CompletionSignOff.objects.filter(enrolment=enrolment).exists()
    given, withdrawn = CompletionSignOffEvent.objects.order_by("at", "pk")
    assert (given.action, given.actor) == ("signed-off", world.facilitator)
    assert (withdrawn.action, withdrawn.actor, withdrawn.reason) == (
        "withdrawn",
        world.facilitator,
        "Signed off the wrong Jones",
    )


def test_a_sign_off_is_not_withdrawn_without_a_reason(client):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer()
    completion_sign_off(enrolment=enrolment, signed_off_by=world.facilitator)
    client.force_login(world.facilitator)
    url = reverse("cohorts:enrolment_sign_off_withdraw", args=[enrolment.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Say why the sign-off is withdrawn." in response.text
    assert CompletionSignOff.objects.filter(enrolment=enrolment).exists()
    with pytest.raises(ValidationError):
        completion_sign_off_withdraw(enrolment=enrolment, withdrawn_by=world.facilitator, reason="")
    assert not CompletionSignOffEvent.objects.filter(action="withdrawn").exists()


def test_only_those_who_run_the_cohort_withdraw_a_sign_off(client):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer()
    completion_sign_off(enrolment=enrolment, signed_off_by=world.facilitator)
    url = reverse("cohorts:enrolment_sign_off_withdraw", args=[enrolment.pk])
    client.force_login(world.nominator)
    assert client.post(url, {"reason": "Mistake"}).status_code == 403
    client.force_login(UserFactory(facilitator=True))  # facilitates another cohort
    assert client.post(url, {"reason": "Mistake"}).status_code == 404
    assert CompletionSignOff.objects.filter(enrolment=enrolment).exists()


def test_nominators_and_participants_cannot_sign_off(client):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer()
    url = reverse("cohorts:enrolment_sign_off", args=[enrolment.pk])
    client.force_login(world.nominator)
    assert client.post(url).status_code == 403
    client.force_login(enrolment.participant)
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(facilitator=True))  # facilitates another cohort
    assert client.post(url).status_code == 404
    assert not CompletionSignOff.objects.exists()


def test_a_programme_without_a_rule_never_completes():
    world = World()
    enrolment = world.completer()
    world.rule.delete()
    result = _standing(enrolment)
    assert not result.meets_rule
    assert result.outstanding == ["This programme has no completion rule yet."]


def test_standings_for_a_whole_cohort_take_a_fixed_number_of_queries(
    django_assert_max_num_queries,
):
    world = World()
    module = ModulePageFactory(parent=world.cohort.programme)
    world.rule.required_modules.add(module)
    for _ in range(12):
        world.completer()
    enrolments = list(Enrolment.objects.filter(cohort=world.cohort).select_related("cohort"))
    # Sessions, rules with their modules (2), marks, completed modules, sign-offs, certificates.
    with django_assert_max_num_queries(7):
        results = standings_for(enrolments)
    assert len(results) == 12


def test_participants_see_their_own_standing(client):
    world = World(status=Cohort.Status.RUNNING)
    enrolment = world.enrol([S.ABSENT], first_name="Gwenllian")
    world.enrol([S.PRESENT], first_name="Someone")
    client.force_login(enrolment.participant)
    page = client.get(reverse("cohorts:my_certificates")).content.decode()
    assert "Gwenllian" in page and "At risk" in page
    assert "Someone" not in page


def test_nominators_see_their_own_officers_standing_only(client):
    world = World()
    mine = world.completer(first_name="Aoife")
    other_org_nominator = UserFactory(nominator=True)
    from tests.cohorts.factories import OrganisationFactory

    theirs = world.completer(
        first_name="Zbigniew", organisation=OrganisationFactory(nominators=[other_org_nominator])
    )
    client.force_login(world.nominator)
    page = client.get(reverse("cohorts:my_certificates")).content.decode()
    assert "Aoife" in page and "Complete" in page
    assert theirs.participant.first_name not in page
    completion = client.get(reverse("cohorts:cohort_completion", args=[world.cohort.pk]))
    assert completion.status_code == 200
    assert "Aoife" in completion.content.decode()
    assert "Zbigniew" not in completion.content.decode()
    assert mine.participant.first_name in completion.content.decode()


def test_facilitators_see_everyone_on_their_cohort(client, django_assert_max_num_queries):
    world = World()
    for name in ("Ioana", "Mehmet"):
        world.completer(first_name=name)
    world.enrol([S.ABSENT] * 4, first_name="Eleni")
    assert client.login(username=world.facilitator.email, password=PASSWORD)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("cohorts:cohort_completion", args=[world.cohort.pk]))
    page = response.content.decode()
    assert all(name in page for name in ("Ioana", "Mehmet", "Eleni"))
    assert "Not completed" in page and "Issue certificate" in page


def test_a_participant_cannot_see_the_cohorts_completion_page(client):
    world = World()
    enrolment = world.completer()
    client.force_login(enrolment.participant)
    url = reverse("cohorts:cohort_completion", args=[world.cohort.pk])
    assert client.get(url).status_code == 403
