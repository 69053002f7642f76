from django.db import transaction

from .models import IdentityProvider


@transaction.atomic
def identity_provider_link(
    *,
    organisation,
    issuer_url,
    client_id,
    client_secret,
    email_domains,
    password_sign_in_allowed=True,
    enforces_mfa=False,
    enabled=True,
):
    """Link an organisation to its OpenID Connect identity provider (or update the link), so
    its people can "Sign in with <organisation>"."""
    provider = IdentityProvider.objects.filter(organisation=organisation).first()
    if provider is None:
        provider = IdentityProvider(organisation=organisation)
    provider.issuer_url = issuer_url
    provider.client_id = client_id
    provider.client_secret = client_secret
    provider.email_domains = "\n".join(email_domains)
    provider.password_sign_in_allowed = password_sign_in_allowed
    provider.enforces_mfa = enforces_mfa
    provider.enabled = enabled
    provider.full_clean(exclude=["slug"])
    provider.save()
    return provider
