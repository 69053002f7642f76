from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model

from .models import normalise_email


class EmailBackend(AuthenticationBackend):
    """People sign in with their email address (any case, stray spaces ignored), and nothing
    else: no username alias and no address still waiting to be confirmed, so each account has
    exactly one login name and one failed-attempt counter (ACCOUNT_RATE_LIMITS "login_failed",
    keyed by that address).

    It keeps django-allauth's backend for the rest: a password is hashed even for an unknown
    address (so timing does not tell which accounts exist), and a deactivated account is
    recognised so allauth can say it is inactive."""

    def _authenticate(self, request, **credentials):
        identifier = credentials.get("email") or credentials.get("username") or ""
        password = credentials.get("password") or ""
        if "@" not in identifier:
            return None
        user = (
            get_user_model()
            .objects.filter(email__iexact=normalise_email(identifier))
            .order_by("pk")
            .first()
        )
        return self._check_password(user, password)
