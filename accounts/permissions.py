"""The permission primitives every app shares: an answer that says why, the signed-in check, and
turning a refusal into a response.

Each app keeps its own rules in one `permissions` module (`cohorts.permissions`,
`modules.permissions`, ...) whose entry point answers a `Permission` for an action on an object;
views call that entry point and hand a refusal to `deny`.
"""

from typing import NamedTuple

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class Permission(NamedTuple):
    """Whether someone may do something, and if not, why (shown on the 403 page)."""

    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Permission(True)


def signed_in(user):
    """Someone signed in to an account that is still active."""
    return bool(user and user.is_authenticated and user.is_active)


def deny(request, permission):
    """The response to a refusal: a stranger signs in and comes back to this page (a check-in
    keeps its code in the address); someone signed in is shown the 403 page with the reason."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(permission.reason)
