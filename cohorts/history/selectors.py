"""One history per cohort: every write to its attendance marks (first recordings and changes),
every sign-off given or withdrawn, every enrolment event and every certificate event, newest
first, as one list.

`cohort_history` unions the four records in the database (one query for a page, one to count
them), so the list pages and filters there whatever its length; `history_entries` then reads the
rows of one page, at most one query per kind. Each record is written by the service that makes
the change (`register_save`/`attendance_record`, `completion_sign_off`/`..._withdraw`, the
enrolment services, the certificate services), so nothing reaches a cohort unrecorded.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import F, Value
from django.utils import timezone

from ..models import (
    LONDON,
    AttendanceMarkChange,
    CertificateEvent,
    CompletionSignOffEvent,
    Enrolment,
    EnrolmentEvent,
)


class Kind(models.TextChoices):
    ATTENDANCE = "attendance", "Attendance"
    SIGN_OFF = "sign-off", "Sign-off"
    ENROLMENT = "enrolment", "Enrolment"
    CERTIFICATE = "certificate", "Certificate"


# Each kind: its model, when it happened, and the path to the enrolment it is about.
SOURCES = {
    Kind.ATTENDANCE: (AttendanceMarkChange, "changed_at", "mark__enrolment"),
    Kind.SIGN_OFF: (CompletionSignOffEvent, "at", "enrolment"),
    Kind.ENROLMENT: (EnrolmentEvent, "at", "enrolment"),
    Kind.CERTIFICATE: (CertificateEvent, "at", "certificate__enrolment"),
}

# How an enrolment event came about, from its details.
ENROLMENT_SOURCES = {
    "form": "Nomination form",
    "import": "Spreadsheet import",
    "substitution": "Substitution",
}


def cohort_history(cohort, *, kinds=None, person=None):
    """Rows (kind, row_id, happened_at) of the cohort's history, newest first: of `kinds` only
    (default every kind), about `person` only (a participant) if given. One query to read a
    slice, one to count."""
    parts = []
    for kind in kinds or Kind.values:
        model, happened_at, enrolment = SOURCES[kind]
        rows = model.objects.filter(**{f"{enrolment}__cohort": cohort})
        if person is not None:
            rows = rows.filter(**{f"{enrolment}__participant": person})
        parts.append(
            rows.order_by().values(
                kind=Value(str(kind), output_field=models.CharField()),
                row_id=F("pk"),
                happened_at=F(happened_at),
            )
        )
    first, *others = parts
    return first.union(*others, all=True).order_by("-happened_at", "-kind", "-row_id")


@dataclass
class HistoryEntry:
    """One line of a cohort's history: who, when, about whom, what, from what to what, how."""

    kind: str
    at: object
    actor: object
    enrolment: Enrolment
    what: str
    before: str = ""
    after: str = ""
    how: str = ""
    note: str = ""

    @property
    def kind_label(self):
        return Kind(self.kind).label


def _attendance(change):
    session = change.mark.session
    return HistoryEntry(
        kind=Kind.ATTENDANCE,
        at=change.changed_at,
        actor=change.changed_by,
        enrolment=change.mark.enrolment,
        what=f"{'Mark recorded' if not change.previous_status else 'Mark changed'}: "
        f"{session.title}, {timezone.localtime(session.starts_at, LONDON):%-d %b %Y}",
        before=change.get_previous_status_display() if change.previous_status else "",
        after=change.get_new_status_display(),
        how=change.get_new_method_display() if change.new_method else "",
        note=change.new_note,
    )


def _sign_off(event):
    return HistoryEntry(
        kind=Kind.SIGN_OFF,
        at=event.at,
        actor=event.actor,
        enrolment=event.enrolment,
        what=event.get_action_display(),
        before="Signed off" if event.action == event.Action.WITHDRAWN else "",
        after="Not signed off" if event.action == event.Action.WITHDRAWN else "Signed off",
        how="Completion page",
        note=event.reason,
    )


def _enrolment(event):
    return HistoryEntry(
        kind=Kind.ENROLMENT,
        at=event.at,
        actor=event.actor,
        enrolment=event.enrolment,
        what=event.get_action_display(),
        before=event.get_from_status_display() if event.from_status else "",
        after=event.get_to_status_display() if event.to_status else "",
        how=ENROLMENT_SOURCES.get((event.details or {}).get("source"), ""),
        note=(event.details or {}).get("reason", ""),
    )


def _certificate(event):
    certificate = event.certificate
    details = event.details or {}
    before = details.get("before") or {}
    Action = event.Action
    return HistoryEntry(
        kind=Kind.CERTIFICATE,
        at=event.at,
        actor=event.actor,
        enrolment=certificate.enrolment,
        what=f"Certificate {event.get_action_display().lower()}",
        before={
            Action.REISSUED: f"Edition {before.get('edition', '')}".strip(),
            Action.REVOKED: "Valid",
        }.get(event.action, ""),
        after={Action.ISSUED: "Valid", Action.REVOKED: "Revoked"}.get(event.action, ""),
        note=details.get("reason", ""),
    )


_LOADERS = {
    Kind.ATTENDANCE: (
        AttendanceMarkChange.objects.select_related(
            "changed_by",
            "mark__session",
            "mark__enrolment__participant",
            "mark__enrolment__organisation",
        ),
        _attendance,
    ),
    Kind.SIGN_OFF: (
        CompletionSignOffEvent.objects.select_related(
            "actor", "enrolment__participant", "enrolment__organisation"
        ),
        _sign_off,
    ),
    Kind.ENROLMENT: (
        EnrolmentEvent.objects.select_related(
            "actor", "enrolment__participant", "enrolment__organisation"
        ),
        _enrolment,
    ),
    Kind.CERTIFICATE: (
        CertificateEvent.objects.select_related(
            "actor", "certificate__enrolment__participant", "certificate__enrolment__organisation"
        ),
        _certificate,
    ),
}


def history_entries(rows):
    """The entries of one page of `cohort_history` rows, in the same order: at most one query
    per kind on the page."""
    rows = list(rows)
    wanted = {}
    for row in rows:
        wanted.setdefault(row["kind"], []).append(row["row_id"])
    loaded = {}
    for kind, ids in wanted.items():
        queryset, entry = _LOADERS[kind]
        for record in queryset.filter(pk__in=ids):
            loaded[kind, record.pk] = entry(record)
    keys = [(row["kind"], row["row_id"]) for row in rows]
    return [loaded[key] for key in keys if key in loaded]


def history_people(cohort):
    """The people a cohort's history can be filtered by: everyone ever enrolled on it."""
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("participant")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
