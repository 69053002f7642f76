"""Who sees which notifications: the one scoping rule for the record of what was sent.

- a programme manager: every notification;
- anyone: those sent to them;
- a nominator: also those about their organisation's officers (which people those are, the
  cohorts app answers through the VISIBLE_PEOPLE hook, so this app imports it not).
"""

from django.db import models
from django.db.models import Q
from wagtail import hooks

from accounts.roles import is_programme_manager

# fn(user) -> a queryset of user ids whose notifications `user` may also see, or None.
VISIBLE_PEOPLE = "notifications_visible_people"


def people_in_care_of(user):
    """The ids of the people (besides themself) whose notifications `user` may see."""
    condition = Q(pk__in=[])
    for answer in hooks.get_hooks(VISIBLE_PEOPLE):
        people = answer(user)
        if people is not None:
            condition |= Q(about__in=people)
    return condition


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if is_programme_manager(user):
            return self
        return self.filter(Q(recipient=user) | people_in_care_of(user))

    def sent_to(self, user):
        """A person's own notifications."""
        return self.filter(recipient=user)
