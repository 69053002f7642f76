"""Programme managers word each programme's capabilities in the admin (a snippet), and reach the
dashboard from the admin menu; nobody else does."""

import pytest
from django.urls import reverse

from impact import capabilities as caps
from impact.models import CapabilityWording
from tests.modules.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_impact_capabilitywording:list"
ADD = "wagtailsnippets_impact_capabilitywording:add"


def test_a_new_wording_starts_from_the_papers_capabilities_and_a_plain_scale(client, manager):
    client.force_login(manager)
    page = client.get(reverse(ADD)).content.decode()
    assert caps.DEFAULT_STATEMENTS[0] in page
    assert caps.DEFAULT_SCALE[4].description in page
    assert caps.PAPER[1].split(",")[0] in page  # the paper's words, as each field's help


def test_a_manager_words_the_capabilities_for_councillors(client, manager):
    programme = ProgrammePageFactory(title="Member Leadership Academy")
    client.force_login(manager)
    data = {
        "programme": programme.pk,
        "introduction": "Rate yourself as a councillor.",
        **{f"capability_{n}": f"As a councillor, statement {n}." for n in caps.NUMBERS},
        **{f"point_{p.value}_label": p.label for p in caps.DEFAULT_SCALE},
        **{f"point_{p.value}_description": p.description for p in caps.DEFAULT_SCALE},
    }
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    wording = CapabilityWording.objects.get(programme=programme)
    assert wording.capabilities[5].statement == "As a councillor, statement 6."
    assert "Member Leadership Academy" in client.get(reverse(LIST)).content.decode()


@pytest.mark.parametrize("role", ["facilitator", "nominator"])
def test_facilitators_and_nominators_cannot_edit_the_wording(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(ADD)).status_code in (302, 403)


def test_the_admin_menu_takes_managers_to_the_dashboard(client, manager, facilitator):
    client.force_login(manager)
    assert reverse("impact:dashboard") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(facilitator)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("impact:dashboard") not in page
    assert reverse(LIST) not in page
