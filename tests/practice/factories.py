"""Factories for the good practice database. Themes come from the data migration; case studies
are published pages under the index (CaseStudyPageFactory(members_only=True), draft=True)."""

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cohorts.models import Sector
from practice.models import (
    CaseStudyOutcome,
    CaseStudyPage,
    GoodPracticeIndexPage,
    LineOfEnquiry,
    LineOfEnquiryExample,
    LineOfEnquiryPrompt,
    QuestionSet,
    ResourcePage,
    Theme,
)
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import OrganisationFactory
from tests.modules.factories import _PageFactory


def theme(slug):
    return Theme.objects.get(slug=slug)


def good_practice_index():
    """The site's one good practice index (made on first use)."""
    index = GoodPracticeIndexPage.objects.first()
    return index or GoodPracticeIndexFactory()


class GoodPracticeIndexFactory(_PageFactory):
    class Meta:
        model = GoodPracticeIndexPage

    title = "Good practice"
    slug = "good-practice"


class CaseStudyPageFactory(_PageFactory):
    """A published, open case study. `themes` (slugs), `organisations` and `outcomes` (tuples of
    kind, value[, year]) may be given; `draft=True` leaves it unpublished."""

    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "What was done and why."
    region = "south-east"
    stage = "live"
    members_only = False
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>The story of the work.</p>"}]
    )

    class Params:
        draft = factory.Trait(live=False)

    @classmethod
    def _default_parent(cls):
        return good_practice_index()

    @classmethod
    def _create(
        cls, model_class, *args, themes=("data-sharing",), organisations=None, outcomes=(), **kw
    ):
        kw["themes"] = [theme(slug) for slug in themes]
        kw["organisations"] = organisations or [OrganisationFactory(sector=Sector.POLICE)]
        kw["outcomes"] = [
            CaseStudyOutcome(
                kind=o[0], value=o[1], year=o[2] if len(o) > 2 else 2016, source="Evaluation"
            )
            for o in outcomes
        ]
        return super()._create(model_class, *args, **kw)


class ResourcePageFactory(_PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Report {n}")
    summary = "A report about digital."
    link = "https://www.example.org/report"

    @classmethod
    def _default_parent(cls):
        return good_practice_index()


def document(title="Evaluation", content=b"%PDF-1.4 evaluation"):
    Document = get_document_model()
    item = Document(title=title)
    item.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(content), save=False)
    item.save()
    return item


class LineOfEnquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LineOfEnquiry
        skip_postgeneration_save = True

    theme = factory.LazyFunction(lambda: theme("data-sharing"))
    question = factory.Sequence(lambda n: f"How does the council share data, question {n}?")

    @factory.post_generation
    def prompts(self, create, extracted, **kwargs):
        for n, text in enumerate(extracted or ["Who decides what is shared?"]):
            LineOfEnquiryPrompt.objects.create(line=self, text=text, sort_order=n)

    @factory.post_generation
    def examples(self, create, extracted, **kwargs):
        for n, case_study in enumerate(extracted or []):
            LineOfEnquiryExample.objects.create(line=self, case_study=case_study, sort_order=n)


class QuestionSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionSet
        skip_postgeneration_save = True

    council = "Maidstone Borough Council"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def lines(self, create, extracted, **kwargs):
        self.lines.set(extracted or [LineOfEnquiryFactory()])
