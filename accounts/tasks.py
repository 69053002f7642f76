"""Background work for accounts (django-tasks: at once in dev and tests, by a worker in
production): every account email, and the whole of a password reset request."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from links import absolute_url

from .emails import email_render
from .models import normalise_email
from .organisation_sign_in import password_sign_in_refusal


@task()
def email_send(*, subject, body, to):
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    return len(to)


def email_queue(*, template_prefix, to, context):
    """Render now, send from the task. A task queued in the database is only seen by a worker
    once the surrounding transaction commits, so a rolled-back change sends nothing."""
    subject, body = email_render(template_prefix=template_prefix, to=to, context=context)
    email_send.enqueue(subject=subject, body=body, to=[to])


def _reset_link(user):
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return absolute_url(path.replace("UID-KEY", key))


@task()
def password_reset_email_send(*, email):
    """Answer a password reset request for `email`, which the page accepted without looking
    anything up (so it answers the same, in the same time, whoever asks).

    The address gets a single-use link that lasts PASSWORD_RESET_TIMEOUT if it is an active
    account's; a note that their organisation manages their sign-in if a password may not be
    used; and otherwise a note that there is no account for it, so whoever owns the address
    learns that someone asked."""
    email = normalise_email(email)
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    refusal = password_sign_in_refusal(email)
    if user is not None and refusal:
        prefix, context = "account/email/password_reset_organisation", {"refusal": refusal}
    elif user is not None:
        prefix = "account/email/password_reset_key"
        context = {
            "user": user,
            "password_reset_url": _reset_link(user),
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
    else:
        prefix, context = "account/email/unknown_account", {}
    subject, body = email_render(template_prefix=prefix, to=email, context=context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    return prefix.rsplit("/", 1)[-1]
