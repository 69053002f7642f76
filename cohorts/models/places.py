"""Where cohorts happen and who sends people to them: places, partner organisations and the
sectors they belong to."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..querysets import OrganisationQuerySet


class Sector(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    FIRE_AND_RESCUE = "fire-and-rescue", "Fire and rescue"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    CENTRAL_GOVERNMENT = "central-government", "Central government"
    VOLUNTARY_AND_COMMUNITY = "voluntary-and-community", "Voluntary and community"
    OTHER = "other", "Other"


class Place(index.Indexed, models.Model):
    """The locality a cohort serves: a county, a city region, a combined authority area."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


class Organisation(index.Indexed, models.Model):
    """A partner agency that sends officers: a police force, an NHS trust, a council..."""

    name = models.CharField(max_length=200, unique=True)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="Where the organisation mainly serves, if in one place.",
    )
    nominators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="nominator_for",
        help_text="The organisation's contacts who enrol its officers.",
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("place"),
        FieldPanel("nominators"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sector__in=Sector.values),
                name="cohorts_organisation_sector_valid",
            ),
        ]

    def __str__(self):
        return self.name
