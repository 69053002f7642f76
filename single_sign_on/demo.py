"""The demo's "Sign in with Kent Police": the local OpenID Connect provider that `make demo`
starts (scripts/oidc-provider.mjs, with the accounts in scripts/oidc-demo-accounts.json), and
the link the demo loader makes to it."""

import json
from pathlib import Path

from .services import identity_provider_link

DEMO_CONFIG = Path(__file__).resolve().parent.parent / "scripts" / "oidc-demo.json"


def demo_config():
    return json.loads(DEMO_CONFIG.read_text())


def demo_identity_provider_link(*, organisation):
    """Link `organisation` (the demo's Kent Police) to the local demo provider. Its demo
    accounts are Kent Police's demo officers; password sign-in stays allowed, so the other
    demo people (all at the same demo email domain) keep signing in with a password."""
    config = demo_config()
    client = config["clients"][0]
    return identity_provider_link(
        organisation=organisation,
        issuer_url=f"http://{config['host']}:{config['port']}",
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        email_domains=config["email_domains"],
        password_sign_in_allowed=True,
        enforces_mfa=False,
    )
