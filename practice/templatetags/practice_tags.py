"""Template helpers for the good practice pages."""

from django import template

register = template.Library()


@register.filter
def elided_pages(page):
    """The page numbers GOV.UK pagination shows around the current page ("…" for a gap)."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))


@register.filter
def case_studies(count):
    """“1 case study”, “3 case studies”."""
    return f"{count} case stud{'y' if count == 1 else 'ies'}"
