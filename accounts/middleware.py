"""Request-wide security: the second factor staff must confirm, signing out idle sessions,
Permissions-Policy and no-store headers, and the Content Security Policy."""

from urllib.parse import quote

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin

from .second_factor import (
    has_second_factor,
    second_factor_email_recently_confirmed,
    second_factor_required,
    session_has_second_factor,
)
from .sessions import session_touch

# Pages anyone signed in may reach before confirming a second factor: signing in and out,
# allauth's code pages, the privacy notice and the public certificate checks.
EXEMPT_VIEW_NAMES = {
    "accounts:login",
    "accounts:logout",
    "account_login",
    "account_logout",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_reauthenticate_webauthn",
    "mfa_login_webauthn",
    "privacy",
    "certificates:verify",
    "certificates:verify_form",
}
# Where someone with no second factor yet sets one up (after the emailed code).
ENROLMENT_VIEW_NAMES = {"mfa_activate_totp", "mfa_add_webauthn"}
SETUP_VIEW_NAMES = {"accounts:second_factor", "mfa_index", *ENROLMENT_VIEW_NAMES}


def _to(view_name, request):
    return redirect(f"{reverse(view_name)}?next={quote(request.get_full_path())}")


class RequireSecondFactorMiddleware(MiddlewareMixin):
    """Programme managers and facilitators who have not confirmed a second factor in this
    session are sent to confirm one (or, the first time, to set one up) before any other page,
    the admin included. Anyone adding a first second factor confirms a code emailed to them."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        name = match.view_name if match is not None else ""
        if (
            name in ENROLMENT_VIEW_NAMES
            and not second_factor_email_recently_confirmed(request, user)
            and not has_second_factor(user)
        ):
            return _to("accounts:second_factor", request)
        if name in EXEMPT_VIEW_NAMES or not second_factor_required(user):
            return None
        if session_has_second_factor(request, user):
            return None
        if has_second_factor(user):
            return _to("mfa_reauthenticate", request)
        if name in SETUP_VIEW_NAMES:
            return None
        return _to("accounts:second_factor", request)


class SessionIdleTimeoutMiddleware:
    """Signs a person out when their session has gone unused for longer than its idle limit
    (accounts.sessions); the page they asked for then asks them to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session and not session_touch(session):
            logout(request)
            messages.info(
                request, "You were signed out because you had not used the site for a while."
            )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response (ACADEMY_PERMISSIONS_POLICY), and no caching at all
    of the account pages (/accounts/: sign-in, My account, personal data downloads) or of any
    page or download served to someone signed in (their names, their officers', their cohorts':
    issue 15), unless the view said how it may be cached itself."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.accounts_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "ACADEMY_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        if self.accounts_prefix is None:
            self.accounts_prefix = reverse("accounts:my_account")
        signed_in = getattr(getattr(request, "user", None), "is_authenticated", False)
        if request.path_info.startswith(self.accounts_prefix) or (
            signed_in and "Cache-Control" not in response
        ):
            # max-age=0, no-cache, no-store, must-revalidate, private
            add_never_cache_headers(response)
        return response


class AcademyCSPMiddleware(CSPMiddleware):
    """The strict site policy everywhere except Wagtail's admin, which runs inline scripts and
    gets the looser ACADEMY_ADMIN_CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_prefix = reverse("wagtailadmin_home")
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefix):
            parts.config = default_config(
                settings.ACADEMY_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
            # A nonce would make browsers ignore 'unsafe-inline', which the admin needs.
            parts.nonce = None
        return parts
