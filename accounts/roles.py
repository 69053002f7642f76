"""The four roles, keyed by untranslated slugs: the one place that says who holds which role.

Programme managers and facilitators hold their role through a group. A facilitator's reach is
further limited to the cohorts they are assigned to, and a nominator's to their organisation's
officers: that object-level scoping lives with the data (cohorts.querysets, cohorts.permissions).
A participant is anyone with an enrolment; the group exists so admins can see them at a glance.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models


class Role(models.TextChoices):
    PROGRAMME_MANAGER = "programme-manager", "Programme manager"
    FACILITATOR = "facilitator", "Facilitator"
    NOMINATOR = "nominator", "Nominator"
    PARTICIPANT = "participant", "Participant"


def _group_slugs(user):
    # Cached on the user object for the length of a request.
    if not hasattr(user, "_academy_role_slugs"):
        user._academy_role_slugs = frozenset(user.groups.values_list("name", flat=True))
    return user._academy_role_slugs


def has_role(user, role):
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return Role(role).value in _group_slugs(user)


def is_programme_manager(user):
    """Programme managers (and superusers) see and set up everything."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, Role.PROGRAMME_MANAGER)


def is_facilitator(user):
    return has_role(user, Role.FACILITATOR)


def is_nominator(user):
    return has_role(user, Role.NOMINATOR)


def may_use_admin(user):
    """Whether to offer this person the Wagtail admin (the "Admin" link, the page userbar).

    Wagtail's `wagtailadmin.access_admin` permission stays the gate; only the roles whose groups
    hold it (programme managers and facilitators) and staff are asked for it, so a participant's
    or nominator's page never reads the permission tables. The answer is kept on the user object
    for the length of a request."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if not (has_role(user, Role.PROGRAMME_MANAGER) or has_role(user, Role.FACILITATOR)):
        return False
    if not hasattr(user, "_academy_may_use_admin"):
        user._academy_may_use_admin = _holds_access_admin(user)
    return user._academy_may_use_admin


def _holds_access_admin(user):
    # The role groups hold the permission: one query for that, rather than Django's two (all of
    # the person's own and all of their groups' permissions, which a page showing the header has
    # no other use for: issue 22). Anyone else is asked Django's way (a permission granted to
    # the person directly).
    through_a_group = Permission.objects.filter(
        group__user=user, content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()
    return through_a_group or user.has_perm("wagtailadmin.access_admin")


def roles_of(user):
    """The roles a person holds, most powerful first (a participant may also be a nominator)."""
    roles = []
    if is_programme_manager(user):
        roles.append(Role.PROGRAMME_MANAGER)
    if is_facilitator(user):
        roles.append(Role.FACILITATOR)
    if is_nominator(user):
        roles.append(Role.NOMINATOR)
    if has_role(user, Role.PARTICIPANT):
        roles.append(Role.PARTICIPANT)
    return roles


def grant_role(user, role):
    user.groups.add(Group.objects.get(name=Role(role).value))
    user.__dict__.pop("_academy_role_slugs", None)
    user.__dict__.pop("_academy_may_use_admin", None)
