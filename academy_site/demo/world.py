"""The demo's world: what each step has built so far (people, organisations, programmes,
cohorts, enrolments), the demo's "now", and the small helpers every step shares. Other apps'
demo loaders receive it too, to build on the same people and cohorts."""

import datetime as dt
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from random import Random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from cohorts.models import LONDON

PASSWORD = "academy-demo"
EMAIL_DOMAIN = "academy.example"
SITE_URL = "http://127.0.0.1:8000"
# Stream block ids are derived from this, so a module's reflection prompts keep their ids
# from one load to the next.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d7c52-2b0e-4a47-9d1a-3c8e5b7a9e10")
# Transliterations NFKD cannot do, for the ASCII part of demo email addresses.
_ASCII_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"})


def ascii_name(text):
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return re.sub(r"[^a-z]", "", text.encode("ascii", "ignore").decode().lower())


def demo_email(first, last):
    return f"{ascii_name(first)}.{ascii_name(last)}@{EMAIL_DOMAIN}"


def london(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def next_weekday(day, weekday):
    """The first `weekday` (0 is Monday) on or after `day`."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def block_id(slug, part):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{slug}/{part}"))


@dataclass
class DemoWorld:
    """Everything the demo has made, by the keys of `content`. Deterministic apart from today's
    date: dates are set relative to `now`, so the running cohort always has sessions behind it
    and ahead of it."""

    now: dt.datetime
    random: Random = field(default_factory=lambda: Random(2015))  # the year of the paper
    people: dict = field(default_factory=dict)  # by login, or by email for everyone else
    other_facilitators: list = field(default_factory=list)  # of the cohorts not in Kent
    organisations: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)  # by slug
    modules: dict = field(default_factory=dict)  # programme slug -> modules in order
    cohorts: dict = field(default_factory=dict)  # "running", "closed", "open", "members"
    enrolments: dict = field(default_factory=dict)  # cohort key -> enrolments in order
    # What the story has in store for someone: enrolment id -> the closed cohort's outcome.
    completes: dict = field(default_factory=dict)
    # Lines other apps' demo loaders add to the printed summary.
    summary: list = field(default_factory=list)
    # Hashed once: hashing is slow on purpose, and every demo person shares the password.
    password: str = field(default_factory=lambda: make_password(PASSWORD))

    @property
    def today(self):
        return timezone.localdate(self.now, LONDON)

    @property
    def facilitator(self):
        return self.people["facilitator"]

    def nominator_of(self, organisation_key):
        return self.organisations[organisation_key].nominators.first()

    def held(self, cohort):
        """The cohort's sessions that have started by the demo's now, in order."""
        return [s for s in cohort.sessions.order_by("starts_at") if s.starts_at <= self.now]
