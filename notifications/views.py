"""The record of what was sent: a person's own notifications, and (for programme managers and
nominators) every notification they may see."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from accounts.permissions import deny
from accounts.roles import is_programme_manager

from . import permissions
from .forms import NotificationFilterForm
from .models import Notification

PER_PAGE = 50


def _listing(request, queryset, *, show_email):
    form = NotificationFilterForm(request.GET or None, show_email=show_email)
    rows = form.filter(queryset).select_related("recipient", "about").order_by("-created_at", "-pk")
    return form, Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))


@login_required
def mine(request):
    """Every notification sent to the signed-in person."""
    permission = permissions.check(request.user, "view-own-notifications")
    if not permission:
        return deny(request, permission)
    form, page = _listing(request, Notification.objects.sent_to(request.user), show_email=False)
    return render(request, "notifications/mine.html", {"form": form, "page": page})


@login_required
def sent(request):
    """Notifications sent to others: all of them for a programme manager, those about their
    organisation's officers for a nominator."""
    permission = permissions.check(request.user, "view-sent-notifications")
    if not permission:
        return deny(request, permission)
    form, page = _listing(request, Notification.objects.visible_to(request.user), show_email=True)
    return render(
        request,
        "notifications/sent.html",
        {"form": form, "page": page, "sees_all": is_programme_manager(request.user)},
    )
