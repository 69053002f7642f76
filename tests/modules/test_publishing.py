"""Facilitators draft and submit; a programme manager approves; only then does a page go live.
Facilitators edit only the pages of the programmes whose cohorts they facilitate."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from modules.models import ModulePage
from modules.services import programme_editors_group_name
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(facilitator):
    programme = ProgrammePageFactory(title="Digital Academy")
    other = ProgrammePageFactory(title="Member Leadership Academy")
    cohort = CohortFactory(programme=programme, facilitators=[facilitator])
    return {
        "programme": programme,
        "module": ModulePageFactory(parent=programme, title="Leading digital change"),
        "other-module": ModulePageFactory(parent=other, title="Cyber risk"),
        "cohort": cohort,
    }


def _edit_data(module, title, action):
    return nested_form_data(
        {
            "title": title,
            "slug": module.slug,
            "summary": "",
            "learning_outcomes": streamfield([]),
            "estimated_minutes": 30,
            "body": streamfield([]),
            "comments": inline_formset([]),
            action: "yes",
        }
    )


def test_facilitator_may_edit_but_not_publish_their_programmes_pages(programmes, facilitator):
    permissions = programmes["module"].permissions_for_user(facilitator)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert programmes["programme"].permissions_for_user(facilitator).can_add_subpage()
    assert not programmes["other-module"].permissions_for_user(facilitator).can_edit()


def test_manager_may_publish_every_page(programmes, manager):
    assert programmes["other-module"].permissions_for_user(manager).can_publish()


def test_facilitator_removed_from_all_cohorts_loses_edit_rights(programmes, facilitator):
    cohort = programmes["cohort"]
    cohort.facilitators.remove(facilitator)
    cohort.save()
    assert not programmes["module"].permissions_for_user(facilitator).can_edit()


def test_facilitator_added_through_their_own_cohorts_gains_edit_rights(programmes):
    newcomer = UserFactory(facilitator=True)
    newcomer.facilitated_cohorts.add(programmes["cohort"])
    assert programmes["module"].permissions_for_user(newcomer).can_edit()
    assert newcomer.groups.filter(
        name=programme_editors_group_name(programmes["programme"].pk)
    ).exists()


def test_deleting_the_cohort_takes_away_edit_rights(programmes, facilitator):
    programmes["cohort"].delete()
    assert not programmes["module"].permissions_for_user(facilitator).can_edit()


def test_moving_a_cohort_to_another_programme_moves_edit_rights(programmes, facilitator):
    cohort = programmes["cohort"]
    cohort.programme = programmes["other-module"].get_parent().specific
    cohort.save()
    assert not programmes["module"].permissions_for_user(facilitator).can_edit()
    assert programmes["other-module"].permissions_for_user(facilitator).can_edit()


def test_a_person_without_the_facilitator_role_gets_no_edit_rights(programmes):
    someone = UserFactory()
    cohort = programmes["cohort"]
    cohort.facilitators.add(someone)
    cohort.save()
    assert not programmes["module"].permissions_for_user(someone).can_edit()


def test_submitted_revision_goes_live_only_when_a_manager_approves(
    programmes, facilitator, manager, client
):
    module = programmes["module"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    client.force_login(facilitator)
    response = client.post(edit_url, _edit_data(module, "Leading change, revised", "action-submit"))
    assert response.status_code == 302, response.content[:2000]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Programme manager approval"
    module.refresh_from_db()
    assert module.title == "Leading digital change"  # still the published version
    assert module.has_unpublished_changes

    client.force_login(manager)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[module.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    assert module.title == "Leading change, revised"
    assert module.live and not module.has_unpublished_changes


def test_facilitator_cannot_publish_directly(programmes, facilitator, client):
    module = programmes["module"]
    client.force_login(facilitator)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        _edit_data(module, "Published by a facilitator", "action-publish"),
    )
    module.refresh_from_db()
    assert module.title == "Leading digital change"


def test_facilitator_cannot_edit_another_programmes_pages(programmes, facilitator, client):
    module = programmes["other-module"]
    client.force_login(facilitator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        _edit_data(module, "Hijacked", "action-submit"),
    )
    assert response.status_code in (302, 403)
    assert ModulePage.objects.get(pk=module.pk).get_latest_revision().content["title"] != "Hijacked"
    assert Page.objects.get(pk=module.pk).title == "Cyber risk"


def test_scheduled_publishing_is_available_to_managers(programmes, manager):
    # Go-live dates come with Wagtail's publishing: a manager's approval may be scheduled.
    import datetime as dt

    from django.utils import timezone

    module = programmes["module"]
    module.go_live_at = timezone.now() + dt.timedelta(days=3)
    revision = module.save_revision(user=manager)
    revision.publish(user=manager)
    module.refresh_from_db()
    assert module.title == "Leading digital change"
    assert revision.approved_go_live_at is not None


def test_sync_command_restores_lost_edit_rights(programmes, facilitator):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    Group.objects.get(name=programme_editors_group_name(programmes["programme"].pk)).delete()
    assert not programmes["module"].permissions_for_user(facilitator).can_edit()
    call_command("sync_programme_editors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # A fresh user object: Wagtail caches a user's page permissions on the instance.
    facilitator = type(facilitator).objects.get(pk=facilitator.pk)
    assert programmes["module"].permissions_for_user(facilitator).can_edit()
