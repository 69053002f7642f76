from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .roles import is_programme_manager


@hooks.register("register_user_listing_buttons")
def erase_personal_data_button(user, request_user):
    """'Erase personal data' in the admin's people list, for programme managers only."""
    if not is_programme_manager(request_user) or user.pk == request_user.pk or user.erased_at:
        return []
    return [
        ListingButton(
            "Erase personal data",
            reverse("accounts:person_erase", args=[user.pk]),
            priority=100,
        )
    ]
