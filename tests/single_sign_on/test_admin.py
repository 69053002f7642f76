"""Programme managers link an organisation to its identity provider in the admin; the client
secret is never shown back; nobody else may open the screen."""

import pytest
from django.urls import reverse

from single_sign_on.models import IdentityProvider
from single_sign_on.services import identity_provider_link
from tests.cohorts.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SECRET = "s3cr3t-value-never-shown-back"


def form(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "issuer_url": "https://login.example.net/tenant/v2.0",
        "client_id": "academy",
        "client_secret": SECRET,
        "email_domains": "kent.police.example\n@Kent.Police.Example",
        "password_sign_in_allowed": "on",
        "enabled": "on",
    }
    data.update(overrides)
    return data


def test_a_programme_manager_links_an_organisation_and_never_sees_the_secret_again(client, manager):
    police = OrganisationFactory(name="Kent Police")
    client.force_login(manager)
    add = reverse("wagtailsnippets_single_sign_on_identityprovider:add")
    response = client.post(add, form(police))
    assert response.status_code == 302
    provider = IdentityProvider.objects.get(organisation=police)
    assert provider.client_secret == SECRET
    assert provider.domains == ["kent.police.example"]

    edit = reverse("wagtailsnippets_single_sign_on_identityprovider:edit", args=[provider.pk])
    page = client.get(edit).content.decode()
    assert SECRET not in page
    assert f"/accounts/oidc/{provider.slug}/login/callback/" in page
    # Left blank, the secret stays; a mistake elsewhere does not echo it either.
    bad = client.post(edit, form(police, client_secret="", email_domains="not a domain!"))
    assert SECRET not in bad.content.decode()
    client.post(edit, form(police, client_secret="", client_id="academy-2"))
    provider.refresh_from_db()
    assert (provider.client_id, provider.client_secret) == ("academy-2", SECRET)
    listing = client.get(reverse("wagtailsnippets_single_sign_on_identityprovider:list"))
    assert SECRET not in listing.content.decode()


def test_one_email_domain_belongs_to_one_organisation(client, manager):
    identity_provider_link(
        organisation=OrganisationFactory(name="Kent Police"),
        issuer_url="https://login.example.net/a/v2.0",
        client_id="a",
        client_secret="a",
        email_domains=["kent.police.example"],
    )
    other = OrganisationFactory(name="Kent Fire")
    client.force_login(manager)
    response = client.post(
        reverse("wagtailsnippets_single_sign_on_identityprovider:add"), form(other)
    )
    assert "Already linked to another organisation: kent.police.example" in (
        response.content.decode()
    )
    assert not IdentityProvider.objects.filter(organisation=other).exists()


def test_facilitators_and_nominators_cannot_open_the_screen(client, facilitator, nominator):
    for person in (facilitator, nominator):
        client.force_login(person)
        response = client.get(reverse("wagtailsnippets_single_sign_on_identityprovider:list"))
        assert response.status_code in (302, 403), person
