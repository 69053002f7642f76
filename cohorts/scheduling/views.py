"""A cohort's sessions: the list (with each session's state), creating sessions from a pattern
(dates checked first, bank holidays shown), moving a session and cancelling one (with the
effect on standings shown first). Views parse input, check permission, call a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import deny

from .. import permissions
from ..completion.changes import standing_changes_preview
from ..models import Cohort, CohortSession
from . import services
from .forms import CancelForm, MoveForm, PatternForm
from .patterns import plan_sessions

PER_PAGE = 25


def _cohort(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=pk)
    return cohort, permissions.check(request.user, "schedule-sessions", cohort)


def _session(request, pk):
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme", "cohort__place"), pk=pk
    )
    return session, permissions.check(request.user, "schedule-sessions", session.cohort)


def _form_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def cohort_sessions(request, pk):
    """Every session of the cohort, scheduled or cancelled, with what can be done to each."""
    cohort, permission = _cohort(request, pk)
    if not permission:
        return deny(request, permission)
    sessions = Paginator(
        cohort.sessions.select_related("cancelled_by").order_by("starts_at", "pk"), PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request, "cohorts/scheduling/sessions.html", {"cohort": cohort, "sessions": sessions}
    )


@login_required
def sessions_from_pattern(request, pk):
    """Choose a pattern, see the dates it gives (bank holidays skipped or flagged), then
    create them all."""
    cohort, permission = _cohort(request, pk)
    if not permission:
        return deny(request, permission)
    form = PatternForm(request.POST or None, initial={"first_date": cohort.starts_on})
    plan = None
    if request.method == "POST" and form.is_valid():
        plan = plan_sessions(**form.plan_arguments())
        if "confirm" in request.POST:
            try:
                created = services.cohort_sessions_create(
                    cohort=cohort,
                    actor=request.user,
                    plan=plan,
                    title=form.cleaned_data["title"],
                    venue=form.cleaned_data["venue"],
                    joining_url=form.cleaned_data["joining_url"],
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, f"{len(created)} sessions added to {cohort}.")
                return redirect("cohorts:cohort_sessions", cohort.pk)
    return render(
        request,
        "cohorts/scheduling/pattern.html",
        {"cohort": cohort, "form": form, "plan": plan},
        status=400 if form.errors else 200,
    )


@login_required
def session_move(request, pk):
    session, permission = _session(request, pk)
    if not permission:
        return deny(request, permission)
    form = MoveForm(request.POST or None, initial=MoveForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.times()
        try:
            services.cohort_session_move(
                session=session,
                actor=request.user,
                starts_at=starts_at,
                ends_at=ends_at,
                venue=form.cleaned_data["venue"],
                joining_url=form.cleaned_data["joining_url"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                f"{session.title} is moved. We are emailing its participants and facilitators; "
                "subscribed calendars update by themselves.",
            )
            return redirect("cohorts:cohort_sessions", session.cohort_id)
    return render(
        request,
        "cohorts/scheduling/move.html",
        {"session": session, "cohort": session.cohort, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def session_cancel(request, pk):
    """Cancel a session, after seeing what it does to completion and to whose standing."""
    session, permission = _session(request, pk)
    if not permission:
        return deny(request, permission)
    if session.is_cancelled:
        messages.info(request, f"{session.title} is already cancelled.")
        return redirect("cohorts:cohort_sessions", session.cohort_id)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_session_cancel(
                session=session, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                f"{session.title} is cancelled. It stays on the cohort's pages as cancelled; we "
                "are emailing its participants and facilitators.",
            )
            return redirect("cohorts:cohort_sessions", session.cohort_id)
    return render(
        request,
        "cohorts/scheduling/cancel.html",
        {
            "session": session,
            "cohort": session.cohort,
            "form": form,
            "effect": standing_changes_preview(
                cohorts=[session.cohort],
                sessions=session.cohort.sessions.scheduled().exclude(pk=session.pk),
                cancelling=True,
            ),
        },
        status=400 if form.errors else 200,
    )
