from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from content.blocks import ModuleStreamBlock
from practice.blocks import CaseStudiesBlock

from .querysets import ModulePageQuerySet


class ModuleBodyBlock(ModuleStreamBlock):
    """A module's body: the shared learning blocks, and examples from the good practice
    database (practice never imports modules, so this import makes no cycle)."""

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
            module = ModulePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if module is not None:
                module._cached_parent_obj = self  # as Wagtail's route does: get_parent() is free
                return module.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from . import selectors

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
        from .permissions import module_access
        from .services import module_progress_open

        access = module_access(request.user, self)
        if not access.permission:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(access.permission.reason)
        # Only a participant's own visits count as opening the module; previews never do
        # (Wagtail previews go through serve_preview, not here).
        progress = None
        if request.method == "GET" and access.takes_part:
            progress = module_progress_open(participant=request.user, module=self)
        request.is_preview = False
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            self.get_context(request, *args, access=access, progress=progress, **kwargs),
        )

    def get_context(self, request, *args, access=None, progress=None, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.module_page_context(
                module=self, user=request.user, access=access, progress=progress
            )
        )
        return context

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


class ModuleProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class ModuleProgress(models.Model):
    """What one participant has done with one module: opened, completed, reflections answered.

    Reflections are private to the participant; others see only whether they were answered.
    """

    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="progress")
    opened_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    reflections = models.JSONField(
        default=dict, blank=True, help_text="Answers keyed by the activity block's id."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ModuleProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "module progress"
        verbose_name_plural = "module progress"
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "module"], name="modules_progress_one_per_participant"
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.module}"

    @property
    def is_complete(self):
        return self.completed_at is not None
