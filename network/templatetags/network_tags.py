from django import template

from ..selectors import network_home

register = template.Library()


@register.inclusion_tag("network/includes/home.html", takes_context=True)
def network_home_section(context):
    """The network's part of a person's home (academy_site/home.html includes it)."""
    return {
        "home": network_home(context["request"].user),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
