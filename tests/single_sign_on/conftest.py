import pytest

from single_sign_on.services import identity_provider_link
from tests.cohorts.factories import OrganisationFactory
from tests.single_sign_on.provider import account, running_provider

CALLBACK = "http://testserver/accounts/oidc/{slug}/login/callback/"
SECRET = "a-client-secret-for-the-tests"

# Organisation name -> (its provider's slug in the academy, email domain, client at the provider,
# what the provider does wrong with that client's ID tokens).
ORGANISATIONS = {
    "Test Police": ("test-police", "police.example", "academy", None),
    "Audience Police": ("audience-police", "audience.example", "academy-aud", {"aud": "another"}),
    "Issuer Police": (
        "issuer-police",
        "issuer.example",
        "academy-iss",
        {"iss": "http://127.0.0.1:9/impostor"},
    ),
}

ACCOUNTS = [
    account("officer@police.example", given="Priya", family="Shah"),
    account("staff@police.example", given="Sam", family="Staff"),
    account("unverified@police.example", verified=False),
    account("outsider@elsewhere.example"),
    account("stranger@police.example"),
    account("officer@audience.example"),
    account("officer@issuer.example"),
]


@pytest.fixture(scope="session")
def oidc_issuer():
    clients = [
        {
            "client_id": client_id,
            "client_secret": SECRET,
            "redirect_uris": [CALLBACK.format(slug=slug)],
            **({"tamper": tamper} if tamper else {}),
        }
        for slug, _domain, client_id, tamper in ORGANISATIONS.values()
    ]
    with running_provider(clients=clients, accounts=ACCOUNTS) as issuer:
        yield issuer


@pytest.fixture
def link_organisation(oidc_issuer, db):
    """Link one of ORGANISATIONS to the running provider (or to `issuer_url`)."""

    def link(name, *, issuer_url=None, **options):
        _slug, domain, client_id, _tamper = ORGANISATIONS[name]
        return identity_provider_link(
            organisation=OrganisationFactory(name=name),
            issuer_url=issuer_url or oidc_issuer,
            client_id=client_id,
            client_secret=SECRET,
            email_domains=[domain],
            **options,
        )

    return link
