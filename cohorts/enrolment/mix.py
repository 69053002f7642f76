"""A cohort's mix of sectors and organisations, against its target (at least N sectors, no
more than P% from one sector). Counts the people holding seats (invited, confirmed, and
completed or not), because that is who will be in the room."""

from dataclasses import dataclass, field

from django.db.models import Count

from ..models import Enrolment, Sector


@dataclass
class MixLine:
    label: str
    count: int
    share: int  # whole per cent of the cohort
    over: bool = False
    sector: str = ""

    @property
    def bar_length(self):
        """Length in the chart, where 300 units is the whole cohort."""
        return self.share * 3


@dataclass
class CohortMix:
    total: int
    sectors: list
    organisations: list
    target_min_sectors: int
    target_max_share_percent: int
    warnings: list = field(default_factory=list)

    @property
    def sector_count(self):
        return len(self.sectors)

    @property
    def chart_height(self):
        return 28 * len(self.sectors) + 36

    @property
    def is_off(self):
        return bool(self.warnings)


def _share(count, total):
    return round(100 * count / total) if total else 0


def _seat_rows(enrolments, *by):
    return (
        enrolments.holding_seats()
        .values(*by, "organisation__name", "organisation__sector")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation__name")
    )


def cohort_mix(cohort):
    """The cohort's mix against its target. One query."""
    return mix_from_rows(cohort, list(_seat_rows(Enrolment.objects.filter(cohort=cohort))))


def cohort_mixes(cohorts):
    """{cohort id: its mix} for several cohorts (a dashboard's page of them), in one query."""
    rows = {cohort.pk: [] for cohort in cohorts}
    for row in _seat_rows(Enrolment.objects.filter(cohort__in=list(rows)), "cohort_id"):
        rows[row["cohort_id"]].append(row)
    return {cohort.pk: mix_from_rows(cohort, rows[cohort.pk]) for cohort in cohorts}


def mix_from_rows(cohort, rows):
    """The mix from the seat-holding people counted by organisation (name, sector, n),
    largest first."""
    total = sum(row["n"] for row in rows)
    labels = dict(Sector.choices)
    by_sector = {}
    for row in rows:
        sector = row["organisation__sector"]
        by_sector[sector] = by_sector.get(sector, 0) + row["n"]
    limit = cohort.target_max_share_percent
    sectors = [
        MixLine(
            label=labels.get(sector, sector),
            count=count,
            share=_share(count, total),
            # Compare exact counts, not the rounded share: 40.4% is over a 40% target.
            over=count * 100 > limit * total,
            sector=sector,
        )
        for sector, count in sorted(by_sector.items(), key=lambda item: (-item[1], item[0]))
    ]
    organisations = [
        MixLine(
            label=row["organisation__name"],
            count=row["n"],
            share=_share(row["n"], total),
            sector=labels.get(row["organisation__sector"], row["organisation__sector"]),
        )
        for row in rows
    ]
    mix = CohortMix(
        total=total,
        sectors=sectors,
        organisations=organisations,
        target_min_sectors=cohort.target_min_sectors,
        target_max_share_percent=limit,
    )
    if total == 0:
        return mix
    if len(sectors) < cohort.target_min_sectors:
        mix.warnings.append(
            f"Only {len(sectors)} sector{'' if len(sectors) == 1 else 's'} "
            f"{'is' if len(sectors) == 1 else 'are'} represented; the target is at least "
            f"{cohort.target_min_sectors}."
        )
    for line in sectors:
        if line.over:
            mix.warnings.append(
                f"{line.label} makes up {line.share}% of the cohort; the target is no more "
                f"than {limit}% from one sector."
            )
    return mix
