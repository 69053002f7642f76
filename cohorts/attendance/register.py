"""The register: facilitators' marks for a cohort session, saved in one go, and one person's mark
recorded by any path (the register, an import, a self check-in).

Who wins: a facilitator's mark (the register or an import) always wins over a self check-in. A
check-in never overwrites a mark; a register save or an import overwrites a check-in. Every
real write to a mark, its first recording included, during the session or after it, is kept in
its history (`AttendanceMarkChange`): who, when, how, and from what to what.

Marks follow time: every path records through these two services, and each mark is checked by
`AttendanceMark.refusal` (apologies at any time, anything else once the session has started).
"""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import AttendanceMark, AttendanceMarkChange, CohortSession, Enrolment
from ..record_versions import cohort_records_changed
from .at_risk import check_at_risk_on_commit

Status = AttendanceMark.Status
Method = AttendanceMark.Method
# Marks made by a facilitator, which a self check-in never overwrites.
FACILITATOR_METHODS = (Method.REGISTER, Method.IMPORT)
# The model's own field checks, without the per-row queries that checking the foreign keys and
# the unique constraint would cost: the database enforces those (and the same-cohort trigger).
_CLEAN_EXCLUDE = ["enrolment", "session", "recorded_by"]


def _lock_session(session):
    # Serialise writes to one session's marks, so a check-in arriving while the register is
    # saved cannot collide with it (a no-op on SQLite, which locks the whole database anyway).
    # Read under the lock, so a session being cancelled at the same moment gets no marks.
    cancelled = list(
        CohortSession.objects.select_for_update()
        .filter(pk=session.pk)
        .values_list("cancelled_at", flat=True)
    )
    if cancelled and cancelled[0] is not None:
        raise ValidationError("This session is cancelled: no attendance is recorded for it.")


def _change_for(mark, *, status, note, method, changed_by, now, first=False):
    """The history record of one write to `mark` (before the mark itself is changed)."""
    return AttendanceMarkChange(
        mark=mark,
        changed_by=changed_by,
        changed_at=now,
        previous_status="" if first else mark.status,
        previous_note="" if first else mark.note,
        previous_method="" if first else mark.method,
        new_status=status,
        new_note=note,
        new_method=method,
    )


def register_save(
    *,
    session: CohortSession,
    entries: Mapping[int, tuple[str, str]],
    recorded_by,
    method: str = Method.REGISTER,
    now: dt.datetime | None = None,
) -> list[AttendanceMark]:
    """Save a cohort session's register in one go: `entries` maps each enrolment's id to its
    (status, note); people left out keep whatever they had. Everything is saved or nothing
    is, in a constant number of queries.

    The register overwrites any self check-in. Each mark recorded or changed keeps a record of
    who wrote it, when, how and its previous value; an unchanged mark writes nothing. Before the
    session starts only apologies can be recorded (`AttendanceMark.refusal`).
    """
    now = now or timezone.now()
    if method not in FACILITATOR_METHODS:
        raise ValueError("The register records facilitators' marks only.")
    for status in {status for status, _ in entries.values()}:
        refusal = AttendanceMark.refusal(session=session, status=status, at=now)
        if refusal:
            raise ValidationError(refusal)
    with transaction.atomic():
        _lock_session(session)
        on_cohort = set(
            Enrolment.objects.filter(cohort_id=session.cohort_id, pk__in=list(entries)).values_list(
                "pk", flat=True
            )
        )
        strangers = set(entries) - on_cohort
        if strangers:
            raise ValidationError("Some of these people are not enrolled on this cohort.")
        existing = {
            mark.enrolment_id: mark
            for mark in AttendanceMark.objects.filter(session=session, enrolment_id__in=on_cohort)
        }
        for mark in existing.values():
            mark.session = session  # loaded once, for every mark's clean()
        to_create, to_update, changes = [], [], []
        for enrolment_id, (status, note) in entries.items():
            note = (note or "").strip()
            mark = existing.get(enrolment_id)
            if mark is None:
                mark = AttendanceMark(enrolment_id=enrolment_id, session=session)
                to_create.append(mark)
            elif mark.status == status and mark.note == note:
                continue  # Unchanged: keep who recorded it and how (a check-in stays a check-in).
            else:
                changes.append(
                    _change_for(
                        mark,
                        status=status,
                        note=note,
                        method=method,
                        changed_by=recorded_by,
                        now=now,
                    )
                )
                to_update.append(mark)
            mark.status, mark.note, mark.method = status, note, method
            mark.recorded_by, mark.recorded_at = recorded_by, now
            mark.full_clean(
                exclude=_CLEAN_EXCLUDE, validate_unique=False, validate_constraints=False
            )
        # New marks and changed ones in one statement: an insert that meets the session's
        # existing mark for that person updates it instead (the session lock means only the
        # marks read above can be there).
        AttendanceMark.objects.bulk_create(
            [
                AttendanceMark(
                    enrolment_id=mark.enrolment_id,
                    session=session,
                    status=mark.status,
                    note=mark.note,
                    method=mark.method,
                    recorded_by=mark.recorded_by,
                    recorded_at=mark.recorded_at,
                )
                for mark in to_update
            ]
            + to_create,
            update_conflicts=True,
            unique_fields=["enrolment", "session"],
            update_fields=["status", "note", "method", "recorded_by", "recorded_at"],
        )
        # The new marks have their ids now: their first recording joins the history.
        changes += [
            _change_for(
                mark,
                status=mark.status,
                note=mark.note,
                method=method,
                changed_by=recorded_by,
                now=now,
                first=True,
            )
            for mark in to_create
        ]
        AttendanceMarkChange.objects.bulk_create(changes)
        if to_create or to_update:
            # Written in bulk, which the models' signals do not see.
            cohort_records_changed([session.cohort_id])
            check_at_risk_on_commit(session.cohort_id)
    return to_create + to_update


def attendance_record(
    *,
    enrolment: Enrolment,
    session: CohortSession,
    status: str,
    note: str = "",
    method: str = Method.REGISTER,
    recorded_by=None,
    now: dt.datetime | None = None,
) -> AttendanceMark:
    """Record one person's attendance at one cohort session (refused before the session
    starts, unless it is apologies: `AttendanceMark.refusal`).

    A self check-in never overwrites an existing mark (a facilitator's mark always wins, and a
    second check-in changes nothing); a facilitator's mark overwrites whatever was there.
    """
    now = now or timezone.now()
    if enrolment.cohort_id != session.cohort_id:
        raise ValidationError("This person is not enrolled on this session's cohort.")
    if method in FACILITATOR_METHODS:
        register_save(
            session=session,
            entries={enrolment.pk: (status, note)},
            recorded_by=recorded_by,
            method=method,
            now=now,
        )
        return AttendanceMark.objects.get(enrolment=enrolment, session=session)
    with transaction.atomic():
        _lock_session(session)
        mark = AttendanceMark.objects.filter(enrolment=enrolment, session=session).first()
        if mark is not None:
            return mark
        mark = AttendanceMark(
            enrolment=enrolment,
            session=session,
            status=status,
            note=note,
            method=method,
            recorded_by=recorded_by,
            recorded_at=now,
        )
        mark.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                mark.save()
        except IntegrityError:
            # Recorded by someone else a moment ago: theirs stands.
            return AttendanceMark.objects.get(enrolment=enrolment, session=session)
        _change_for(
            mark,
            status=status,
            note=note,
            method=method,
            changed_by=recorded_by,
            now=now,
            first=True,
        ).save()
        check_at_risk_on_commit(session.cohort_id)
    return mark
