"""Read-only querysets for modules. Who may see which module is decided in modules.permissions;
`visible_to(user)` applies that rule to many modules at once, before anything is rendered."""

from wagtail.query import PageQuerySet

from .permissions import module_visibility_q


class ModulePageQuerySet(PageQuerySet):
    def visible_to(self, user, now=None):
        """Modules this person may open now: see `modules.permissions.module_visibility_q`."""
        return self.filter(module_visibility_q(user, now=now))
