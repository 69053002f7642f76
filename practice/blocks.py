"""StreamField blocks that bring the good practice database into other pages: a module shows
chosen case studies, or the latest on chosen themes. Only case studies the reader may open are
shown (`visible_to`). This module imports no other app, so `modules` may use it."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


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
        from .selectors import case_studies_for_block

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        context["examples"] = case_studies_for_block(
            user=user,
            chosen_ids=[page.pk for page in value["case_studies"] if page is not None],
            theme_ids=[theme.pk for theme in value["themes"] if theme is not None],
            count=value["count"] or 3,
        )
        return context
