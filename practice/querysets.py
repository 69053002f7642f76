"""Read-only querysets for the good practice database. `visible_to(user)` is the one scoping rule:
search, filters and their counts, listings, module blocks, question sets, their downloads and
documents (its answer to modules.participation.DOCUMENT_PERMISSION) all go through it."""

from django.db import models
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from accounts.permissions import signed_in
from accounts.roles import is_programme_manager

from .caching import kept


def visibility_key(user):
    """Who sees the same case studies under `visible_to`: strangers ("public"), programme
    managers ("managers") and everyone else signed in ("members"). Kept beside the rule it
    summarises; search answers are shared within each (practice.search)."""
    if not signed_in(user):
        return "public"
    if is_programme_manager(user):
        return "managers"
    return "members"


def _restricted_paths():
    """(path, restriction type) of every page behind a Wagtail privacy setting."""
    return kept(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "restriction_type")),
    )


class CaseStudyPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """The case studies this person may open: published ones; members-only ones only when
        they are signed in. Wagtail's own privacy settings, if a programme manager sets one on a
        page, hold too: a page behind a password or for certain groups is listed only to
        programme managers, and behind "signed in" only to signed-in people."""
        published = self.live()
        if is_programme_manager(user):
            return published
        member = signed_in(user)
        if not member:
            published = published.filter(members_only=False)
        for path, kind in _restricted_paths():
            if not member or kind != PageViewRestriction.LOGIN:
                published = published.exclude(path__startswith=path)
        return published

    def members_only(self):
        return self.filter(members_only=True)


class CaseStudyProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Proposers see their own proposals; programme managers see every proposal."""
        if not signed_in(user):
            return self.none()
        if is_programme_manager(user):
            return self
        return self.filter(proposed_by=user)


class QuestionSetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A question set is its peer team member's own; programme managers see them all."""
        if not signed_in(user):
            return self.none()
        if is_programme_manager(user):
            return self
        return self.filter(created_by=user)
