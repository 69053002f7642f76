from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.roles import Role, roles_of
from cohorts import permissions as cohort_permissions
from cohorts import selectors
from modules import permissions as module_permissions

from .participant_home import participant_part


@login_required
def home(request):
    """'My academy': one landing page with a section for each role the person holds, each the
    way in to all that role's work (templates academy_site/home/<role>.html)."""
    user = request.user
    roles = roles_of(user)
    own_places = selectors.own_places(user)
    said = selectors.what_places_say(own_places)
    places, programme_ids = said["places"], said["programme_ids"]
    context = {
        "roles": roles,
        "Role": Role,
        # The person's own pages, offered to those they hold something for (asked of the places
        # in hand).
        "has_calendar": bool(cohort_permissions.check(user, "have-own-calendar", places)),
        "has_certificates": bool(cohort_permissions.check(user, "see-own-certificates", places)),
        "has_learning_log": bool(
            module_permissions.check(user, "have-learning-log", programme_ids)
        ),
    }
    if Role.PROGRAMME_MANAGER in roles:
        context["manager"] = selectors.manager_overview()
    if Role.FACILITATOR in roles:
        context["facilitator"] = selectors.facilitator_overview(user)
    if Role.NOMINATOR in roles:
        context["nominator"] = selectors.nominator_overview(user)
    if own_places or not roles:
        context["participant_part"] = participant_part(
            request,
            own_places,
            has_certificates=context["has_certificates"],
            has_learning_log=context["has_learning_log"],
        )
    return render(request, "academy_site/home.html", context)
