"""Many published case studies at once, for benchmarks and query-budget tests: pages, outcomes,
themes and organisations are written in bulk (a few statements per thousand case studies) and
added to the search index in bulk, instead of publishing each one through Wagtail (a revision,
a log entry and an index update each). Realistic enough to search: a title, a summary and a
story drawn from the themes' vocabulary, so that a word matches a small share of them."""

import datetime as dt
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cohorts.models import Organisation, Place

from .caching import search_changed
from .models import CaseStudyOutcome, CaseStudyPage, OutcomeKind, Region, Stage, Theme

BATCH = 1000
TOPICS = [
    ("telecare", "sensors and a response service help older residents stay at home"),
    ("school admissions", "parents apply for school places online"),
    ("troubled families", "a multi-agency team works from one case record"),
    ("shared services", "two councils share one revenues and benefits team"),
    ("top tasks", "residents complete their most common tasks online"),
    ("mobile working", "frontline staff record visits on a tablet"),
    ("volunteer libraries", "residents run village libraries with self-service kiosks"),
    ("universal credit", "claimants get help to claim online at the library"),
    ("shared care record", "health and social care staff see one record"),
    ("ransomware recovery", "offline backups restored services within days"),
    ("joint procurement", "councils bought one system together"),
    ("open data", "forecasts are published for partners to plan with"),
    ("repairs reporting", "tenants report repairs with a photo"),
    ("digital inclusion", "community centres lend devices and help people online"),
    ("hospital discharge", "wards and social care plan discharge on one board"),
]
PLACES_WORDS = ["borough", "county", "city", "district", "valley", "coast", "moor", "vale"]


def _outcome_value(rng, kind):
    if kind == OutcomeKind.MONEY_SAVED:
        return rng.randint(5, 2000) * 1000
    if kind == OutcomeKind.SATISFACTION_CHANGE:
        return rng.randint(-5, 30)
    return rng.randint(50, 50_000)


def _story(rng, topic, detail):
    other, other_detail = rng.choice(TOPICS)
    return (
        f"<p>In this {rng.choice(PLACES_WORDS)}, {detail}. The work on {topic} began with "
        f"residents' needs and partners' data.</p><p>It learned from {other}, where "
        f"{other_detail}, and shared what worked with neighbouring councils.</p>"
    )


@transaction.atomic
def case_studies_generate(*, index, count, seed=2015) -> list:
    """Add `count` published case studies under `index` (organisations must exist); returns
    their ids. About one in five is members-only; each has one to three themes, one to three
    organisations and up to four outcomes."""
    rng = random.Random(seed)
    themes = list(Theme.objects.values_list("pk", flat=True))
    organisations = list(Organisation.objects.values_list("pk", flat=True)[:500])
    places = [None, *Place.objects.values_list("pk", flat=True)[:50]]
    if not themes or not organisations:
        raise ValueError("Themes and organisations are needed to generate case studies.")
    index = Page.objects.get(pk=index.pk)
    last = index.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    now = timezone.now()
    run = uuid.uuid4().hex[:6]

    parents, details = [], []
    for n in range(count):
        step += 1
        topic, detail = rng.choice(TOPICS)
        title = f"{topic.capitalize()} in {rng.choice(PLACES_WORDS)} {run}-{n}"
        slug = slugify(title)
        published = now - dt.timedelta(days=rng.randint(0, 2000), minutes=n)
        parents.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        details.append((topic, detail))
    for start in range(0, count, BATCH):
        Page.objects.bulk_create(parents[start : start + BATCH])

    pages = []
    for parent, (topic, detail) in zip(parents, details, strict=True):
        pages.append(
            CaseStudyPage(
                page_ptr_id=parent.pk,
                summary=f"{detail.capitalize()}: what it took and what it achieved.",
                place_id=rng.choice(places),
                region=rng.choice(Region.values),
                stage=rng.choice(Stage.values),
                members_only=rng.random() < 0.2,
                body=[{"type": "paragraph", "value": _story(rng, topic, detail)}],
            )
        )
    _insert_child_rows(pages)

    theme_rows, organisation_rows, outcomes = [], [], []
    for page in pages:
        for theme in rng.sample(themes, rng.randint(1, min(3, len(themes)))):
            theme_rows.append(
                CaseStudyPage.themes.through(casestudypage_id=page.pk, theme_id=theme)
            )
        for organisation in rng.sample(organisations, rng.randint(1, min(3, len(organisations)))):
            organisation_rows.append(
                CaseStudyPage.organisations.through(
                    casestudypage_id=page.pk, organisation_id=organisation
                )
            )
        for order, kind in enumerate(rng.sample(OutcomeKind.values, rng.randint(0, 4))):
            outcomes.append(
                CaseStudyOutcome(
                    page_id=page.pk,
                    sort_order=order,
                    kind=kind,
                    value=_outcome_value(rng, kind),
                    source="Generated figure",
                    year=rng.randint(2012, 2024),
                )
            )
    CaseStudyPage.themes.through.objects.bulk_create(theme_rows, batch_size=BATCH)
    CaseStudyPage.organisations.through.objects.bulk_create(organisation_rows, batch_size=BATCH)
    CaseStudyOutcome.objects.bulk_create(outcomes, batch_size=BATCH)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)

    ids = [page.pk for page in pages]
    search_changed()
    backend = get_search_backend()
    for start in range(0, count, BATCH):
        batch = CaseStudyPage.objects.filter(pk__in=ids[start : start + BATCH])
        backend.add_bulk(
            CaseStudyPage,
            list(batch.select_related("place").prefetch_related("themes", "organisations")),
        )
    return ids


def _insert_child_rows(pages):
    """The case study table's rows for pages whose Page rows exist: Django's bulk_create does
    not do multi-table inheritance, so this is the same INSERT it would write."""
    fields = CaseStudyPage._meta.local_concrete_fields
    table = connection.ops.quote_name(CaseStudyPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(field.pre_save(page, True), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",
                rows[start : start + BATCH],
            )
