"""Values every page's layout needs."""

from django.utils.functional import SimpleLazyObject

from accounts.roles import may_use_admin


def navigation(request):
    user = getattr(request, "user", None)
    return {"may_use_admin": SimpleLazyObject(lambda: may_use_admin(user))}
