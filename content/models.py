from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import GeneralStreamBlock


class HomePage(Page):
    """The site's front page: what the academies are for, and a way in to each programme."""

    intro = RichTextField(blank=True)
    body = StreamField(GeneralStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The home page's other children (programmes) are listed; general pages are not, nor a
        # page type that says it is reached some other way (`listed_on_home_page = False`).
        context["programmes"] = [
            page
            for page in self.get_children().live().public().not_type(StandardPage).specific()
            if getattr(page, "listed_on_home_page", True)
        ]
        return context


class StandardPage(Page):
    """A general page: about the academies, accessibility statement, privacy notice."""

    intro = RichTextField(blank=True)
    body = StreamField(GeneralStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    subpage_types = ["content.StandardPage"]
