"""The dashboard's figures about cohorts and places: cohorts by status, places held against
capacity, people by sector, and each cohort's mix against its target.

Each figure costs a fixed number of queries, whatever the number of cohorts and enrolments.
The rules come from where they live: the mix from cohorts.enrolment.mix, who may see a cohort's
mix (and so its whole capacity) from cohorts.permissions ("view-cohort-mix").
"""

from collections import defaultdict
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch

from accounts.roles import is_programme_manager
from cohorts.enrolment.mix import cohort_mixes
from cohorts.models import Cohort, Enrolment, Organisation, SeatAllocation, Sector
from cohorts.permissions import check

from ..charts import BarChart, Series
from .base import Figure, Table, percent_text, total_for

ALL = "All programmes"
STATUS_LABELS = dict(Cohort.Status.choices)
SECTOR_LABELS = dict(Sector.choices)
OFF_TARGET_SHOWN = 20
User = get_user_model()


class CohortFigures:
    """Figures about cohorts and enrolments (mixed into impact.dashboard.Dashboard)."""

    # --- What several figures share (each loaded once) ----------------------------------------

    @cached_property
    def cohort_counts(self):
        """(programme id, cohort status) -> number of cohorts."""
        rows = self.cohorts.values("programme_id", "status").annotate(n=Count("pk"))
        return {(r["programme_id"], r["status"]): r["n"] for r in rows.order_by()}

    @cached_property
    def programmes(self):
        """[(id, title)] of the programmes with a cohort in view, in title order."""
        present = {programme_id for programme_id, _status in self.cohort_counts}
        return [(pk, title) for pk, title in self.options.programmes if pk in present]

    @cached_property
    def enrolment_counts(self):
        """[(programme id, cohort status, enrolment status, sector, n)] for everyone in view."""
        rows = self.enrolments.values(
            "cohort__programme_id", "cohort__status", "status", "organisation__sector"
        ).annotate(n=Count("pk"))
        return [
            (
                r["cohort__programme_id"],
                r["cohort__status"],
                r["status"],
                r["organisation__sector"],
                r["n"],
            )
            for r in rows.order_by()
        ]

    def count_people(self, *, statuses=None, cohort_status=None, sector=None):
        """{programme id: n} of the enrolments in view matching the conditions."""
        totals = defaultdict(int)
        for programme_id, c_status, status, row_sector, n in self.enrolment_counts:
            if statuses is not None and status not in statuses:
                continue
            if cohort_status is not None and c_status != cohort_status:
                continue
            if sector is not None and row_sector != sector:
                continue
            totals[programme_id] += n
        return totals

    @cached_property
    def cohort_list(self):
        """The cohorts in view, with their facilitators (so asking who may see each one's mix
        costs nothing more)."""
        return list(
            self.cohorts.only(
                "pk",
                "name",
                "programme_id",
                "capacity",
                "status",
                "starts_on",
                "target_min_sectors",
                "target_max_share_percent",
            )
            .prefetch_related(Prefetch("facilitators", queryset=User.objects.only("pk")))
            .order_by("-starts_on", "name")
        )

    @cached_property
    def whole_cohorts(self):
        """The cohorts this person sees whole (managers, their facilitators): the rest they see
        only their own organisation's slice of."""
        return [c for c in self.cohort_list if check(self.user, "view-cohort-mix", c)]

    def programme_rows(self):
        """[(programme id, title)] for each programme in view, then (None, "All programmes")
        when there are several."""
        rows = list(self.programmes)
        if len(rows) > 1:
            rows.append((None, ALL))
        return rows

    # --- Cohorts by status ------------------------------------------------------------------

    def figure_cohorts(self):
        statuses = list(Cohort.Status.values)

        def count(programme_id, status):
            return sum(
                n
                for (pid, s), n in self.cohort_counts.items()
                if s == status and programme_id in (None, pid)
            )

        chart = BarChart(
            id="chart-cohorts",
            title="Cohorts by status",
            description="Number of cohorts in each status.",
            series=[Series("Cohorts")],
        )
        for status in statuses:
            n = count(None, status)
            chart.add(STATUS_LABELS[status], [(n, str(n))])
        rows = [
            [title, *[count(pid, s) for s in statuses], sum(count(pid, s) for s in statuses)]
            for pid, title in self.programme_rows()
        ]
        total = sum(self.cohort_counts.values())
        return Figure(
            key="cohorts",
            title="Cohorts by status",
            summary=f"{total} cohort{'s' if total != 1 else ''} in view.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Cohorts by status and programme",
                    ["Programme", *[STATUS_LABELS[s] for s in statuses], "All"],
                    rows,
                )
            ],
        )

    # --- Places held against capacity -------------------------------------------------------

    def seats_available(self):
        """{programme id: seats}: a whole cohort's capacity; for a cohort this person sees only
        their organisation's slice of, the seats allocated to their organisations."""
        seats = defaultdict(int)
        whole = {c.pk for c in self.whole_cohorts}
        for cohort in self.cohort_list:
            if cohort.pk in whole:
                seats[cohort.programme_id] += cohort.capacity
        if not is_programme_manager(self.user):
            programme_of = {c.pk: c.programme_id for c in self.cohort_list if c.pk not in whole}
            allocations = SeatAllocation.objects.filter(
                cohort__in=self.cohorts,
                organisation__in=Organisation.objects.visible_to(self.user).values("pk"),
            ).values_list("cohort_id", "seats")
            for cohort_id, n in allocations:
                if cohort_id in programme_of:
                    seats[programme_of[cohort_id]] += n
        return seats

    def figure_places(self):
        held = self.count_people(statuses=Enrolment.SEAT_HOLDING)
        seats = self.seats_available()

        chart = BarChart(
            id="chart-places",
            title="Places held against capacity",
            description="For each programme, the places held and the places there are.",
            series=[Series("Places held", "solid"), Series("Places available", "outline")],
        )
        rows = []
        for pid, title in self.programme_rows():
            h, s = total_for(held, pid), total_for(seats, pid)
            chart.add(title, [(h, f"{h} held ({percent_text(h, s)})"), (s, f"{s} available")])
            rows.append([title, h, s, percent_text(h, s)])
        notes = [
            "A place is held by someone invited, confirmed, completed or not completed.",
        ]
        if not is_programme_manager(self.user):
            notes.append(
                "On a cohort you do not facilitate, the places available are those allocated "
                "to your organisation."
            )
        if self.filters.by_people:
            notes.append(
                "With a sector or organisation chosen, places held counts its people only."
            )
        return Figure(
            key="places",
            title="Places held against capacity",
            summary=f"{total_for(held, None)} of {total_for(seats, None)} places held.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Places held by programme",
                    ["Programme", "Places held", "Places available", "Filled"],
                    rows,
                )
            ],
            notes=notes,
        )

    # --- Enrolments by sector, and each cohort's mix against its target -----------------------

    def figure_sectors(self):
        holding = Enrolment.SEAT_HOLDING
        by_sector = {
            sector: self.count_people(statuses=holding, sector=sector) for sector in Sector.values
        }
        everyone = sum(sum(v.values()) for v in by_sector.values())
        chart = BarChart(
            id="chart-sectors",
            title="People holding places, by sector",
            description="Number of people holding a place from each sector, and their share.",
            series=[Series("People")],
        )
        rows = []
        for sector in Sector.values:
            n = sum(by_sector[sector].values())
            chart.add(SECTOR_LABELS[sector], [(n, f"{n} ({percent_text(n, everyone)})")])
            rows.append(
                [
                    SECTOR_LABELS[sector],
                    *[by_sector[sector].get(pid, 0) for pid, _t in self.programmes],
                    n,
                    percent_text(n, everyone),
                ]
            )
        return Figure(
            key="sectors",
            title="People holding places, by sector",
            summary=f"{everyone} people from {_sectors(rows)}.",
            chart=chart.layout(),
            tables=[
                Table(
                    "People holding places by sector and programme",
                    ["Sector", *[t for _p, t in self.programmes], "All", "Share"],
                    rows,
                )
            ],
        )

    def figure_mix(self):
        whole = self.whole_cohorts
        mixes = cohort_mixes(whole)
        titles = dict(self.options.programmes)
        meets, off, empty = defaultdict(int), defaultdict(int), defaultdict(int)
        off_rows = []
        for cohort in whole:
            mix = mixes[cohort.pk]
            tally = empty if not mix.total else off if mix.is_off else meets
            tally[cohort.programme_id] += 1
            if mix.total and mix.is_off:
                largest = mix.sectors[0] if mix.sectors else None
                off_rows.append(
                    [
                        cohort.name,
                        titles.get(cohort.programme_id, ""),
                        STATUS_LABELS[cohort.status],
                        mix.total,
                        f"{mix.sector_count} (target at least {cohort.target_min_sectors})",
                        f"{largest.label} {largest.share}% (target at most "
                        f"{cohort.target_max_share_percent}%)"
                        if largest
                        else "–",
                        " ".join(mix.warnings),
                    ]
                )

        chart = BarChart(
            id="chart-mix",
            title="Cohorts against their target sector mix",
            description="Number of cohorts whose people meet their target mix of sectors, "
            "number off target, and number with no one holding a place yet.",
            series=[Series("Cohorts")],
        )
        for label, values in (
            ("Meet the target mix", meets),
            ("Off target", off),
            ("No one holds a place yet", empty),
        ):
            chart.add(label, [(total_for(values, None), str(total_for(values, None)))])
        rows = [
            [title, total_for(meets, pid), total_for(off, pid), total_for(empty, pid)]
            for pid, title in self.programme_rows()
        ]
        figure = Figure(
            key="mix",
            title="Cohorts against their target sector mix",
            summary=f"{total_for(meets, None)} of {len(whole)} cohorts meet their target mix.",
            chart=chart.layout(),
            tables=[
                Table(
                    "Cohorts against their target mix, by programme",
                    ["Programme", "Meet the target", "Off target", "No one yet"],
                    rows,
                ),
                Table(
                    "Cohorts off their target mix",
                    [
                        "Cohort",
                        "Programme",
                        "Status",
                        "People",
                        "Sectors",
                        "Largest sector",
                        "Why",
                    ],
                    off_rows,
                    shown_limit=OFF_TARGET_SHOWN,
                ),
            ],
            notes=[
                "Each cohort's mix counts everyone holding a place on it, whatever sector or "
                "organisation is chosen above."
            ],
        )
        if not whole:
            figure.message = (
                "A cohort's mix is shown to programme managers and the cohort's facilitators."
            )
            figure.chart = None
        return figure


def _sectors(rows):
    n = sum(1 for row in rows if row[-2])
    return f"{n} sector{'' if n == 1 else 's'}"
