"""The same rules when sessions are changed on the admin's cohort screen: a session moved there
is announced like one moved from the sessions page, and a session people have been told of is
never deleted (it is cancelled instead). Wired from `wagtail_hooks` and `viewsets`."""

from ..models import Cohort, CohortSession
from .emails import session_moved_notify_on_commit
from .services import session_deletable

MOVE_FIELDS = ("starts_at", "ends_at", "venue", "joining_url")
_BEFORE = "_academy_sessions_before"


def _snapshot(cohort):
    return {
        pk: dict(zip(MOVE_FIELDS, values, strict=True))
        for pk, *values in CohortSession.objects.filter(
            cohort=cohort, cancelled_at__isnull=True
        ).values_list("pk", *MOVE_FIELDS)
    }


def remember_sessions(request, instance):
    """before_edit_snippet: note each session's time and place before the edit."""
    if isinstance(instance, Cohort) and request.method == "POST":
        setattr(request, _BEFORE, _snapshot(instance))


def announce_moved_sessions(request, instance):
    """after_edit_snippet: tell people about each session whose time or place changed."""
    before = getattr(request, _BEFORE, None)
    if not isinstance(instance, Cohort) or before is None:
        return
    for session in CohortSession.objects.filter(pk__in=before).select_related("cohort"):
        old = before[session.pk]
        if any(getattr(session, name) != old[name] for name in MOVE_FIELDS):
            session_moved_notify_on_commit(session, before=old, actor=request.user)


def deletion_errors(session_forms):
    """The reason each session marked for deletion must be kept, by form."""
    errors = []
    for form in session_forms:
        instance = form.instance
        if instance.pk and form.cleaned_data.get("DELETE"):
            permission = session_deletable(instance)
            if not permission:
                errors.append((form, f"{instance.title} cannot be deleted. {permission.reason}"))
    return errors
