"""Sign in with your organisation in a real browser: the academy's sign-in page, the
organisation's own OpenID Connect provider (node-oidc-provider on 127.0.0.1, its sign-in
page), and back to My academy."""

import pytest

from single_sign_on.services import identity_provider_link
from tests.accounts.factories import UserFactory
from tests.browser.conftest import SIGN_IN
from tests.cohorts.factories import OrganisationFactory
from tests.single_sign_on.provider import PROVIDER_PASSWORD, account, running_provider

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_officer_signs_in_through_their_organisations_provider(browser, live_server):
    callback = f"{live_server.url}/accounts/oidc/kent-police/login/callback/"
    clients = [
        {"client_id": "academy", "client_secret": "browser-secret", "redirect_uris": [callback]}
    ]
    with running_provider(
        clients=clients, accounts=[account("priya.shah@kent.police.example", given="Priya")]
    ) as issuer:
        identity_provider_link(
            organisation=OrganisationFactory(name="Kent Police"),
            issuer_url=issuer,
            client_id="academy",
            client_secret="browser-secret",
            email_domains=["kent.police.example"],
        )
        UserFactory(email="priya.shah@kent.police.example", first_name="Priya", participant=True)
        # The site's Content Security Policy is enforced here (form-action must let the sign-in
        # form lead on to the provider).
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.goto(SIGN_IN)
        page.get_by_role("button", name="Sign in with Kent Police").click()
        page.wait_for_url(f"{issuer}/interaction/**")
        page.get_by_label("Work email address").fill("priya.shah@kent.police.example")
        page.get_by_label("Password").fill(PROVIDER_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/my-academy/")
        assert page.get_by_role("heading", level=1).inner_text() == "My academy"
        assert "Priya" in page.content()
        context.close()
