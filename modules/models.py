"""Programmes and their modules as Wagtail pages, and each participant's module progress
(defined in `progress`, imported here so Django finds it)."""

from django.db import models
from django.http import HttpResponse
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from accounts.permissions import deny
from content.blocks import ModuleStreamBlock
from kept.parts import with_viewers_token

from . import module_page, participation, selectors
from .blocks import CaseStudiesBlock
from .page_forms import ModulePageForm
from .permissions import module_access
from .progress import ModuleProgress, ModuleProgressQuerySet
from .querysets import ModulePageQuerySet
from .services import module_progress_open

__all__ = ["ModulePage", "ModuleProgress", "ModuleProgressQuerySet", "ProgrammePage"]


class ModuleBodyBlock(ModuleStreamBlock):
    """A module's body: the shared learning blocks, and examples from the good practice
    database (modules.blocks, answered through a hook)."""

    case_studies = CaseStudiesBlock()


class ProgrammePage(Page):
    """An academy, run many times in many places (the Digital Academy, the Member Leadership
    Academy): its aims, who it is for, its modules (its child pages) and its cohorts."""

    summary = models.CharField(max_length=300, blank=True, help_text="One or two sentences.")
    aims = RichTextField(blank=True)
    audience = RichTextField("who it is for", blank=True)
    module_opens_days_before = models.PositiveSmallIntegerField(
        "modules open (days before their session)",
        null=True,
        blank=True,
        help_text=(
            "Leave empty to open every module as soon as a participant joins. Otherwise a module "
            "opens to a cohort this many days before the cohort session that covers it."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("aims"),
        FieldPanel("audience"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("module_opens_days_before")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("aims"),
        index.SearchField("audience"),
    ]

    subpage_types = ["modules.ModulePage"]

    class Meta:
        verbose_name = "programme"

    def modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def route(self, request, path_components):
        # A programme's children are its modules: fetch the specific module in one query where
        # Wagtail would fetch the page and then its specific form. Anything else (no such
        # module, some other page type) goes Wagtail's own way.
        if path_components:
            # Its body is read only when its page is rendered, not when it is kept
            # (`module_page`).
            module = (
                ModulePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .defer("body", "learning_outcomes")
                .first()
            )
            if module is not None:
                module._cached_parent_obj = self  # as Wagtail's route does: get_parent() is free
                return module.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.programme_page_context(programme=self, user=request.user))
        return context


class ModulePage(Page):
    """A unit of learning inside a programme, shared by every cohort of that programme."""

    summary = models.CharField(max_length=300, blank=True)
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(max_length=300, label="Learning outcome"))],
        blank=True,
        help_text="What participants will be able to do after this module.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated time (minutes)", default=60, help_text="How long the online content takes."
    )
    body = StreamField(ModuleBodyBlock(), blank=True)

    objects = PageManager.from_queryset(ModulePageQuerySet)()
    # The body names only documents its editor may use (issue 15).
    base_form_class = ModulePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("learning_outcomes"), FieldPanel("estimated_minutes")],
            heading="Learning outcomes and time",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["modules.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = "module"

    def serve(self, request, *args, **kwargs):
        # Module content is for the programme's participants, facilitators and managers only:
        # strangers are sent to sign in and back; signed-in people without access are told why.
        user = request.user
        participating, learner_version, found = None, "", {}
        if user.is_authenticated:
            participating, learner_version, found = participation.learner_record(
                user, also=[module_page.TREE, module_page.kept_key(request, self)]
            )
        access = module_access(user, self, participating=participating)
        if not access.permission:
            return deny(request, access.permission)
        request.is_preview = False
        if request.method == "GET" and access.takes_part:

            def render():
                # Only a participant's own visits count as opening the module; previews never
                # do (Wagtail previews go through serve_preview, not here). A kept page was
                # rendered after the visit it records.
                progress = module_progress_open(participant=user, module=self)
                return module_page.rendered_parts(request, self, access=access, progress=progress)

            html = module_page.kept_page(
                request,
                self,
                found=found,
                learner_version=learner_version,
                access=access,
                render=render,
            )
        else:
            html = module_page.page_html(
                request, self, module_page.rendered_parts(request, self, access=access)
            )
        return HttpResponse(with_viewers_token(request, html))

    def get_context(self, request, *args, **kwargs):
        # Previews (and anything else rendering the page itself) get its parts afresh.
        context = super().get_context(request, *args, **kwargs)
        parts = module_page.rendered_parts(request, self)
        context["parts"] = {name: with_viewers_token(request, html) for name, html in parts.items()}
        return context

    def programme(self):
        """The programme this module belongs to (its parent page), or None."""
        # Wagtail's routing leaves the parent it came through on the page: no query then.
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, ProgrammePage):
            return parent
        return ProgrammePage.objects.parent_of(self).first()

    def reflection_prompts(self):
        """(block id, prompt) for every activity that asks for a reflection."""
        # Read the stored data, not the blocks: building blocks would fetch their documents and
        # images, a query per module wherever prompts are counted.
        return [
            (block["id"], block["value"]["reflection_prompt"])
            for block in self.body.raw_data
            if block.get("type") == "activity"
            and (block.get("value") or {}).get("reflection_prompt")
        ]
