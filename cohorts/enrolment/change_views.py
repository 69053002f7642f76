"""Changing a place: resending the invitation, withdrawing, substituting (the organisation's
nominators, or the programme team) and moving to another cohort (the programme team). Views
parse input, check permission, call a service and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.permissions import deny

from .. import permissions
from ..models import Enrolment
from . import services
from .back import add_errors, back_to, back_url
from .forms import MoveForm, OfficerForm, WithdrawForm


def _managed_enrolment(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.visible_to(request.user).select_related(
            "participant", "organisation", "cohort__programme"
        ),
        pk=pk,
    )
    return enrolment, permissions.check(request.user, "manage-enrolment", enrolment)


def back_to_portal(request, enrolment):
    """Back where the change was made (see `back_url`)."""
    return redirect(back_url(request, cohort=enrolment.cohort, organisation=enrolment.organisation))


@login_required
@require_POST
def enrolment_resend(request, pk):
    enrolment, permission = _managed_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
    try:
        services.invitation_resend(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"We are sending {enrolment.participant} a new invitation.")
    return back_to_portal(request, enrolment)


@login_required
def enrolment_withdraw(request, pk):
    enrolment, permission = _managed_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_withdraw(
                actor=request.user, enrolment=enrolment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, f"{enrolment.participant} is withdrawn from {enrolment.cohort}."
            )
            return back_to_portal(request, enrolment)
    return render(
        request,
        "cohorts/nominate/withdraw.html",
        {
            "form": form,
            "enrolment": enrolment,
            "back": back_to(request),
            "back_url": back_url(
                request, cohort=enrolment.cohort, organisation=enrolment.organisation
            ),
        },
    )


@login_required
def enrolment_substitute(request, pk):
    enrolment, permission = _managed_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            substitute = services.enrolment_substitute(
                actor=request.user, enrolment=enrolment, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                f"{substitute.participant} takes over {enrolment.participant}'s seat; we have "
                f"emailed them an invitation.",
            )
            return back_to_portal(request, enrolment)
    return render(
        request,
        "cohorts/nominate/officer_form.html",
        {
            "form": form,
            "cohort": enrolment.cohort,
            "organisation": enrolment.organisation,
            "replacing": enrolment,
            "heading": f"Substitute another officer for {enrolment.participant}",
            "back": back_to(request),
            "back_url": back_url(
                request, cohort=enrolment.cohort, organisation=enrolment.organisation
            ),
            "button": "Substitute",
        },
    )


@login_required
def enrolment_move(request, pk):
    """A programme manager moves an officer to another cohort."""
    enrolment, permission = _managed_enrolment(request, pk)
    if permission:
        permission = permissions.check(request.user, "act-for-anyone", enrolment)
    if not permission:
        return deny(request, permission)
    form = MoveForm(request.POST or None, enrolment=enrolment)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.enrolment_move(
                actor=request.user,
                enrolment=enrolment,
                to_cohort=form.cleaned_data["to_cohort"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                f"{enrolment.participant} is moved to {moved.cohort} "
                f"({moved.get_status_display().lower()}); we are telling them and "
                f"{enrolment.organisation}'s nominators.",
            )
            return back_to_portal(request, enrolment)
    return render(
        request,
        "cohorts/nominate/move.html",
        {"form": form, "enrolment": enrolment, "back": back_to(request)},
    )
