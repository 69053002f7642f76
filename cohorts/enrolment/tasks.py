"""Background work for enrolments, run by django-tasks (at once in dev and tests; by a worker in
production), so that a page which nominates 200 officers answers straight away. Every email
goes through `notifications` (one record per notification per recipient: never sent twice)."""

from django_tasks import task

from accounts.roles import is_programme_manager
from links import absolute_reverse
from notifications.services import notifications_send

from ..models import Enrolment, EnrolmentEvent
from . import emails
from .invitations import invitations_issue

Action = EnrolmentEvent.Action


@task()
def notify_enrolments(enrolment_ids, offered=False):
    """Email each officer what their enrolment's current status calls for: an invitation link
    if they are invited (`offered`: a seat freed from the waiting list), a note if they are on
    the waiting list. Looking the status up here, not when queued, means a withdrawn officer is
    not sent a stale invitation."""
    enrolments = list(
        Enrolment.objects.filter(pk__in=enrolment_ids).select_related(
            "participant", "organisation", "cohort__programme", "cohort__place"
        )
    )
    invited = [e for e in enrolments if e.status == Enrolment.Status.INVITED]
    links = dict(zip(invited, invitations_issue(enrolments=invited), strict=True))
    messages = []
    for enrolment in enrolments:
        if enrolment.status == Enrolment.Status.INVITED:
            invitation, raw_token = links[enrolment]
            messages.append(
                emails.invitation_message(enrolment, invitation, raw_token, offered=offered)
            )
        elif enrolment.status == Enrolment.Status.WAITING_LIST:
            key = f"waiting-list:{enrolment.pk}:{enrolment.updated_at:%Y%m%d%H%M%S%f}"
            messages.append(emails.waiting_list_message(enrolment, key=key))
    return len(notifications_send(messages))


def nominators_told(enrolment):
    """Who hears about an officer's place: the nominator who nominated them, if they still
    nominate for the organisation; otherwise every nominator of the organisation."""
    nominators = list(enrolment.organisation.nominators.all())
    own = [n for n in nominators if n.pk == enrolment.nominated_by_id]
    return own or nominators


def _acting_for(actor, enrolment):
    """A programme manager changed the place, not one of the organisation's own nominators."""
    if actor is None or not is_programme_manager(actor):
        return False
    return not any(n.pk == actor.pk for n in enrolment.organisation.nominators.all())


def _name(person):
    return person.get_full_name().strip() or person.email


def _names(enrolments, limit=10):
    names = [_name(e.participant) for e in enrolments]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} others"
    return ", ".join(names)


def _change(event, enrolments):
    """What a programme manager did, as the clause the nominators read."""
    enrolment = event.enrolment
    if event.action == Action.NOMINATED:
        return f"nominated {_names(enrolments)} for {enrolment.cohort}"
    if event.action == Action.WITHDRAWN:
        return f"withdrawn {_name(enrolment.participant)} from {enrolment.cohort}"
    if event.action == Action.SUBSTITUTED:
        substitute = event.details.get("substitute", "a colleague")
        return (
            f"passed {_name(enrolment.participant)}'s place on {enrolment.cohort} to {substitute}"
        )
    if event.action == Action.MOVED:
        return (
            f"moved {_name(enrolment.participant)} from {enrolment.cohort} to "
            f"{event.details.get('to_cohort', 'another cohort')}"
        )
    return ""


def _officer_messages(event, key):
    enrolment = event.enrolment
    if event.action == Action.WITHDRAWN:
        return [emails.officer_message("place-withdrawn", enrolment, key=key)]
    if event.action == Action.SUBSTITUTED:
        return [emails.officer_message("place-substituted", enrolment, key=key)]
    if event.action == Action.MOVED:
        moved_to = (
            Enrolment.objects.select_related("participant", "organisation", "cohort__programme")
            .filter(pk=event.details.get("to_enrolment"))
            .first()
        )
        if moved_to is None:
            return []
        return [
            emails.officer_message(
                "enrolment-moved",
                moved_to,
                key=key,
                extra={
                    "from_cohort": str(enrolment.cohort),
                    "status": moved_to.get_status_display().lower(),
                    "link": absolute_reverse("home"),
                },
            )
        ]
    return []


def _nominator_messages(event, key):
    enrolment = event.enrolment
    if event.action == Action.CONFIRMED:
        kind, extra = "officer-confirmed", {}
    elif event.action == Action.DECLINED:
        kind, extra = "officer-declined", {"reason": event.details.get("reason") or "none given"}
    else:
        return []
    nominators = nominators_told(enrolment)
    return emails.nominator_messages(kind, enrolment, nominators, key=key, extra=extra)


@task()
def enrolment_events_notify(event_ids: list[int]):
    """Tell the people a change to a place concerns, once per change (keyed by its history
    event): the officer (withdrawn, substituted, moved), their nominator (confirmed,
    declined), and, when a programme manager made the change for the organisation, its
    nominators. Nominations made together are told to the nominators in one email."""
    events = list(
        EnrolmentEvent.objects.filter(pk__in=event_ids)
        .select_related(
            "actor",
            "enrolment__participant",
            "enrolment__cohort__programme",
            "enrolment__organisation",
        )
        .prefetch_related("enrolment__organisation__nominators")
        .order_by("pk")
    )
    messages = []
    nominated = [e for e in events if e.action == Action.NOMINATED]
    for event in events:
        key = f"event:{event.pk}"
        messages += _officer_messages(event, key)
        messages += _nominator_messages(event, key)
        if event.action != Action.NOMINATED and _acting_for(event.actor, event.enrolment):
            messages += _team_messages(event, [event.enrolment], key)
    if nominated and _acting_for(nominated[0].actor, nominated[0].enrolment):
        messages += _team_messages(
            nominated[0], [e.enrolment for e in nominated], f"event:{nominated[0].pk}"
        )
    return len(notifications_send(messages))


def _team_messages(event, enrolments, key):
    actor = event.actor
    return emails.nominator_messages(
        "place-changed-by-programme-team",
        event.enrolment,
        list(event.enrolment.organisation.nominators.all()),
        key=f"team:{key}",
        extra={"change": _change(event, enrolments), "changed_by": _name(actor)},
    )
