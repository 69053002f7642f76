"""The admin screen where programme managers link an organisation to its identity provider, and
the answers accounts asks for through hooks (accounts.organisation_sign_in)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet
from accounts.organisation_sign_in import IDENTITY_PROVIDER_HOOK, PASSWORD_SIGN_IN_HOOK

from .forms import IdentityProviderAdminForm
from .models import IdentityProvider


class IdentityProviderViewSet(SnippetViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = "Organisation sign-in"
    add_to_admin_menu = True
    menu_order = 160
    list_display = ["organisation", "issuer_url", "client_id", "enabled"]
    list_filter = ["enabled", "password_sign_in_allowed", "enforces_mfa"]
    # The client secret is in no listing, export or inspect page.
    list_export = ["organisation", "issuer_url", "client_id", "email_domains", "enabled"]
    search_fields = []
    ordering = ["organisation__name"]
    inspect_view_enabled = False

    def get_queryset(self, request):
        return IdentityProvider.objects.select_related("organisation")

    @property
    def edit_handler(self):
        return ObjectList(IdentityProvider.panels, base_form_class=IdentityProviderAdminForm)


register_snippet(IdentityProviderViewSet)


@hooks.register(PASSWORD_SIGN_IN_HOOK)
def password_sign_in_refused(email):
    provider = IdentityProvider.objects.for_email(email)
    if provider is None or provider.password_sign_in_allowed:
        return None
    return {
        "organisation": provider.organisation.name,
        "login_url": reverse("openid_connect_login", kwargs={"provider_id": provider.slug}),
    }


@hooks.register(IDENTITY_PROVIDER_HOOK)
def second_factor_by_identity_provider(provider_id):
    return IdentityProvider.objects.filter(
        slug=provider_id, enabled=True, enforces_mfa=True
    ).exists()
