"""The four roles, keyed by untranslated slugs: the one place that says who holds which role.

Programme managers and facilitators hold their role through a group. A facilitator's reach is
further limited to the cohorts they are assigned to, and a nominator's to their organisation's
officers: that object-level scoping lives with the data (cohorts.querysets, cohorts.permissions).
A participant is anyone with an enrolment; the group exists so admins can see them at a glance.
"""

import functools

from django.contrib.auth.models import Group
from django.db import connections, models, router
from django.db.models import Value


class Role(models.TextChoices):
    PROGRAMME_MANAGER = "programme-manager", "Programme manager"
    FACILITATOR = "facilitator", "Facilitator"
    NOMINATOR = "nominator", "Nominator"
    PARTICIPANT = "participant", "Participant"


# Wagtail's gate to its admin (app label, codename), held by the programme managers' and
# facilitators' groups: the header's "Admin" link and the page userbar are offered with it.
ACCESS_ADMIN = ("wagtailadmin", "access_admin")


# Stands for the person's id in the memberships query, which is compiled once per process.
_SOMEONE = -7_100_022


@functools.cache
def _memberships_query(vendor):
    """The SQL of the memberships query, for whoever `_SOMEONE` is replaced with: the same for
    every person, so Django builds it once (building it took as long as running it)."""
    groups = Group.objects.filter(user__pk=_SOMEONE).order_by()
    model = groups.annotate(kind=Value("model")).values_list(
        "kind", "name", "permissions__content_type__app_label", "permissions__codename"
    )
    page = groups.annotate(kind=Value("page")).values_list(
        "kind", "name", "page_permissions__page__path", "page_permissions__permission__codename"
    )
    sql, params = model.union(page, all=True).query.sql_with_params()
    assert list(params).count(_SOMEONE) == 2, params  # once in each half, and only there
    return sql, tuple(params)


def _memberships(user):
    """The names of the person's groups, whether one of them grants ACCESS_ADMIN and the page
    permissions they hold ((page path, codename): Wagtail's, each good for the page and every
    page under it): one query (a row per group and permission), kept on the user object for the
    length of a request. Every signed-in request reads the roles (the second factor and idle
    limit for staff), so the header's "Admin" link and the userbar's "may edit this page" cost
    staff no query of their own (issue 22)."""
    if not hasattr(user, "_academy_memberships"):
        sql, params = _memberships_query(connections[router.db_for_read(Group)].vendor)
        with connections[router.db_for_read(Group)].cursor() as cursor:
            cursor.execute(sql, [user.pk if p == _SOMEONE else p for p in params])
            rows = cursor.fetchall()
        names = frozenset(name for _, name, _, _ in rows)
        admin = any(
            kind == "model" and (first, second) == ACCESS_ADMIN for kind, _, first, second in rows
        )
        pages = frozenset(
            (first, second) for kind, _, first, second in rows if kind == "page" and first
        )
        user._academy_memberships = (names, admin, pages)
    return user._academy_memberships


def page_permissions(user):
    """The page permissions the person's groups hold: (page path, permission codename), each
    good for that page and every page under it (Wagtail's rule)."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    return _memberships(user)[2]


def _group_slugs(user):
    return _memberships(user)[0]


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
    hold it (programme managers and facilitators) and staff are asked for it. Granted through a
    group, as the role groups hold it, it is known from the roles' own query; otherwise Django's
    permission check says (a permission granted to the person directly)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if not (has_role(user, Role.PROGRAMME_MANAGER) or has_role(user, Role.FACILITATOR)):
        return False
    return _memberships(user)[1] or user.has_perm(".".join(ACCESS_ADMIN))


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
    user.__dict__.pop("_academy_memberships", None)
