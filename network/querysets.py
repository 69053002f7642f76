"""Who sees what in the network: the one scoping rule for each model (`visible_to(user)`)."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from accounts.permissions import signed_in
from accounts.roles import is_programme_manager


class ChampionProfileQuerySet(models.QuerySet):
    def listed(self):
        """In the directory: champions who have opted in and not withdrawn."""
        return self.filter(status="listed", person__is_active=True)

    def visible_to(self, user):
        """Signed-in people see listed champions and their own profile; programme managers see
        every profile, whatever its state."""
        if not signed_in(user):
            return self.none()
        if is_programme_manager(user):
            return self
        return self.filter(Q(status="listed", person__is_active=True) | Q(person=user))

    def with_mentees_taken(self):
        """Each with `places_taken`: requests waiting for an answer and accepted mentorings."""
        return self.annotate(
            places_taken=Count(
                "mentorings", filter=Q(mentorings__status__in=["requested", "accepted"])
            )
        )


class MentoringQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=["requested", "accepted"])

    def of(self, user):
        """Mentorings `user` is in, as champion or mentee."""
        return self.filter(Q(mentee=user) | Q(champion__person=user))

    def visible_to(self, user):
        """The two people in it; programme managers see every match (never its note: the
        views that show matches to managers do not show notes)."""
        if not signed_in(user):
            return self.none()
        if is_programme_manager(user):
            return self
        return self.of(user)


class RoundTableQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Invitation only: the people invited to it, and programme managers. Anyone else is
        told it does not exist."""
        if not signed_in(user):
            return self.none()
        if is_programme_manager(user):
            return self
        return self.filter(invitations__person=user).distinct()

    def attended_by(self, user):
        """Round tables `user` accepted: they may see how to join, and the notes."""
        return self.filter(invitations__person=user, invitations__status="accepted")

    def with_published_summary(self):
        return self.filter(summary_published_at__isnull=False).exclude(summary="")


class OpenSessionQuerySet(models.QuerySet):
    def coming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def visible_to(self, user):
        """Open sessions are for everyone signed in."""
        if not signed_in(user):
            return self.none()
        return self

    def with_booked(self):
        return self.annotate(
            booked=Count("bookings", filter=Q(bookings__status="booked")),
            waiting=Count("bookings", filter=Q(bookings__status="waiting")),
        )
