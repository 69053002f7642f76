"""Request-wide security: the two-factor gate for staff and the Content Security Policy."""

from urllib.parse import quote

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin

from .two_factor import two_factor_required

# Pages a staff member may reach before confirming their code: the code pages themselves,
# signing in and out, the privacy notice and the public certificate checks.
EXEMPT_VIEW_NAMES = {
    "accounts:two_factor",
    "accounts:login",
    "accounts:logout",
    "privacy",
    "certificates:verify",
    "certificates:verify_form",
}


class RequireTwoFactorMiddleware(MiddlewareMixin):
    """Programme managers and facilitators who signed in with a password alone are sent to
    confirm a code (or set up their authenticator app) before any other page, the admin
    included. Everyone else is untouched."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not two_factor_required(user):
            return None
        if user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_VIEW_NAMES:
            return None
        return redirect(f"{reverse('accounts:two_factor')}?next={quote(request.get_full_path())}")


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
