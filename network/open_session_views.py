"""Open sessions: the list, one session (book, cancel, add to calendar), and publishing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import is_programme_manager
from links.downloads import content_disposition

from . import open_sessions, selectors
from .calendar import open_session_ics
from .forms import OpenSessionForm
from .models import ChampionProfile, OpenSession
from .permissions import check
from .views import refused


@login_required
def open_session_list(request):
    page = selectors.open_sessions(page_number=request.GET.get("page") or 1)
    own = ChampionProfile.objects.filter(person=request.user).first()
    return render(
        request,
        "network/open_sessions.html",
        {
            "page": page,
            "may_publish": is_programme_manager(request.user) or (own and own.is_listed),
        },
    )


def _session(pk):
    return get_object_or_404(
        OpenSession.objects.with_booked().select_related("host__person", "host__organisation"),
        pk=pk,
    )


@login_required
def open_session(request, pk):
    session = _session(pk)
    return render(
        request,
        "network/open_session.html",
        {
            "session": session,
            "booking": selectors.booking_of(request.user, session),
            "keeps_register": check(request.user, "keep-register", session),
        },
    )


@login_required
def open_session_register(request, pk):
    """Who came: the host ticks those with a place who were there, once it has started."""
    session = _session(pk)
    if response := refused(request, "keep-register", session):
        return response
    bookings = session.bookings.filter(status="booked").select_related("person")
    if request.method == "POST":
        try:
            present = open_sessions.open_session_register_save(
                actor=request.user,
                session=session,
                attended_ids=[int(v) for v in request.POST.getlist("attended") if v.isdigit()],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The register is saved: {present} present.")
            return redirect("network:open_session", session.pk)
    return render(
        request,
        "network/open_session_register.html",
        {"session": session, "bookings": bookings, "open": session.has_started()},
    )


@login_required
def open_session_create(request):
    manager = is_programme_manager(request.user)
    own = ChampionProfile.objects.filter(person=request.user).first()
    if response := refused(request, "publish-session", own):
        return response
    form = OpenSessionForm(request.POST or None, user=request.user, manager=manager)
    if request.method == "POST" and form.is_valid():
        try:
            session = open_sessions.open_session_save(
                actor=request.user, session=form.instance, themes=form.cleaned_data["themes"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The open session is published.")
            return redirect("network:open_session", session.pk)
    return render(request, "network/open_session_form.html", {"form": form})


@require_POST
@login_required
def open_session_booking(request, pk):
    """Book (or join the waiting list), or cancel: `action` says which."""
    session = _session(pk)
    try:
        if request.POST.get("action") == "cancel":
            open_sessions.open_session_cancel(person=request.user, session=session)
            messages.success(request, "Your place is cancelled.")
        else:
            booking = open_sessions.open_session_book(person=request.user, session=session)
            messages.success(request, f"You are {booking.get_status_display().lower()}.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("network:open_session", session.pk)


@login_required
def open_session_calendar(request, pk):
    session = _session(pk)
    response = HttpResponse(open_session_ics(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition(f"open-session-{session.pk}.ics")
    return response
