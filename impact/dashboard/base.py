"""A dashboard figure: its chart, the data table shown beside it (the chart's own numbers), and
any further tables; each exports as a spreadsheet with one sheet per table."""

from dataclasses import dataclass, field

from ..exports import Sheet

HIDDEN = "Fewer than 5"  # what a suppressed group shows instead of its results


@dataclass
class Table:
    caption: str
    headers: list
    rows: list
    note: str = ""
    shown_limit: int | None = None  # the page shows this many rows; the export has them all

    @property
    def shown_rows(self):
        return self.rows if self.shown_limit is None else self.rows[: self.shown_limit]

    @property
    def more(self):
        return max(0, len(self.rows) - len(self.shown_rows))

    def sheet(self):
        return Sheet(title=self.caption, headers=self.headers, rows=self.rows)


@dataclass
class Figure:
    key: str
    title: str
    summary: str
    chart: object = None  # a charts.BarChart, laid out
    tables: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    message: str = ""  # shown instead of the chart when there is nothing to draw
    worked_out_at: object = None

    @property
    def table(self):
        return self.tables[0] if self.tables else None

    @property
    def other_tables(self):
        return self.tables[1:]

    def sheets(self):
        return [table.sheet() for table in self.tables]


def percent(part, whole):
    return round(100 * part / whole) if whole else None


def percent_text(part, whole):
    value = percent(part, whole)
    return "–" if value is None else f"{value}%"


def mean(total, count, places=1):
    return round(total / count, places) if count else None


def signed(value):
    """+0.8, -0.3, 0.0: a change, with its sign."""
    if value is None:
        return "–"
    return f"{value:+.1f}" if value else "0.0"


def total_for(values, programme_id):
    """values[programme id], or (for None, the "all programmes" row) the sum of them all."""
    return values.get(programme_id, 0) if programme_id else sum(values.values())
