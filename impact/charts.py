"""Horizontal bar charts drawn on the server as SVG (templates/impact/includes/bar_chart.html):
no chart script. Each chart reads without colour: every bar carries its value as text beside it,
and where a chart compares series (before and after, held and capacity) each series has its own
pattern (solid, hatched, outlined), named in a legend drawn in the chart itself.

This module only works out the geometry; what the bars mean comes from impact.dashboard.
"""

from dataclasses import dataclass, field

WIDTH = 480  # drawn at about its own size in half the page's width on a desktop
LABEL_WIDTH = 170  # room for the group's name, left of the bars
VALUE_ROOM = 125  # room for a bar's text, right of the longest bar
LEGEND_ITEM = 160
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
LINE_CHARS = 24  # characters of a group's label per line, at 13px in LABEL_WIDTH
LINE_HEIGHT = 15
LEGEND_HEIGHT = 28
PATTERNS = ("solid", "hatched", "outline")


@dataclass
class Series:
    name: str
    pattern: str = "solid"


@dataclass
class Bar:
    series: Series
    value: float
    text: str
    # Filled in by BarChart.layout().
    x: int = 0
    y: int = 0
    width: int = 0
    text_x: int = 0
    text_y: int = 0


@dataclass
class Group:
    label: str
    bars: list
    y: int = 0
    label_y: int = 0

    @property
    def lines(self):
        """The label in at most two lines that fit left of the bars (the full label is in the
        chart's description and its table)."""
        lines, line = [], ""
        for word in self.label.split():
            if line and len(line) + 1 + len(word) > LINE_CHARS:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        if len(lines[-1]) > LINE_CHARS:
            lines[-1] = lines[-1][: LINE_CHARS - 1] + "…"
        return lines


@dataclass
class BarChart:
    """A horizontal bar chart: groups down the side, one bar per series in each group."""

    id: str
    title: str
    description: str
    series: list
    groups: list = field(default_factory=list)
    max_value: float | None = None  # the scale's end; the largest value when not given
    height: int = 0
    bar_area: int = WIDTH - LABEL_WIDTH - VALUE_ROOM
    legend: list = field(default_factory=list)

    def add(self, label, values):
        """A group: `values` is one (value, text) per series, in the order of `series`."""
        bars = [
            Bar(series=s, value=v or 0, text=t)
            for s, (v, t) in zip(self.series, values, strict=True)
        ]
        self.groups.append(Group(label=label, bars=bars))
        return self

    @property
    def is_empty(self):
        return not self.groups

    @property
    def width(self):
        return WIDTH

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def patterns(self):
        return sorted({s.pattern for s in self.series})

    def layout(self):
        """Work out where everything goes (call once, after the last add())."""
        top = LEGEND_HEIGHT if len(self.series) > 1 else 6
        scale_end = self.max_value or max(
            (bar.value for group in self.groups for bar in group.bars), default=0
        )
        y = top
        for group in self.groups:
            bars_height = len(group.bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
            label_height = len(group.lines) * LINE_HEIGHT
            block = max(bars_height, label_height)
            group.y = y
            # The label's lines, centred on the group's bars.
            group.label_y = y + (block - label_height) // 2 + LINE_HEIGHT - 3
            bar_y = y + (block - bars_height) // 2
            for bar in group.bars:
                length = 0 if not scale_end else round(self.bar_area * bar.value / scale_end)
                # A bar of nought still shows its value: as text, right at the axis.
                bar.x, bar.y, bar.width = LABEL_WIDTH, bar_y, max(length, 0)
                bar.text_x, bar.text_y = LABEL_WIDTH + bar.width + 6, bar_y + BAR_HEIGHT - 5
                bar_y += BAR_HEIGHT + BAR_GAP
            y += block + GROUP_GAP
        self.height = y + 6
        self.legend = [
            {"series": s, "x": i * LEGEND_ITEM, "text_x": i * LEGEND_ITEM + 22}
            for i, s in enumerate(self.series)
        ]
        return self
