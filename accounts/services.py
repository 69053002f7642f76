"""Writes about a person's own account: their details, their sessions, and forgetting how they
signed in when their details are erased."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import transaction


@transaction.atomic
def account_details_update(*, person, first_name, last_name, job_title, team):
    """A person changes their own name, job title and team (certificates print the name)."""
    person.first_name = first_name
    person.last_name = last_name
    person.job_title = job_title
    person.team = team
    person.full_clean(exclude=["password"])
    person.save(update_fields=["first_name", "last_name", "job_title", "team"])
    return person


def email_address_current_confirm(*, person):
    """Record the address a person signs in with as confirmed (allauth keeps addresses in its
    own table). Anyone signed in has proved it: by the invitation sent to it, a password reset
    link, or their organisation's identity provider. allauth's email change relies on it to
    tell the current address from the one being changed to."""
    address = EmailAddress.objects.filter(user=person, email__iexact=person.email).first()
    if address is None:
        address = EmailAddress(user=person, email=person.email)
    if not (address.verified and address.primary):
        EmailAddress.objects.filter(user=person, primary=True).exclude(pk=address.pk).update(
            primary=False
        )
        address.verified = address.primary = True
        address.save()
    return address


def sessions_end_others(*, person, keep_session_key=None):
    """Sign `person` out of every session but `keep_session_key` (the one in use), on every
    device: after a password change or reset, or when they ask. Returns how many ended."""
    ended = 0
    for user_session in UserSession.objects.filter(user=person).exclude(
        session_key=keep_session_key or ""
    ):
        user_session.end()
        ended += 1
    return ended


def account_sign_in_records_erase(*, person):
    """Forget how a person signed in (for erasure): second factors, linked identity provider
    accounts, email addresses on file, and the sessions list with its addresses and browsers."""
    sessions_end_others(person=person)
    Session.objects.filter(
        session_key__in=UserSession.objects.filter(user=person).values("session_key")
    ).delete()
    for model in (Authenticator, SocialAccount, EmailAddress, UserSession):
        model.objects.filter(user=person).delete()
