"""How django-allauth's social accounts work here: the identity providers come from the
organisations linked to one (IdentityProvider), nobody signs up, and a first sign-in is matched
to a person who already has a place, only by an email address the provider has verified, in one
of that organisation's email domains."""

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.contrib.auth import get_user_model
from django.shortcuts import render
from requests import RequestException

from accounts.models import normalise_email

from .models import IdentityProvider


def social_app(provider):
    """The allauth app (never saved) for an organisation's provider."""
    return SocialApp(
        provider="openid_connect",
        provider_id=provider.slug,
        name=provider.organisation.name,
        client_id=provider.client_id,
        secret=provider.client_secret,
        settings={
            "server_url": provider.discovery_url,
            "oauth_pkce_enabled": True,
            # The ID token must come from the issuer configured here, whatever the discovery
            # document says.
            "openid_configuration_overrides": {"issuer": provider.issuer_url},
        },
    )


def refuse(request, provider_name, reason, status=403):
    raise ImmediateHttpResponse(
        render(
            request,
            "single_sign_on/refused.html",
            {"organisation": provider_name, "reason": reason},
            status=status,
        )
    )


class OrganisationSignInAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def list_apps(self, request, provider=None, client_id=None):
        providers = IdentityProvider.objects.enabled()
        if provider and provider != "openid_connect":
            providers = providers.filter(slug=provider)
        if client_id:
            providers = providers.filter(client_id=client_id)
        return [social_app(p) for p in providers]

    def pre_social_login(self, request, sociallogin):
        """Let in only a person who already has a place, found by a verified email address in
        one of the organisation's domains; link their account to the provider the first time."""
        provider = IdentityProvider.objects.enabled().get(slug=sociallogin.account.provider)
        name = provider.organisation.name
        if sociallogin.state.get("process") == "connect":
            # Links are made only by signing in, matched by the verified email address.
            refuse(request, name, "failed", status=400)
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                refuse(request, name, "inactive")
            return
        verified = [
            normalise_email(address.email)
            for address in sociallogin.email_addresses
            if address.verified and address.email
        ]
        if not verified:
            refuse(request, name, "unverified")
        in_domain = [e for e in verified if e.rpartition("@")[2] in provider.domains]
        if not in_domain:
            refuse(request, name, "domain")
        person = (
            get_user_model()
            .objects.filter(email__iexact=in_domain[0], is_active=True, erased_at__isnull=True)
            .first()
        )
        if person is None:
            refuse(request, name, "no_account")
        sociallogin.connect(request, person)

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        """The provider did not answer, or its answer could not be trusted (a token for
        another client or from another issuer, a refused or cancelled sign-in)."""
        name = getattr(provider, "name", "Your organisation")
        if isinstance(exception, RequestException):
            raise ImmediateHttpResponse(unavailable(request, provider))
        refuse(request, name, "failed", status=400)


def unavailable(request, provider):
    """The page shown when an organisation's provider does not answer: password sign-in is
    still offered where the organisation allows it."""
    slug = getattr(getattr(provider, "app", None), "provider_id", None)
    record = IdentityProvider.objects.enabled().filter(slug=slug).first()
    return render(
        request,
        "single_sign_on/unavailable.html",
        {
            "organisation": getattr(provider, "name", "Your organisation"),
            "password_allowed": record is None or record.password_sign_in_allowed,
        },
        status=503,
    )
