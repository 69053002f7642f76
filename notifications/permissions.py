"""Who may see which record of notifications: the one place these rules live. `check(user,
action)` is the entry point views call; which rows each person sees is
`Notification.objects.visible_to(user)`."""

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_nominator, is_programme_manager


def can_view_own_notifications(user):
    if signed_in(user):
        return ALLOWED
    return Permission(False, "Sign in to see the notifications sent to you.")


def can_view_sent_notifications(user):
    """Every notification sent (programme managers), or those about one's organisation's
    officers (nominators)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see the notifications sent.")
    if is_programme_manager(user) or is_nominator(user):
        return ALLOWED
    return Permission(
        False, "Only programme managers and nominators see notifications sent to others."
    )


ACTIONS = {
    "view-own-notifications": can_view_own_notifications,
    "view-sent-notifications": can_view_sent_notifications,
}


def check(user, action, *objects):
    """May `user` do `action` (one of ACTIONS)?"""
    return ACTIONS[action](user, *objects)
