from urllib.parse import urlsplit

from allauth.socialaccount.adapter import get_adapter
from django.urls import reverse
from requests import RequestException

from .adapters import unavailable
from .models import IdentityProvider


class IdentityProviderMiddleware:
    """Two things the sign-in pages need for organisations' identity providers:

    - Their forms (the sign-in page's "Sign in with ..." buttons) are answered with a redirect
      to the provider, which the strict Content Security Policy's `form-action 'self'` would
      block: the providers' origins are added to it on the account pages.
    - A provider that does not answer when someone starts signing in gets a clear page (and
      the password form where allowed), not a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("accounts:my_account")
        if request.path_info.startswith(self.prefix) and "text/html" in response.get(
            "Content-Type", ""
        ):
            origins = sorted(
                {
                    "{0.scheme}://{0.netloc}".format(urlsplit(url))
                    for url in IdentityProvider.objects.filter(enabled=True).values_list(
                        "issuer_url", flat=True
                    )
                }
            )
            if origins:
                response._csp_update = {"form-action": origins}
        return response

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not isinstance(exception, RequestException) or match is None:
            return None
        if match.url_name != "openid_connect_login":
            return None
        try:
            provider = get_adapter().get_provider(request, match.kwargs.get("provider_id"))
        except Exception:  # noqa: BLE001  (no such provider: let the error page say so)
            return None
        return unavailable(request, provider)
