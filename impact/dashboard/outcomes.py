"""The dashboard's figures about outcomes: paired change in the six capabilities (per
programme, sector and cohort, each with its number of pairs) and feedback on cohort sessions.

A group about fewer than five people shows no results (impact.rules.is_reportable): the one
suppression rule, here and in every export.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Sum

from cohorts.models import Sector

from .. import capabilities as caps
from ..charts import BarChart, Series
from ..models import SelfAssessment, SessionFeedback
from ..rules import MINIMUM_GROUP, is_reportable
from .base import HIDDEN, Figure, Table, mean, percent_text, signed

Stage = SelfAssessment.Stage
PEOPLE = Count("enrolment__participant", distinct=True)
COHORTS_SHOWN = 25
MODULES_SHOWN = 20
SUPPRESSED_NOTE = (
    f"A group of fewer than {MINIMUM_GROUP} people shows no results, so nobody can be "
    "recognised from them."
)


@dataclass
class PairedChange:
    """The pairs (before and after) of one group: their means on each capability."""

    label: str
    pairs: int = 0
    people: int = 0
    before_sums: tuple = (0,) * 6
    after_sums: tuple = (0,) * 6

    @property
    def reportable(self):
        return is_reportable(self.people)

    @property
    def before(self):
        return [mean(total, self.pairs) for total in self.before_sums]

    @property
    def after(self):
        return [mean(total, self.pairs) for total in self.after_sums]

    @property
    def changes(self):
        return [
            None if not self.pairs else round((a - b) / self.pairs, 1)
            for b, a in zip(self.before_sums, self.after_sums, strict=True)
        ]

    @property
    def average_change(self):
        if not self.pairs:
            return None
        return round((sum(self.after_sums) - sum(self.before_sums)) / (6 * self.pairs), 1)

    def row(self):
        if not self.reportable:
            return [self.label, HIDDEN, *[""] * 7]
        return [self.label, self.pairs, *self.changes, self.average_change]


CHANGE_HEADERS = ["Pairs", *caps.SHORT_NAMES, "All six"]


class OutcomeFigures:
    """Capability and feedback figures (mixed into impact.dashboard.Dashboard)."""

    # --- Capabilities -----------------------------------------------------------------------

    @cached_property
    def assessments(self):
        return SelfAssessment.objects.filter(self.enrolment_q("enrolment__"))

    def paired_changes(self, *keys):
        """[PairedChange] per group of `keys` (fields of the self-assessment), in one query."""
        sums = {field: Sum(field) for field in caps.FIELD_NAMES}
        rows = (
            self.assessments.paired()
            .values(*keys, "stage")
            .annotate(n=Count("pk"), people=PEOPLE, **sums)
            .order_by()
        )
        groups = {}
        for row in rows:
            group = tuple(row[k] for k in keys)
            change = groups.setdefault(group, PairedChange(label=""))
            totals = tuple(row[field] or 0 for field in caps.FIELD_NAMES)
            if row["stage"] == Stage.BEFORE:
                change.before_sums = totals
            else:
                change.after_sums = totals
            # Pairs have both stages: the two rows count the same enrolments and people.
            change.pairs, change.people = row["n"], row["people"]
        return groups

    def figure_capabilities(self):
        everyone = self.paired_changes().get((), PairedChange(label="Everyone in view"))
        everyone.label = "Everyone in view"
        titles = dict(self.options.programmes)
        by_programme = []
        for (pid,), change in self.paired_changes("enrolment__cohort__programme_id").items():
            change.label = titles.get(pid, "")
            by_programme.append(change)
        sectors = dict(Sector.choices)
        by_sector = []
        for (sector,), change in self.paired_changes("enrolment__organisation__sector").items():
            change.label = sectors.get(sector, sector)
            by_sector.append(change)
        by_cohort = []
        cohort_keys = (
            "enrolment__cohort_id",
            "enrolment__cohort__name",
            "enrolment__cohort__programme_id",
        )
        for (_pk, name, pid), change in self.paired_changes(*cohort_keys).items():
            change.label = f"{name} ({titles.get(pid, '')})"
            by_cohort.append(change)
        stages = dict(self.assessments.values_list("stage").annotate(n=Count("pk")).order_by())

        figure = Figure(
            key="capabilities",
            title="Change in the six capabilities",
            summary=f"{stages.get(Stage.BEFORE, 0)} self-assessments before and "
            f"{stages.get(Stage.AFTER, 0)} after: {everyone.pairs} pairs (the same person, "
            "before and after).",
            notes=[
                "Each person rates themselves from 1 (not yet) to 5 (leading) when they confirm "
                "their place and again when they complete. Change is the average of after "
                "minus before, over the people who did both.",
                SUPPRESSED_NOTE,
            ],
        )
        table_rows = []
        if everyone.reportable:
            chart = BarChart(
                id="chart-capabilities",
                title="Average self-rating before and after, on a scale of 1 to 5",
                description=f"For each of the six capabilities, the average rating of the "
                f"{everyone.pairs} people who rated themselves both before and after.",
                series=[Series("Before", "hatched"), Series("After", "solid")],
                max_value=5,
            )
            for n, name in enumerate(caps.SHORT_NAMES):
                before, after, change = everyone.before[n], everyone.after[n], everyone.changes[n]
                chart.add(
                    name,
                    [(before, f"Before {before}"), (after, f"After {after} ({signed(change)})")],
                )
                table_rows.append([name, before, after, change])
            figure.chart = chart.layout()
        else:
            figure.message = (
                f"Fewer than {MINIMUM_GROUP} people in view have rated themselves both before "
                "and after, so no results are shown yet."
            )
            table_rows = [[name, HIDDEN, "", ""] for name in caps.SHORT_NAMES]
        figure.tables = [
            Table(
                f"Average self-rating, {everyone.pairs} pairs",
                ["Capability", "Before", "After", "Change"],
                table_rows,
            ),
            Table(
                "Average change by programme (after minus before, on the scale of 1 to 5)",
                ["Programme", *CHANGE_HEADERS],
                [c.row() for c in sorted(by_programme, key=lambda c: c.label)],
            ),
            Table(
                "Average change by sector (after minus before)",
                ["Sector", *CHANGE_HEADERS],
                [c.row() for c in sorted(by_sector, key=lambda c: c.label)],
            ),
            Table(
                "Average change by cohort (after minus before)",
                ["Cohort", *CHANGE_HEADERS],
                [c.row() for c in sorted(by_cohort, key=lambda c: (-c.pairs, c.label))],
                shown_limit=COHORTS_SHOWN,
            ),
        ]
        return figure

    # --- Session feedback -------------------------------------------------------------------

    def figure_feedback(self):
        feedback = SessionFeedback.objects.filter(self.enrolment_q("enrolment__"))
        programme = "enrolment__cohort__programme_id"
        everyone = feedback.aggregate(n=Count("pk"), people=PEOPLE, total=Sum("usefulness"))
        per_score = {
            (r[programme], r["usefulness"]): r["n"]
            for r in feedback.values(programme, "usefulness").annotate(n=Count("pk")).order_by()
        }
        per_programme = {
            r[programme]: r
            for r in feedback.values(programme)
            .annotate(n=Count("pk"), people=PEOPLE, total=Sum("usefulness"))
            .order_by()
        }
        per_module = (
            feedback.values("session__modules", "session__modules__title")
            .annotate(n=Count("pk"), people=PEOPLE, total=Sum("usefulness"))
            .order_by("-n", "session__modules__title")
        )
        scale = list(SessionFeedback.USEFULNESS_LABELS.items())

        def score_count(pid, value):
            return sum(n for (p, v), n in per_score.items() if v == value and pid in (None, p))

        rows = []
        for pid, title in self.programme_rows():
            row = everyone if pid is None else per_programme.get(pid)
            if not row or not row["people"]:
                rows.append([title, 0, 0, None, *[0] * 5])
                continue
            if not is_reportable(row["people"]):
                rows.append([title, HIDDEN, "", "", *[""] * 5])
                continue
            rows.append(
                [
                    title,
                    row["n"],
                    row["people"],
                    mean(row["total"], row["n"]),
                    *[score_count(pid, v) for v, _label in scale],
                ]
            )
        module_rows = [
            [r["session__modules__title"] or "Sessions with no module", HIDDEN, ""]
            if not is_reportable(r["people"])
            else [
                r["session__modules__title"] or "Sessions with no module",
                r["n"],
                mean(r["total"], r["n"]),
            ]
            for r in per_module
        ]
        figure = Figure(
            key="feedback",
            title="Feedback on cohort sessions",
            summary=f"{everyone['n']} answers from {everyone['people']} people.",
            tables=[
                Table(
                    "How useful people found their sessions, by programme",
                    ["Programme", "Answers", "People", "Average (1 to 5)"]
                    + [f"{v}: {label}" for v, label in scale],
                    rows,
                ),
                Table(
                    "How useful people found the sessions of each module",
                    ["Module", "Answers", "Average (1 to 5)"],
                    module_rows,
                    shown_limit=MODULES_SHOWN,
                ),
            ],
            notes=[
                "Participants answer after each cohort session: how useful it was (1 to 5), "
                "what they will do differently, and anything to improve. Facilitators read the "
                "answers for their own cohorts, without names.",
                SUPPRESSED_NOTE,
            ],
        )
        if is_reportable(everyone["people"]):
            chart = BarChart(
                id="chart-feedback",
                title="How useful people found their sessions",
                description=f"Number of answers at each point of the scale, from "
                f"{everyone['n']} answers.",
                series=[Series("Answers")],
            )
            for value, label in scale:
                n = score_count(None, value)
                chart.add(f"{value}: {label}", [(n, f"{n} ({percent_text(n, everyone['n'])})")])
            figure.chart = chart.layout()
        else:
            figure.message = (
                f"Fewer than {MINIMUM_GROUP} people in view have given feedback, so no results "
                "are shown yet."
            )
        return figure
