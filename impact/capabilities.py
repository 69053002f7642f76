"""The six capabilities of digital leadership (the paper the academies come from, section 4) and
the five-point scale participants rate themselves on: the default wording, for officers.

Each programme may word them for its own audience (a `CapabilityWording` snippet: the Member
Leadership Academy words them for councillors); the six stay the same six, numbered 1 to 6, so
ratings compare across programmes.
"""

from typing import NamedTuple

# What the paper says a programme must help leaders to do, one line each (shown to programme
# managers as the help text of each capability, so a re-wording keeps the meaning).
PAPER = (
    "Develop a realistic understanding of what digital can do for their customers, workforce "
    "and organisation.",
    "Better understand the marketplace for services and technologies, to ensure better value "
    "for money in procurement.",
    "See how digital approaches can be applied to local public services, and what user insight "
    "is required before you start.",
    "Appreciate where investments in digital have already been implemented successfully and "
    "delivered tangible benefits to residents, businesses and the organisation.",
    "Recognise what resources, including appropriate skills, are required to implement digital "
    "tools and approaches in a public sector context.",
    "Identify potential opportunities to apply digital solutions to services in ways that make "
    "a real difference to their customers, workforce and the wider public sector.",
)

# Short names for charts and tables, where a whole statement does not fit.
SHORT_NAMES = (
    "What digital can do",
    "The market and value for money",
    "Applying digital, user insight first",
    "Where digital has delivered",
    "Resources and skills needed",
    "Opportunities to make a difference",
)

NUMBERS = tuple(range(1, len(PAPER) + 1))

# The default statements participants rate themselves against (officers of partner agencies).
DEFAULT_STATEMENTS = (
    "I have a realistic understanding of what digital can do for our customers, our workforce "
    "and our organisation.",
    "I understand the market for digital services and technologies well enough to get better "
    "value for money when we buy them.",
    "I can see how digital approaches apply to our local public services, and what we need to "
    "learn from the people who use them before we start.",
    "I know where investment in digital has already worked and delivered real benefits to "
    "residents, businesses and organisations.",
    "I recognise the resources, including the skills, needed to put digital tools and approaches "
    "into practice in the public sector.",
    "I can identify opportunities where digital would make a real difference to our customers, "
    "our workforce and the wider public sector.",
)

SCALE_VALUES = (1, 2, 3, 4, 5)


class ScalePoint(NamedTuple):
    value: int
    label: str
    description: str

    @property
    def text(self):
        return f"{self.value}: {self.label}"


DEFAULT_SCALE = (
    ScalePoint(1, "Not yet", "I have not really thought about this yet."),
    ScalePoint(2, "Starting", "I know it matters, but I could not yet explain it or act on it."),
    ScalePoint(
        3, "Developing", "I can take part in a discussion about it and follow the main points."
    ),
    ScalePoint(
        4, "Confident", "I can lead a discussion about it and act on it in my own organisation."
    ),
    ScalePoint(
        5,
        "Leading",
        "I could help other leaders with it and lead change with partners across the place.",
    ),
)

DEFAULT_INTRODUCTION = (
    "Rate yourself on each of the six things the programme helps leaders to do. There are no "
    "right answers: you rate yourself now, and again at the end, so you and the programme can "
    "see what has changed. Your facilitators and nominator never see your own ratings, only "
    "totals for groups of five people or more."
)


class Capability(NamedTuple):
    number: int
    short_name: str
    statement: str
    paper: str

    @property
    def field_name(self):
        return capability_field(self.number)

    @property
    def caption(self):
        return f"{self.number} of {len(PAPER)}: {self.short_name}"


def capability_field(number):
    """The name of the field that holds capability `number` (1 to 6), on the wording and on a
    self-assessment alike."""
    return f"capability_{number}"


FIELD_NAMES = tuple(capability_field(n) for n in NUMBERS)
