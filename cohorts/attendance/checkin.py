"""Self check-in: a participant checks themself in to a cohort session, during its check-in
window, with the code on the facilitator's screen.

Codes are short, rotating, and useless a few minutes after a photo is taken.

The code for a cohort session is derived, not stored: HMAC(SECRET_KEY, session id + time step)
with a five-minute step, written as six characters from an alphabet without look-alikes (no 0/O,
1/I/L). The current and the previous step's codes are accepted, so a participant who reads the
code just before it changes is not turned away. Check-in opens when the session starts (no
attendance is recorded before then: `AttendanceMark.refusal`) and closes a number of minutes
later set per cohort, computed in aware datetimes, so it is right on either side of the clock
changes.
"""

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from ..models import LONDON, AttendanceMark, CohortSession, Enrolment
from .register import Method, Status, attendance_record

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
STEP_SECONDS = 300
# How far back a code is recognised as "expired" rather than "wrong": a clearer message.
EXPIRED_LOOKBACK_STEPS = 36


class CodeResult:
    VALID = "valid"
    EXPIRED = "expired"
    WRONG = "wrong"


@dataclass(frozen=True)
class CheckInWindow:
    opens_at: dt.datetime
    closes_at: dt.datetime

    def contains(self, moment):
        return self.opens_at <= moment <= self.closes_at


def checkin_window(session):
    """When participants may check in to this cohort session (aware datetimes): from its
    start, for the cohort's number of minutes."""
    cohort = session.cohort
    return CheckInWindow(
        opens_at=session.starts_at,
        closes_at=session.starts_at + dt.timedelta(minutes=cohort.checkin_closes_minutes_after),
    )


def check_in_open(session, now=None):
    """Whether participants may check in to this session now: the home page and the session
    page then offer the box for the code, and the code page shows it."""
    return checkin_window(session).contains(now or timezone.now())


def _step(moment):
    return int(moment.timestamp()) // STEP_SECONDS


def _code_for_step(session_id, step):
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"checkin:{session_id}:{step}".encode(), hashlib.sha256
    ).digest()
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def current_code(session, now=None):
    """The code to show on the facilitator's screen now."""
    return _code_for_step(session.pk, _step(now or timezone.now()))


def code_changes_at(now=None):
    """When the code on screen will next change."""
    now = now or timezone.now()
    return dt.datetime.fromtimestamp((_step(now) + 1) * STEP_SECONDS, tz=dt.UTC)


def normalise_code(code):
    """Codes are typed on phones: ignore case, spaces and dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def check_code(session, code, now=None):
    """Whether `code` is this session's current code, a recently expired one, or wrong."""
    code = normalise_code(code)
    step = _step(now or timezone.now())
    if len(code) != CODE_LENGTH:
        return CodeResult.WRONG
    for back in range(2):
        if hmac.compare_digest(code, _code_for_step(session.pk, step - back)):
            return CodeResult.VALID
    for back in range(2, EXPIRED_LOOKBACK_STEPS):
        if hmac.compare_digest(code, _code_for_step(session.pk, step - back)):
            return CodeResult.EXPIRED
    return CodeResult.WRONG


def qr_svg(url, *, title):
    """An inline SVG QR code for `url`, labelled for screen readers. It has a viewBox and no
    fixed size, so the page scales it (large on a projector)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=6, title=title, svgclass="qr-code", omitsize=True
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


# --- Checking in ------------------------------------------------------------------------------


def _when(moment):
    """A London time for messages: "09:00 on Monday 30 March 2026"."""
    local = timezone.localtime(moment, LONDON)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


class CheckInError(Exception):
    """Why a check-in was refused, in words for the participant."""

    NOT_ENROLLED = "not-enrolled"
    NOT_OPEN_YET = "not-open-yet"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    WRONG_CODE = "wrong-code"
    EXPIRED_CODE = "expired-code"

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class CheckInResult:
    mark: AttendanceMark
    # True when a facilitator (or an earlier check-in) had already recorded attendance.
    already_recorded: bool


def check_in(
    *, session: CohortSession, participant, code: str, now: dt.datetime | None = None
) -> CheckInResult:
    """A participant checks themself in to a cohort session with the code on the
    facilitator's screen, during the session's check-in window."""
    now = now or timezone.now()
    cohort = session.cohort
    enrolment = (
        Enrolment.objects.active().filter(cohort=cohort, participant_id=participant.pk).first()
    )
    if enrolment is None:
        raise CheckInError(
            CheckInError.NOT_ENROLLED,
            f"You are not enrolled on {cohort.name}, so you cannot check in to this session.",
        )
    if session.is_cancelled:
        raise CheckInError(
            CheckInError.CANCELLED, "This session is cancelled: there is nothing to check in to."
        )
    window = checkin_window(session)
    if now < window.opens_at:
        raise CheckInError(
            CheckInError.NOT_OPEN_YET,
            f"Check-in for this session opens when it starts, at {_when(window.opens_at)}.",
        )
    if now > window.closes_at:
        raise CheckInError(
            CheckInError.CLOSED,
            f"Check-in for this session closed at {_when(window.closes_at)}. Ask your "
            "facilitator to mark you on the register.",
        )
    result = check_code(session, code, now=now)
    if result == CodeResult.EXPIRED:
        raise CheckInError(
            CheckInError.EXPIRED_CODE,
            "That code has expired: the code changes every few minutes. Enter the code "
            "showing on the facilitator's screen now.",
        )
    if result != CodeResult.VALID:
        raise CheckInError(
            CheckInError.WRONG_CODE,
            "That code is not right. Check the code on the facilitator's screen and try again.",
        )
    existing = AttendanceMark.objects.filter(enrolment=enrolment, session=session).first()
    if existing is not None:
        return CheckInResult(mark=existing, already_recorded=True)
    mark = attendance_record(
        enrolment=enrolment,
        session=session,
        status=Status.PRESENT,
        method=Method.SELF_CHECK_IN,
        recorded_by=participant,
        now=now,
    )
    return CheckInResult(mark=mark, already_recorded=mark.method != Method.SELF_CHECK_IN)
