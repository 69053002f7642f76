"""The Wagtail admin draws from the same scoping as the site (issue 15): every snippet listing,
export, inspect page and chooser (with its results and "chosen" answers) offers only what the
model's `visible_to(user)` selects, and only to people who hold a permission on the model.

- `AcademySnippetViewSet` is the base of every app's snippet viewset: its listing and exports
  are scoped and formula-safe, and its chooser is `ScopedSnippetChooserViewSet`.
- `ScopedPermissionPolicy` answers Wagtail's instance questions (inspect, edit, delete) from
  `visible_to`; apps register it for their models in `AppConfig.ready()`.
- A viewset whose model is a shared list without personal data that page editors pick from
  (themes, places) sets `chooser_open_to_editors = True`: anyone who may use the admin may
  choose from it.

tests/security/test_admin_matrix.py asks every registered snippet's URLs as every role.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from spreadsheets.admin import FormulaSafeSnippetIndexView, FormulaSafeSnippetViewSet

ANY_PERMISSION = ["add", "change", "delete", "view"]


def admin_scope(queryset, user):
    """`queryset` cut down to what `user` may see: its `visible_to(user)` when it has one."""
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user)
    return queryset


def chooser_queryset(model, user):
    """What `user` may pick from a chooser of `model`: nothing without a permission on the
    model (unless its viewset opens the chooser to page editors), then the model's scoping."""
    viewset = getattr(model, "snippet_viewset", None)
    queryset = model._default_manager.all()
    if not getattr(viewset, "chooser_open_to_editors", False):
        policy = viewset.permission_policy if viewset else ModelPermissionPolicy(model)
        if not policy.user_has_any_permission(user, ANY_PERMISSION):
            return None
    return admin_scope(queryset, user)


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, and on a single record only if `visible_to(user)` holds it."""

    def _visible(self, user):
        return admin_scope(self.model._default_manager.all(), user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self._visible(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        return self._visible(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self._visible(user)


class _ScopedChooserMixin:
    """Refuses a chooser to those who may not choose, and offers only what they may see."""

    def dispatch(self, request, *args, **kwargs):
        self.scoped_queryset = chooser_queryset(self.model_class, request.user)
        if self.scoped_queryset is None:
            raise PermissionDenied("You may not choose from this list.")
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return self.scoped_queryset

    def get_object(self, pk):
        return self.scoped_queryset.get(pk=pk)

    def get_objects(self, pks):
        return self.scoped_queryset.filter(pk__in=pks)


class ScopedChooseView(_ScopedChooserMixin, chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserMixin, chooser.ChooseResultsView):
    pass


class ScopedChosenView(_ScopedChooserMixin, chooser.SnippetChosenView):
    pass


class ScopedChosenMultipleView(_ScopedChooserMixin, chooser.SnippetChosenMultipleView):
    pass


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class ScopedSnippetIndexView(FormulaSafeSnippetIndexView):
    """A listing (and its CSV and Excel exports) of what the person may see."""

    def get_base_queryset(self):
        return admin_scope(super().get_base_queryset(), self.request.user)


class AcademySnippetViewSet(FormulaSafeSnippetViewSet):
    """The base of every snippet viewset: scoped listing, exports and chooser."""

    index_view_class = ScopedSnippetIndexView
    chooser_viewset_class = ScopedSnippetChooserViewSet
    chooser_open_to_editors = False
