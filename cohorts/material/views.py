"""A cohort session's own page (its material, for those with access) and the form its
facilitators and programme managers use to edit that material."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import deny
from modules.services import rich_text_as_plain_text

from .. import permissions
from ..attendance.apologies import apologies_open
from ..attendance.checkin import check_in_open
from ..models import AttendanceMark, CohortSession
from .forms import CohortSessionMaterialForm
from .services import cohort_session_material_update


def _session(pk):
    return get_object_or_404(
        CohortSession.objects.select_related("cohort__programme", "cohort__place", "slides"), pk=pk
    )


def _check_in_here(request, session):
    """The box for the check-in code, for a participant not yet marked, while check-in is
    open (the same form and check-in page as the QR code's link)."""
    return (
        check_in_open(session)
        and bool(permissions.check(request.user, "attend", session))
        and not AttendanceMark.objects.filter(
            session=session, enrolment__participant=request.user
        ).exists()
    )


def session_detail(request, pk):
    session = _session(pk)
    permission = permissions.check(request.user, "view-cohort-session", session)
    if not permission:
        return deny(request, permission)
    return render(
        request,
        "cohorts/material/session_detail.html",
        {
            "session": session,
            "modules": session.modules.live().order_by("path"),
            "can_edit": bool(
                permissions.check(request.user, "edit-cohort-session-material", session)
            ),
            "can_send_apologies": apologies_open(session)
            and bool(permissions.check(request.user, "attend", session)),
            "check_in": _check_in_here(request, session),
        },
    )


def session_material_edit(request, pk):
    session = _session(pk)
    permission = permissions.check(request.user, "edit-cohort-session-material", session)
    if not permission:
        return deny(request, permission)
    initial = {
        name: rich_text_as_plain_text(getattr(session, name))
        for name in ("joining_instructions", "pre_reading", "follow_up_actions")
    }
    form = CohortSessionMaterialForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cohort_session_material_update(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The session material is saved.")
            return redirect("cohorts:session_detail", pk=session.pk)
    return render(
        request,
        "cohorts/material/session_material_form.html",
        {"session": session, "form": form},
        status=400 if form.errors else 200,
    )
