"""The demo's pages, as an editor would publish them: the home page (replacing Wagtail's welcome
page), the standard pages, both programmes with their modules, and each programme's completion
rule (as a programme manager sets it in the admin)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from cohorts.models import CompletionRule
from content.models import HomePage, StandardPage
from modules.models import ModulePage, ProgrammePage

from . import content
from .world import block_id


def home_page():
    """The academy's home page as the default site's root, replacing Wagtail's welcome page. An
    existing home page is kept (there can be only one) and its content reset."""
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title=content.HOME["title"], slug="academy")
        Page.get_first_root_node().add_child(instance=home)
    home.title = content.HOME["title"]
    home.intro = content.HOME["intro"]
    home.body = stream(content.HOME["body"], key="home")
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Academy"
    site.save()
    # Wagtail's own "Welcome to your new Wagtail site!" page: a plain page no site uses.
    welcome = Page.objects.filter(
        depth=2, content_type=ContentType.objects.get_for_model(Page)
    ).exclude(pk__in=Site.objects.values("root_page"))
    for page in welcome:
        page.delete()
    return HomePage.objects.get(pk=home.pk)


def build(world, home):
    for spec in content.PROGRAMMES:
        world.programmes[spec["slug"]] = programme(world, home, spec)
    for spec in content.STANDARD_PAGES:
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            body=stream(spec["body"], key=spec["slug"]),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    completion_rules(world)


def programme(world, home, spec):
    programme = ProgrammePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        aims=spec["aims"],
        audience=spec["audience"],
    )
    home.add_child(instance=programme)
    programme.save_revision().publish()
    modules = []
    for module_spec in spec["modules"]:
        module = ModulePage(
            title=module_spec["title"],
            slug=module_spec["slug"],
            summary=module_spec["summary"],
            estimated_minutes=module_spec["minutes"],
            learning_outcomes=[
                {"type": "outcome", "value": text, "id": block_id(module_spec["slug"], f"o{n}")}
                for n, text in enumerate(module_spec["outcomes"])
            ],
            body=module_body(module_spec),
        )
        programme.add_child(instance=module)
        module.save_revision().publish()
        module.session_title = module_spec["session_title"]
        modules.append(module)
    world.modules[spec["slug"]] = modules
    return ProgrammePage.objects.get(pk=programme.pk)


def module_body(spec):
    blocks = [("paragraph", spec["intro"])]
    for heading, text in spec["sections"]:
        blocks += [("heading", {"text": heading, "level": "h2"}), ("paragraph", text)]
    style, heading, text = spec["callout"]
    blocks.append(("callout", {"style": style, "heading": heading, "text": text}))
    title, instructions, prompt = spec["activity"]
    blocks.append(
        ("activity", {"title": title, "instructions": instructions, "reflection_prompt": prompt})
    )
    blocks.append(("key_takeaways", {"heading": "Key takeaways", "items": spec["takeaways"]}))
    blocks.append(
        (
            "further_reading",
            {
                "heading": "Further reading",
                "items": [
                    {"title": title, "url": url, "description": description}
                    for title, url, description in spec["reading"]
                ],
            },
        )
    )
    return [
        {"type": kind, "value": value, "id": block_id(spec["slug"], f"b{n}")}
        for n, (kind, value) in enumerate(blocks)
    ]


def stream(blocks, *, key):
    return [
        {"type": kind, "value": value, "id": block_id(key, f"b{n}")}
        for n, (kind, value) in enumerate(blocks)
    ]


def completion_rules(world):
    """The Digital Academy asks for six of eight sessions (late counts, leaving early does not),
    two modules online and a facilitator's sign-off, and issues certificates only once the cohort
    has ended; the Member Leadership Academy asks for three sessions."""
    digital = world.programmes[content.DIGITAL_ACADEMY["slug"]]
    members = world.programmes[content.MEMBER_LEADERSHIP_ACADEMY["slug"]]
    rule = CompletionRule(
        programme=digital,
        min_share_attended=75,
        late_counts=True,
        left_early_counts=False,
        facilitator_sign_off=True,
        certificates_after_end=True,
    )
    rule.full_clean()
    rule.save()
    first, _, data_sharing, *_ = world.modules[digital.slug]
    rule.required_modules.set([first, data_sharing])
    rule = CompletionRule(programme=members, min_sessions_attended=3)
    rule.full_clean()
    rule.save()
