"""Blocks of a module's body that bring in other apps' content without importing them: a module
shows chosen case studies from the good practice database, or the latest on chosen themes.
Which case studies a reader may see is the good practice database's answer to the
`CASE_STUDIES_FOR_BLOCK` hook (only those the reader may open), so `modules` never imports it."""

from wagtail import blocks, hooks
from wagtail.snippets.blocks import SnippetChooserBlock

# fn(*, user, chosen_ids, theme_ids, count) -> the case studies to show this reader.
CASE_STUDIES_FOR_BLOCK = "modules_case_studies_for_block"


class CaseStudiesBlock(blocks.StructBlock):
    """Examples from the good practice database beside the learning: the case studies chosen,
    in that order; or, if none are chosen, the latest on the chosen themes."""

    heading = blocks.CharBlock(max_length=200, default="Where it has worked")
    case_studies = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practice.CaseStudyPage"),
        required=False,
        help_text="Choose case studies, or leave empty and choose themes below.",
    )
    themes = blocks.ListBlock(
        SnippetChooserBlock("practice.Theme"),
        required=False,
        help_text="Without chosen case studies: show the latest on these themes.",
    )
    count = blocks.IntegerBlock(
        min_value=1, max_value=10, default=3, help_text="How many of the latest to show."
    )

    class Meta:
        icon = "doc-full-inverse"
        label = "Case studies"
        template = "practice/blocks/case_studies.html"
        description = "Case studies from the good practice database, chosen or by theme."
        preview_value = {"heading": "Where it has worked", "case_studies": [], "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        examples = []
        for answer in hooks.get_hooks(CASE_STUDIES_FOR_BLOCK):
            examples.extend(
                answer(
                    user=getattr(request, "user", None),
                    chosen_ids=[page.pk for page in value["case_studies"] if page is not None],
                    theme_ids=[theme.pk for theme in value["themes"] if theme is not None],
                    count=value["count"] or 3,
                )
            )
        context["examples"] = examples
        return context
