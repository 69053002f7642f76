"""Dates from a pattern: every N weeks on a weekday, at a time, N sessions, from a date, with UK
bank holidays skipped or flagged.

Bank holidays come from `govuk-bank-holidays`' own copy of the GOV.UK list (never fetched at
run time, so it works offline and a page never waits on GOV.UK); a newer release of the package
brings newer years. A date after the last year the list knows is flagged as unknown.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.utils import timezone
from govuk_bank_holidays.bank_holidays import BankHolidays

from ..models import LONDON

DIVISIONS = [
    (BankHolidays.ENGLAND_AND_WALES, "England and Wales"),
    (BankHolidays.SCOTLAND, "Scotland"),
    (BankHolidays.NORTHERN_IRELAND, "Northern Ireland"),
]
WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
# However a pattern is set, it never looks further ahead than this for its dates.
MAX_SESSIONS = 20


@cache
def bank_holidays(division):
    """{date: name} of the bank holidays GOV.UK lists for `division` (the package's copy)."""
    holidays = BankHolidays(use_cached_holidays=True).get_holidays(division=division)
    return {h["date"]: h["title"] for h in holidays}


def known_until(division):
    """The last day of the last year the bank-holiday list covers."""
    holidays = bank_holidays(division)
    return dt.date(max(holidays).year, 12, 31) if holidays else dt.date.min


@dataclass
class PlannedSession:
    number: int
    day: dt.date
    starts_at: dt.datetime
    ends_at: dt.datetime
    bank_holiday: str = ""  # the holiday's name, when the pattern flags rather than skips
    holidays_unknown: bool = False


@dataclass
class Plan:
    sessions: list[PlannedSession] = field(default_factory=list)
    skipped: list[tuple[dt.date, str]] = field(default_factory=list)  # (date, holiday name)

    @property
    def flagged(self):
        return [s for s in self.sessions if s.bank_holiday or s.holidays_unknown]


def first_on_or_after(day, weekday):
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _aware(day, time):
    return timezone.make_aware(dt.datetime.combine(day, time), LONDON)


def plan_sessions(
    *,
    first_date: dt.date,
    weekday: int,
    every_weeks: int,
    count: int,
    starts: dt.time,
    ends: dt.time,
    skip_bank_holidays: bool,
    division: str = BankHolidays.ENGLAND_AND_WALES,
) -> Plan:
    """The sessions a pattern gives: the first on `weekday` on or after `first_date`, then one
    every `every_weeks` weeks, until there are `count`. A bank holiday is skipped (the pattern
    carries on to its next date, so there are still `count`) or kept and flagged. Times are UK
    time, so a session stays at 10:00 across the clocks changing."""
    holidays = bank_holidays(division)
    last_known = known_until(division)
    plan = Plan()
    day = first_on_or_after(first_date, weekday)
    step = dt.timedelta(weeks=every_weeks)
    # A pattern that skipped more dates than it kept would be a mistake: stop looking.
    while len(plan.sessions) < count and len(plan.skipped) <= count:
        holiday = holidays.get(day, "")
        if holiday and skip_bank_holidays:
            plan.skipped.append((day, holiday))
        else:
            plan.sessions.append(
                PlannedSession(
                    number=len(plan.sessions) + 1,
                    day=day,
                    starts_at=_aware(day, starts),
                    ends_at=_aware(day, ends),
                    bank_holiday=holiday,
                    holidays_unknown=day > last_known,
                )
            )
        day += step
    return plan
