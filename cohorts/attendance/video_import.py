"""Importing the attendance list a video-conferencing tool (Zoom, Microsoft Teams...) exports
for an online cohort session: each attendee's minutes in the call (read by `video_reports`),
matched to enrolments by email, shown to the facilitator with every mark that would change, and
saved as facilitator's marks once they confirm.

On a session that also meets in a room, the people not in the call may well have been in the
room: an import then changes only the people in the file, unless the facilitator asks for
everyone else to be marked absent too. The file is held in the spreadsheets upload store
between the preview and the confirmation.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import normalise_email
from spreadsheets.formats import SpreadsheetError
from spreadsheets.uploads import UploadStore

from ..models import Apology, AttendanceMark, CohortSession, Enrolment
from .register import Method, register_save
from .video_reports import ImportedAttendee, attendance_import_parse

Status = AttendanceMark.Status
# An uploaded list waits here between its preview and the facilitator's confirmation.
UPLOADS = UploadStore("attendance-imports")


@dataclass
class ImportPreviewRow:
    """One participant: their minutes in the call (None: not in the file), the mark the import
    would record (None: left as it is) and their mark now."""

    enrolment: Enrolment
    minutes: int | None
    status: str | None
    note: str
    current: AttendanceMark | None

    @property
    def status_label(self):
        return Status(self.status).label if self.status else ""

    @property
    def changes(self):
        """The mark would change: a new mark, or another status than now."""
        if self.status is None:
            return False
        return self.current is None or self.current.status != self.status


@dataclass
class ImportPreview:
    session: CohortSession
    min_minutes: int
    absent_if_missing: bool
    rows: list[ImportPreviewRow]
    unknown: list[ImportedAttendee]
    problems: list[str] = field(default_factory=list)

    @property
    def entries(self):
        return {
            row.enrolment.pk: (row.status, row.note) for row in self.rows if row.status is not None
        }

    @property
    def changed(self):
        return [row for row in self.rows if row.changes]

    @property
    def session_minutes(self):
        return int((self.session.ends_at - self.session.starts_at).total_seconds() // 60)


def default_min_minutes(session: CohortSession) -> int:
    """Three quarters of the session's length: the minimum suggested on the upload form."""
    return int((session.ends_at - session.starts_at).total_seconds() // 60) * 3 // 4


def default_absent_if_missing(session: CohortSession) -> bool:
    """Mark everyone not in the call absent by default only when nobody could have been in a
    room instead (an online-only session)."""
    return not session.venue


def attendance_import_preview(
    *,
    session: CohortSession,
    data: bytes,
    min_minutes: int,
    absent_if_missing: bool | None = None,
    name: str = "",
    now=None,
) -> ImportPreview:
    """What importing this attendance list would record, for the facilitator to check before
    anything is saved: matched by email, present if in the call at least `min_minutes`.
    People not in the file are marked absent (or apologies, if they sent them) only when
    `absent_if_missing` (by default, on an online-only session); otherwise left as they are.
    Refused before the session starts (`AttendanceMark.refusal`)."""
    now = now or timezone.now()
    refusal = AttendanceMark.refusal(session=session, status=Status.PRESENT, at=now)
    if refusal:
        raise ValidationError(refusal)
    if absent_if_missing is None:
        absent_if_missing = default_absent_if_missing(session)
    attendees, problems = attendance_import_parse(data, name=name)
    by_email = {a.email: a for a in attendees}
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort_id=session.cohort_id)
        .select_related("participant", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    current = {m.enrolment_id: m for m in AttendanceMark.objects.filter(session=session)}
    apologised = set(Apology.objects.filter(session=session).values_list("enrolment_id", flat=True))
    rows = []
    for enrolment in enrolments:
        attendee = by_email.pop(normalise_email(enrolment.participant.email), None)
        if attendee is None:
            if absent_if_missing:
                status = Status.APOLOGIES if enrolment.pk in apologised else Status.ABSENT
                note = "Not in the call."
            else:
                status, note = None, ""
            rows.append(ImportPreviewRow(enrolment, None, status, note, current.get(enrolment.pk)))
            continue
        minutes = round(attendee.minutes)
        if minutes >= min_minutes:
            status, note = Status.PRESENT, f"In the call for {minutes} minutes."
        else:
            status = Status.ABSENT
            note = f"In the call for {minutes} minutes, under the {min_minutes} needed."
        rows.append(ImportPreviewRow(enrolment, minutes, status, note, current.get(enrolment.pk)))
    unknown = sorted(by_email.values(), key=lambda a: a.email)
    return ImportPreview(session, min_minutes, absent_if_missing, rows, unknown, problems)


def attendance_import_save(
    *,
    session: CohortSession,
    data: bytes,
    min_minutes: int,
    recorded_by,
    absent_if_missing: bool | None = None,
    name="",
    now=None,
) -> ImportPreview:
    """Record the attendance list the facilitator previewed, as facilitator's marks."""
    preview = attendance_import_preview(
        session=session,
        data=data,
        min_minutes=min_minutes,
        absent_if_missing=absent_if_missing,
        name=name,
        now=now,
    )
    register_save(
        session=session,
        entries=preview.entries,
        recorded_by=recorded_by,
        method=Method.IMPORT,
        now=now,
    )
    return preview


def attendance_import_hold(*, session: CohortSession, owner, data: bytes, name: str = "") -> str:
    """Keep the uploaded list while the facilitator checks its preview; the key reads it back."""
    return UPLOADS.save(owner=owner, data=data, meta={"session": session.pk, "name": name[:200]})


def attendance_import_held(*, session: CohortSession, owner, key: str) -> tuple[bytes, str]:
    """The list kept under `key` for this session and facilitator: (its bytes, its file name)."""
    upload = UPLOADS.load(key=key, owner=owner)
    if upload is None:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE, "The preview has expired. Upload the file again."
        )
    if upload.meta.get("session") != session.pk:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE,
            "This preview is for another session. Upload the file again.",
        )
    return upload.data, upload.meta.get("name", "")


def attendance_import_release(*, key: str) -> None:
    """Forget a kept list once it is saved."""
    UPLOADS.remove(key=key)
