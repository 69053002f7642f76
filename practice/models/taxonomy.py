"""The words the good practice database sorts by: themes (a managed list, edited by programme
managers), and the fixed choices of region, stage and outcome type."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(index.Indexed, models.Model):
    """One subject in the managed list shared by case studies, resources and lines of enquiry
    (and, later, champions): customer access and top tasks, data sharing, procurement..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, blank=True, help_text="Used in bookmarked search addresses."
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Themes are listed in this order, then by name."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)


class Region(models.TextChoices):
    """Where a case study happened, for people who search by area rather than by place."""

    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire-and-the-humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"
    NATIONAL = "national", "National (across several regions)"


class Stage(models.TextChoices):
    """How far a piece of work has got."""

    IDEA = "idea", "Idea"
    PILOT = "pilot", "Pilot"
    LIVE = "live", "Live"
    SCALED = "scaled", "Scaled"


class OutcomeKind(models.TextChoices):
    """The outcomes case studies report in the same terms, so that they can be compared."""

    MONEY_SAVED = "money-saved", "Money saved per year"
    STAFF_TIME_SAVED = "staff-time-saved", "Staff time saved"
    RESIDENTS_REACHED = "residents-reached", "Residents reached"
    SATISFACTION_CHANGE = "satisfaction-change", "Satisfaction change"


# How each kind of outcome is measured: (unit before the number, unit after it).
OUTCOME_UNITS = {
    OutcomeKind.MONEY_SAVED: ("£", " a year"),
    OutcomeKind.STAFF_TIME_SAVED: ("", " staff hours a year"),
    OutcomeKind.RESIDENTS_REACHED: ("", " residents"),
    OutcomeKind.SATISFACTION_CHANGE: ("", " percentage points"),
}
# Only a change in satisfaction can be negative.
SIGNED_OUTCOMES = {OutcomeKind.SATISFACTION_CHANGE}
