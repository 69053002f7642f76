"""Sign-in lock-out (django-axes): how a sign-in attempt is keyed, so case and stray spaces in
an email address cannot be used to dodge the five-attempt limit."""

from django.conf import settings

from .models import normalise_email


def username_from_request(request, credentials=None):
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    if credentials and credentials.get(field) is not None:
        value = credentials.get(field)
    else:
        value = getattr(request, "POST", {}).get(field) if request is not None else None
    return normalise_email(value) if value else value
