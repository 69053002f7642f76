from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .models import normalise_email


class EmailOrUsernameBackend(ModelBackend):
    """People sign in with their email address (any case, stray spaces ignored).

    A username still works, so short demo logins such as `manager` can be typed.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        identifier = kwargs.get("email") or username
        if not identifier or password is None:
            return None
        identifier = identifier.strip()
        if "@" in identifier:
            user = User.objects.filter(email__iexact=normalise_email(identifier)).first()
        else:
            user = User.objects.filter(username=identifier).first()
        if user is None:
            # Run the hasher anyway so timing does not reveal which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lock-out check (five failures for one email from one IP address lock that
    pair out for fifteen minutes), listed first in AUTHENTICATION_BACKENDS.

    Every sign-in from the web passes its request (Django's and Wagtail's sign-in views both
    do). A call without one comes from code (a shell, a test's `client.login`), where there is
    no address to lock out, so it is let through to the password check instead of failing.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
