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
