from django.core.exceptions import PermissionDenied
from wagtail.users.views.users import CreateView, EditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import AdminUserCreationForm, AdminUserEditForm


class PersonCreateView(CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class PersonEditView(EditView):
    """Editing a person: only a superuser may edit a superuser (their email and password are
    the keys to everything) or tick "Administrator" on anyone."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied("Only an administrator can change an administrator's account.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserViewSet(WagtailUserViewSet):
    """Wagtail's people screens, with job title and team, case-blind unique emails, and
    "Administrator" (is_superuser) reserved to superusers."""

    add_view_class = PersonCreateView
    edit_view_class = PersonEditView

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
