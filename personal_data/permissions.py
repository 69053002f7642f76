"""Who may do what with personal data: the one place these rules live. `check(user, action)` is
the entry point views call."""

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_programme_manager


def can_download_own_data(user):
    """Everyone signed in downloads everything held about themself."""
    if signed_in(user):
        return ALLOWED
    return Permission(False, "Sign in to download your data.")


def can_erase_person(user):
    """Programme managers erase a person's details on request (never their own)."""
    if not is_programme_manager(user):
        return Permission(False, "Only programme managers can erase a person's details.")
    return ALLOWED


def can_view_access_log(user):
    """Who viewed or exported whose personal data, and when: programme managers."""
    if not signed_in(user):
        return Permission(False, "Sign in to see the personal data access log.")
    if not is_programme_manager(user):
        return Permission(False, "Only programme managers can see the personal data access log.")
    return ALLOWED


ACTIONS = {
    "download-own-data": can_download_own_data,
    "erase-person": can_erase_person,
    "view-access-log": can_view_access_log,
}


def check(user, action, *objects) -> Permission:
    """May `user` do `action` (one of ACTIONS), to `objects` where the action names one?"""
    return ACTIONS[action](user, *objects)
