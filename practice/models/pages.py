"""The good practice database as Wagtail pages: one index, its case studies and its lighter
resources (reports and links). Who may open which case study is `visible_to(user)`, in
practice.querysets; the pages' `get_context` only call practice.selectors."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from content.blocks import RICH_TEXT_FEATURES, GeneralStreamBlock

from ..permissions import can_view_case_study
from ..querysets import CaseStudyPageQuerySet
from .taxonomy import OUTCOME_UNITS, SIGNED_OUTCOMES, OutcomeKind, Region, Stage, Theme


class GoodPracticeIndexPage(Page):
    """The digital good practice database: finds case studies by words, theme, sector, place,
    stage and outcome, and lists reports and resources."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["practice.CaseStudyPage", "practice.ResourcePage"]
    max_count = 1
    # The home page lists its programmes; the database is linked from the navigation instead.
    listed_on_home_page = False

    class Meta:
        verbose_name = "good practice index"

    # What the page shows (the search form, results and filters) is read by
    # practice.selectors.case_study_search_page, which imports these models; PracticeConfig.ready
    # binds it here so the models import none of the reads.
    read_context = None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.read_context(index=self, request=request))
        return context


class CaseStudyPage(Page):
    """An example of digital good practice: who did it, where, on which themes, how far it has
    got, what it achieved (outcomes that can be compared) and whom to ask about it. Open to
    everyone, or to signed-in members only."""

    summary = models.TextField(max_length=600, help_text="Two or three sentences: what and why.")
    organisations = ParentalManyToManyField(
        "cohorts.Organisation",
        related_name="case_studies",
        help_text="The organisations involved. Their sectors come from their records.",
    )
    place = models.ForeignKey(
        "cohorts.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="The place it serves, if it is one of the academy's places.",
    )
    region = models.CharField(max_length=40, choices=Region.choices)
    themes = ParentalManyToManyField(Theme, related_name="case_studies")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    members_only = models.BooleanField(
        "signed-in members only",
        default=False,
        help_text="Councils sometimes share figures only with peers: members-only case studies "
        "are shown only to people signed in to the academy, and never listed to others.",
    )
    body = StreamField(GeneralStreamBlock(), blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField("contact's role", max_length=200, blank=True)
    contact_email = models.EmailField("contact's email address", blank=True)
    contact_agreed = models.BooleanField(
        "the contact agreed to be contacted about this case study", default=False
    )

    objects = PageManager.from_queryset(CaseStudyPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("organisations"),
                FieldPanel("place"),
                FieldPanel("region"),
                FieldPanel("themes"),
                FieldPanel("stage"),
            ],
            heading="Who, where and what",
        ),
        InlinePanel("outcomes", heading="Outcomes", label="Outcome"),
        FieldPanel("body"),
        InlinePanel("documents", heading="Documents", label="Document"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_agreed"),
            ],
            heading="Contact",
        ),
    ]
    settings_panels = [FieldPanel("members_only"), *Page.settings_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields("place", [index.SearchField("name")]),
        index.FilterField("members_only"),
        index.FilterField("stage"),
        index.FilterField("region"),
    ]

    parent_page_types = ["practice.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_name="") | Q(contact_agreed=True),
                name="practice_case_study_contact_agreed",
                violation_error_message="Name a contact only once they have agreed to be "
                "contacted.",
            ),
        ]

    def clean(self):
        super().clean()
        if self.contact_name and not self.contact_email:
            raise ValidationError({"contact_email": "Give the contact's email address."})

    def serve(self, request, *args, **kwargs):
        # Members-only case studies: strangers sign in and come back; the rule is visible_to.
        permission = can_view_case_study(request.user, self)
        if not permission:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(permission.reason)
        return super().serve(request, *args, **kwargs)

    # Bound in PracticeConfig.ready to practice.selectors.case_study_page_context.
    read_context = None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.read_context(case_study=self, user=request.user))
        return context


class CaseStudyOutcome(Orderable):
    """One outcome of a case study, in terms every case study uses (so they can be compared and
    sorted): its kind, its size, where the figure comes from and for which year."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(max_length=30, choices=OutcomeKind.choices)
    value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        help_text="Pounds a year, staff hours a year, residents, or percentage points.",
    )
    source = models.CharField(max_length=300, help_text="Where the figure comes from.")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The year the figure is for.",
    )

    panels = [FieldPanel("kind"), FieldPanel("value"), FieldPanel("source"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = "outcome"
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="practice_outcome_one_per_kind"),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in SIGNED_OUTCOMES]) | Q(value__gte=0),
                name="practice_outcome_not_negative",
                violation_error_message="Only a change in satisfaction can be negative.",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990) & Q(year__lte=2100), name="practice_outcome_year"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display_value}"

    @property
    def display_value(self):
        before, after = OUTCOME_UNITS[OutcomeKind(self.kind)]
        number = f"{self.value:,.2f}".removesuffix(".00")
        sign = "+" if self.kind in SIGNED_OUTCOMES and self.value > 0 else ""
        if number.startswith("-"):
            return f"-{before}{number[1:]}{after}"
        return f"{sign}{before}{number}{after}"


class CaseStudyDocument(Orderable):
    """A document about a case study (a business case, an evaluation). Served only to those who
    may open the case study when it is members-only (modules.permissions.can_download_document)."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=200, blank=True, help_text="Defaults to the title.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "document"

    @property
    def display_title(self):
        return self.title or self.document.title


class ResourcePage(Page):
    """A report, toolkit or external resource about digital in public services: lighter than a
    case study (no outcomes or contact), open to everyone."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        GUIDANCE = "guidance", "Guidance or toolkit"
        EXTERNAL = "external", "External resource"

    summary = models.TextField(max_length=600)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPORT)
    publisher = models.CharField(max_length=200, blank=True)
    published_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    link = models.URLField("web address", blank=True, help_text="Where to read it, if online.")
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(Theme, related_name="resources", blank=True)
    body = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("publisher"),
        FieldPanel("published_year"),
        FieldPanel("link"),
        FieldPanel("document"),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    parent_page_types = ["practice.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "resource"

    def clean(self):
        super().clean()
        if not self.link and not self.document_id:
            raise ValidationError("Give a web address or a document, so people can read it.")


__all__ = [
    "CaseStudyDocument",
    "CaseStudyOutcome",
    "CaseStudyPage",
    "GoodPracticeIndexPage",
    "ResourcePage",
]
