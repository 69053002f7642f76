from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import permissions


@hooks.register("register_user_listing_buttons")
def erase_personal_data_button(user, request_user):
    """'Erase personal data' in the admin's people list, for programme managers only."""
    if not permissions.check(request_user, "erase-person") or user.pk == request_user.pk:
        return []
    if user.erased_at:
        return []
    return [
        ListingButton(
            "Erase personal data",
            reverse("personal_data:person_erase", args=[user.pk]),
            priority=100,
        )
    ]
