"""Where someone nominating or changing a place goes back to, and a service's errors on a form:
shared by the portal's views and the views that change a place."""

from django.urls import reverse

from accounts.roles import is_nominator, is_programme_manager


def add_errors(form, error):
    """Put a service's ValidationError on the form, so the error summary shows it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def back_to(request):
    """Where a programme manager came from ("cohort": the cohort's page), kept in the form."""
    return "cohort" if "cohort" in (request.GET.get("back"), request.POST.get("back")) else ""


def portal_url(request, organisation, **params):
    """The portal, as this person uses it: a programme manager acting for `organisation`."""
    if is_programme_manager(request.user):
        params["organisation"] = organisation.pk
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("cohorts:nominate") + (f"?{query}" if query else "")


def back_url(request, *, cohort, organisation):
    """Where someone nominating or changing a place goes back to: a programme manager to the
    cohort's page (when they came from it) or to the organisation they act for; a nominator to
    their portal."""
    if is_programme_manager(request.user):
        if back_to(request) == "cohort":
            return reverse("cohorts:overview", args=[cohort.pk])
        return portal_url(request, organisation)
    return reverse("cohorts:nominate") if is_nominator(request.user) else reverse("home")
