"""`{% academy_userbar %}`: Wagtail's userbar (edit this page, add a page under it, explore it,
the accessibility checker) only for a person who may edit the page they are looking at (change it,
add a page under it or publish it).

Wagtail renders its userbar for anyone who may use the admin, and working it out (their admin
profile, the page's permissions, its revisions, four items and their media) cost a facilitator
more than the page itself on every page they see (issue 22). A facilitator or programme
manager who may not edit this page gets nothing the header's "Admin" link does not already
give them, so it is left out for them; the check is one query for the person's page
permissions, which Wagtail then keeps for the request.
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar
from wagtail.permission_policies.pages import PagePermissionPolicy

register = template.Library()
# What the userbar's items offer on a page: edit it, add a page under it, publish it.
_EDITING = {"change", "add", "publish"}
_POLICY = PagePermissionPolicy()


@register.simple_tag(takes_context=True)
def academy_userbar(context, position="bottom-right"):
    request = context.get("request")
    page = get_page_instance(context)
    if request is None or page is None or not page.pk:
        return ""
    if not _POLICY.user_has_any_permission_for_instance(request.user, _EDITING, page):
        return ""
    return wagtailuserbar(context, position)
