"""`{% academy_userbar %}`: Wagtail's userbar (edit this page, add a page under it, explore it,
the accessibility checker) only for a person who may use the admin and may edit the page they
are looking at (change it, add a page under it or publish it).

Wagtail renders its userbar for anyone who may use the admin, and working it out (their admin
profile, the page's permissions, its revisions, four items and their media) cost a facilitator
more than the page itself on every page they see (issue 22). A facilitator or programme
manager who may not edit this page gets nothing the header's "Admin" link does not already
give them, so it is left out for them. Both checks are cheap: "may use the admin" is the
header's own answer and "may edit this page" is asked of the page permissions read with it
(accounts.roles, one query kept for the request).
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance
from wagtail.admin.userbar import Userbar

from accounts.roles import may_use_admin, page_permissions

register = template.Library()
# What the userbar's items offer on a page: edit it, add a page under it, publish it.
_EDITING = ["change_page", "add_page", "publish_page"]


def may_edit(user, page):
    """Wagtail's rule for "any of change, add, publish on this page" (PagePermissionPolicy: a
    group's permission on a page holds for every page under it; a superuser holds them all),
    asked of the page permissions read with the person's roles (`accounts.roles`), rather than
    loading every page permission of their groups with its page and permission again (what
    `user_has_any_permission_for_instance` does)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        codename in _EDITING and page.path.startswith(path)
        for path, codename in page_permissions(user)
    )


@register.simple_tag(takes_context=True)
def academy_userbar(context, position="bottom-right"):
    request = context.get("request")
    page = get_page_instance(context)
    if request is None or page is None or not page.pk:
        return ""
    if not may_use_admin(request.user) or not may_edit(request.user, page):
        return ""
    # Wagtail's own tag would ask Django for the admin permission again (two more queries).
    return Userbar(object=page, position=position).render_html(context)
