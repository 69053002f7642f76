from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.roles import Role, roles_of
from cohorts import selectors


@login_required
def home(request):
    """'My academy': one landing page that shows a section for each role the person holds."""
    user = request.user
    roles = roles_of(user)
    context = {"roles": roles, "Role": Role}
    if Role.PROGRAMME_MANAGER in roles:
        context["manager"] = selectors.manager_overview()
    if Role.FACILITATOR in roles:
        context["facilitator"] = selectors.facilitator_overview(user)
    if Role.NOMINATOR in roles:
        context["nominator"] = selectors.nominator_overview(user)
    context["participant"] = selectors.participant_overview(user)
    return render(request, "academy_site/home.html", context)
