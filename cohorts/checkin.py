"""Self check-in codes: short, rotating, and useless a few minutes after a photo is taken.

The code for a cohort session is derived, not stored: HMAC(SECRET_KEY, session id + time step)
with a five-minute step, written as six characters from an alphabet without look-alikes (no 0/O,
1/I/L). The current and the previous step's codes are accepted, so a participant who reads the
code just before it changes is not turned away. The window in which check-in is open is set per
cohort and computed in aware datetimes, so it is right on either side of the clock changes.
"""

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

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
    """When participants may check in to this cohort session (aware datetimes)."""
    cohort = session.cohort
    return CheckInWindow(
        opens_at=session.starts_at - dt.timedelta(minutes=cohort.checkin_opens_minutes_before),
        closes_at=session.starts_at + dt.timedelta(minutes=cohort.checkin_closes_minutes_after),
    )


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
