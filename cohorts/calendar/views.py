"""Calendar pages: a person's private calendar address (and resetting it), a cohort's calendar
address, the feeds themselves, and an "add to calendar" file per cohort session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import deny
from links.downloads import content_disposition

from .. import permissions
from ..models import CalendarFeed, Cohort, CohortSession
from . import feeds as calendar

# The most cohorts whose own calendars the personal calendar page links to.
COHORT_LINKS = 20


def _ics(body, filename, *, attachment):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition(filename, attachment=attachment)
    # The feed address is a secret: keep it out of shared caches.
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def my_calendar(request):
    """The person's private calendar address for all their sessions, and a way to each of
    their cohorts' own calendars."""
    permission = permissions.check(request.user, "have-own-calendar")
    if not permission:
        return deny(request, permission)
    feed = calendar.calendar_feed_get_or_create(user=request.user)
    cohorts = (
        Cohort.objects.visible_to(request.user)
        .exclude(status=Cohort.Status.CLOSED)
        .order_by("starts_on", "name")[:COHORT_LINKS]
    )
    return render(
        request,
        "cohorts/calendar/my_calendar.html",
        {"feed": feed, "feed_url": calendar.feed_url(feed), "cohort": None, "cohorts": cohorts},
    )


@login_required
def cohort_calendar(request, pk):
    """One cohort's calendar address, for its facilitators (and anyone else who can see it)."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    permission = permissions.check(request.user, "have-cohort-feed", cohort)
    if not permission:
        return deny(request, permission)
    feed = calendar.calendar_feed_get_or_create(user=request.user, cohort=cohort)
    return render(
        request,
        "cohorts/calendar/my_calendar.html",
        {
            "feed": feed,
            "feed_url": calendar.feed_url(feed),
            "cohort": cohort,
            "can_run": bool(permissions.check(request.user, "run-cohort", cohort)),
        },
    )


@login_required
@require_POST
def calendar_reset(request, pk):
    # Only the feed's owner may reset it; anyone else's feed is "not found", not "forbidden".
    feed = get_object_or_404(CalendarFeed, pk=pk, user=request.user)
    calendar.calendar_feed_reset(feed=feed)
    messages.success(
        request,
        "Your calendar has a new address. The old one no longer works: subscribe again with "
        "the new one.",
    )
    if feed.cohort_id:
        return redirect("cohorts:cohort_calendar", pk=feed.cohort_id)
    return redirect("cohorts:my_calendar")


@require_GET
def calendar_feed(request, token):
    """The feed a calendar app fetches: no sign-in, the long random token is the key."""
    feed = CalendarFeed.objects.select_related("user", "cohort__programme").filter(token=token)
    feed = feed.first()
    body = calendar.feed_body(feed) if feed else None
    if body is None:
        raise Http404("No such calendar.")
    return _ics(body, "academy.ics", attachment=False)


def session_ics(request, pk):
    """'Add to calendar': one cohort session as a file, for people who can see the session."""
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme", "cohort__place"), pk=pk
    )
    permission = permissions.check(request.user, "view-cohort-session", session)
    if not permission:
        return deny(request, permission)
    body = calendar.calendar_for([session], name=str(session.cohort))
    return _ics(body, f"academy-session-{session.pk}.ics", attachment=True)
