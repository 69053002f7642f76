"""Read-only querysets for modules. Who may see which module is decided in modules.permissions;
`visible_to(user)` applies that rule to many modules at once, before anything is rendered."""

from django.db.models.functions import Length, Substr
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .permissions import module_visibility_q


class ModulePageQuerySet(PageQuerySet):
    def visible_to(self, user, now=None):
        """Modules this person may open now: see `modules.permissions.module_visibility_q`."""
        return self.filter(module_visibility_q(user, now=now))

    def of_programmes(self, programme_ids):
        """The modules under these programmes (their children in the page tree), in one query
        with no programme page loaded: a child's path is its parent's and one step more."""
        parents = Page.objects.filter(pk__in=list(programme_ids)).values("path")
        return self.annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen)).filter(
            parent_path__in=parents
        )
