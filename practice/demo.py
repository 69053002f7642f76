"""The good practice database's part of the demo academy (`manage.py load_demo_data`): a good
practice index with case studies drawn from the paper's examples, some members-only; reports and
resources; case studies proposed by the demo participant (one approved, one sent back with
comments, one awaiting review); the peer challenge question bank; modules citing case studies;
and a question set. Built through practice.services and Wagtail's page API, as the programme
manager and the participant would, never by writing rows directly (publication dates apart,
spread over the past years so that "newest" means something)."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from cohorts.models import Organisation, Place

from . import demo_content as content
from . import services
from .models import (
    CaseStudyPage,
    GoodPracticeIndexPage,
    LineOfEnquiry,
    LineOfEnquiryExample,
    LineOfEnquiryPrompt,
    ResourcePage,
    Theme,
)

INDEX_SLUG = "good-practice"


def load(*, home, manager, proposer, modules, organisations):
    """Replace the demo's good practice content under `home`. `manager` publishes and reviews,
    `proposer` proposes; `modules` are the demo's module pages (some get a case studies block);
    `organisations` the main demo's organisations by key (more are added here). Returns lines
    for the loader's summary."""
    _remove_previous(home)
    organisations = _organisations(organisations)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    index = GoodPracticeIndexPage(title="Good practice", slug=INDEX_SLUG, intro=content.INTRO)
    home.add_child(instance=index)
    index.save_revision(user=manager).publish(user=manager)

    now = timezone.now()
    case_studies = {}
    for spec in content.CASE_STUDIES:
        page = services.case_study_create(
            editor=manager, content=_content(spec, organisations, themes), index=index
        )
        when = now - dt.timedelta(days=spec["age_days"])
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        case_studies[page.title] = page

    for outcome, spec, comment in content.PROPOSALS:
        proposal = services.case_study_propose(
            proposer=proposer, content=_content(spec, organisations, themes), index=index
        )
        if outcome == "approved":
            services.case_study_review(
                reviewer=manager, proposal=proposal, approve=True, comment=comment
            )
            case_studies[proposal.page.title] = proposal.page
        elif outcome == "sent-back":
            services.case_study_review(
                reviewer=manager, proposal=proposal, approve=False, comment=comment
            )

    for title, kind, publisher, year, link, summary, theme_slugs in content.RESOURCES:
        resource = ResourcePage(
            title=title,
            kind=kind,
            publisher=publisher,
            published_year=year,
            link=link,
            summary=summary,
            owner=manager,
        )
        resource.themes = [themes[slug] for slug in theme_slugs]
        index.add_child(instance=resource)
        resource.save_revision(user=manager).publish(user=manager)

    lines = _question_bank(themes, case_studies)
    _module_examples(modules, case_studies, themes, manager)
    council, questions = content.QUESTION_SET
    services.question_set_create(
        owner=manager, council=council, lines=[lines[question] for question in questions]
    )
    published = CaseStudyPage.objects.live().descendant_of(index)
    return [
        f"{published.count()} case studies ({published.filter(members_only=True).count()} "
        f"members-only)",
        f"{len(lines)} lines of enquiry",
    ]


def _remove_previous(home):
    for index in GoodPracticeIndexPage.objects.child_of(home):
        index.delete()
    LineOfEnquiry.objects.filter(
        question__in=[question for _theme, question, *_ in content.LINES_OF_ENQUIRY]
    ).delete()


def _organisations(main):
    """The main demo's organisations and places, and this demo's own (fictional) ones."""
    places = {"kent": main["kcc"].place, "gm": main["manchester"].place}
    for key, (name, description) in content.PLACES.items():
        places[key], _ = Place.objects.update_or_create(
            name=name, defaults={"description": description}
        )
    organisations = dict(main)
    for key, (name, sector, place_key) in content.ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.update_or_create(
            name=name, defaults={"sector": sector, "place": places.get(place_key)}
        )
    organisations["_places"] = places
    return organisations


def _content(spec, organisations, themes):
    places = organisations["_places"]
    name, role, email = spec["contact"] or ("", "", "")
    return services.CaseStudyContent(
        title=spec["title"],
        summary=spec["summary"],
        story=spec["story"],
        organisations=[organisations[key] for key in spec["organisations"]],
        place=places.get(spec["place"]) if spec["place"] else None,
        region=spec["region"],
        themes=[themes[slug] for slug in spec["themes"]],
        stage=spec["stage"],
        outcomes=spec["outcomes"],
        contact_name=name,
        contact_role=role,
        contact_email=email,
        contact_agreed=bool(name),
        members_only=spec["members_only"],
    )


def _question_bank(themes, case_studies):
    lines = {}
    for position, (theme, question, prompts, examples) in enumerate(content.LINES_OF_ENQUIRY):
        line = LineOfEnquiry(theme=themes[theme], question=question, position=position)
        line.prompts = [LineOfEnquiryPrompt(text=text) for text in prompts]
        line.examples = [
            LineOfEnquiryExample(case_study=case_studies[title])
            for title in examples
            if title in case_studies
        ]
        line.full_clean()
        line.save()
        lines[question] = line
    return lines


def _module_examples(modules, case_studies, themes, manager):
    """Add a case studies block to some demo modules, as a programme manager editing them."""
    by_slug = {module.slug: module for module in modules}
    for slug, block in content.MODULE_EXAMPLES:
        module = by_slug.get(slug)
        if module is None:
            continue
        module = module.get_latest_revision_as_object()
        value = {
            "heading": block["heading"],
            "case_studies": [case_studies[title] for title in block.get("case_studies", [])],
            "themes": [themes[theme] for theme in block.get("themes", [])],
            "count": block.get("count", 3),
        }
        module.body.append(("case_studies", value))
        module.save_revision(user=manager).publish(user=manager)
