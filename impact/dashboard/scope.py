"""What the dashboard counts: the cohorts and enrolments a person may see (their
`visible_to(user)`, the one scoping rule), narrowed by the filters they chose."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from cohorts.models import Cohort, Enrolment, Organisation, Place
from modules.models import ProgrammePage

FIRST_MONTH = 4  # UK public-sector financial years run April to March
PERIOD_YEARS_BACK = 5
PERIOD_YEARS_AHEAD = 1


@dataclass(frozen=True)
class Period:
    """A financial year, named by the year it starts: 2025 is April 2025 to March 2026."""

    year: int

    @property
    def starts_on(self):
        return dt.date(self.year, FIRST_MONTH, 1)

    @property
    def ends_on(self):
        return dt.date(self.year + 1, FIRST_MONTH, 1) - dt.timedelta(days=1)

    @property
    def label(self):
        return f"April {self.year} to March {self.year + 1}"

    @classmethod
    def containing(cls, day):
        return cls(day.year if day.month >= FIRST_MONTH else day.year - 1)

    @classmethod
    def choices(cls, today):
        current = cls.containing(today).year
        years = range(current + PERIOD_YEARS_AHEAD, current - PERIOD_YEARS_BACK - 1, -1)
        return [cls(year) for year in years]


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters, all optional: one programme, place, sector, organisation, and the
    financial year cohorts started in."""

    programme: int | None = None
    place: int | None = None
    sector: str = ""
    organisation: int | None = None
    period: Period | None = None

    @property
    def by_people(self):
        """Filters that pick people (by their organisation), not whole cohorts."""
        return bool(self.sector or self.organisation)

    def cohort_q(self, prefix=""):
        """The filters on cohorts, as a condition on `prefix` + cohort fields."""
        condition = Q()
        if self.programme:
            condition &= Q(**{f"{prefix}programme_id": self.programme})
        if self.place:
            condition &= Q(**{f"{prefix}place_id": self.place})
        if self.period:
            condition &= Q(
                **{f"{prefix}starts_on__range": (self.period.starts_on, self.period.ends_on)}
            )
        return condition

    def person_q(self, prefix=""):
        """The filters on people, as a condition on `prefix` + enrolment fields."""
        condition = Q()
        if self.sector:
            condition &= Q(**{f"{prefix}organisation__sector": self.sector})
        if self.organisation:
            condition &= Q(**{f"{prefix}organisation_id": self.organisation})
        return condition

    @property
    def cache_key(self):
        period = self.period.year if self.period else ""
        return f"{self.programme}:{self.place}:{self.sector}:{self.organisation}:{period}"


def _scoped(model, user):
    visible = model.objects.visible_to(user)
    if not visible.query.where:
        # Someone who sees everything: no need to ask the database for every id.
        return model.objects.all()
    return model.objects.filter(pk__in=visible.values("pk"))


def sees_everything(user):
    """Whether `user` may see every enrolment (a programme manager): then the dashboard needs
    no scoping condition at all."""
    return not Enrolment.objects.visible_to(user).query.where


def enrolment_q(user, filters: Filters, prefix=""):
    """The enrolments `user` may see that match the filters, as a condition on `prefix` +
    enrolment fields: records that belong to an enrolment (marks, ratings, feedback) are
    filtered by joining their enrolment, not by a list of ids."""
    condition = filters.cohort_q(f"{prefix}cohort__") & filters.person_q(prefix)
    if not sees_everything(user):
        condition &= Q(**{f"{prefix}pk__in": Enrolment.objects.visible_to(user).values("pk")})
    return condition


def enrolments_in_view(user, filters: Filters):
    """The enrolments `user` may see that match the filters."""
    return Enrolment.objects.filter(enrolment_q(user, filters))


def cohorts_in_view(user, filters: Filters):
    """The cohorts `user` may see that match the filters (with a sector or organisation chosen:
    those with someone from it)."""
    cohorts = _scoped(Cohort, user).filter(filters.cohort_q())
    if filters.by_people:
        cohorts = cohorts.filter(pk__in=enrolments_in_view(user, filters).values("cohort_id"))
    return cohorts


@dataclass
class Options:
    """What the filters offer: every programme and place, and the organisations whose officers
    the person may see."""

    programmes: list
    places: list
    organisations: list


def load_options(user):
    visible = Enrolment.objects.visible_to(user)
    if visible.query.where:
        organisations = Organisation.objects.filter(pk__in=visible.values("organisation_id"))
    else:
        organisations = Organisation.objects.all()
    return Options(
        programmes=list(ProgrammePage.objects.order_by("title").values_list("pk", "title")),
        places=list(Place.objects.order_by("name").values_list("pk", "name")),
        organisations=list(organisations.order_by("name").values_list("pk", "name")),
    )
