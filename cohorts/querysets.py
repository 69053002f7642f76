"""Read-only querysets that say what they select, and the object-level scoping of every role.

`visible_to(user)` is the one place that says which cohorts, sessions, enrolments (and their
history), attendance marks and certificates a person may see; the admin's listings and choosers
use it too (accounts.admin_scoping):
- a programme manager: everything;
- a facilitator: the cohorts they are assigned to, and everything on them;
- a nominator: the cohorts their organisation has seats or officers on, and their own
  organisation's officers' records only;
- a participant: their own cohorts and their own records.
A person may hold several roles (a nominator can also be a participant): what they see is the
union.
"""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from accounts.roles import is_facilitator, is_nominator, is_programme_manager


def _scope(queryset, user, *, facilitator=None, nominator=None, participant=None):
    """Filter `queryset` to the union of what each of the user's roles may see."""
    if not user or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_programme_manager(user):
        return queryset
    condition = Q(pk__in=[])
    if facilitator is not None and is_facilitator(user):
        condition |= facilitator
    if nominator is not None and is_nominator(user):
        condition |= nominator
    if participant is not None:
        condition |= participant
    return queryset.filter(condition).distinct()


def _related_model(queryset, field_name):
    """The model a foreign key points at (the querysets are defined before the models)."""
    return queryset.model._meta.get_field(field_name).related_model


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _scope(self, user, nominator=Q(nominators=user))

    def nominated_by(self, user):
        """The organisations this person enrols officers for."""
        return self.filter(nominators=user)


class CohortQuerySet(models.QuerySet):
    def with_programme_title(self):
        """Each cohort with its programme's title, which is all its name (`str(cohort)`) needs:
        for lists, where loading the programme pages would cost more than the rest."""
        return self.annotate(programme_title=F("programme__title"))

    def facilitated_by(self, user):
        return self.filter(facilitators=user)

    def visible_to(self, user):
        return _scope(
            self,
            user,
            facilitator=Q(facilitators=user),
            nominator=Q(seat_allocations__organisation__nominators=user)
            | Q(enrolments__organisation__nominators=user),
            participant=Q(enrolments__participant=user),
        )


class CohortSessionQuerySet(models.QuerySet):
    def scheduled(self):
        """Sessions that count towards completion: not cancelled (`CohortSession.is_scheduled`
        says the same of one session)."""
        return self.filter(cancelled_at__isnull=True)

    def cancelled(self):
        return self.filter(cancelled_at__isnull=False)

    def held(self, now=None):
        """Scheduled sessions that have started by `now`: those held so far
        (`CohortSession.is_held` says the same of one session)."""
        return self.scheduled().filter(starts_at__lte=now or timezone.now())

    def visible_to(self, user):
        cohorts = _related_model(self, "cohort").objects.visible_to(user)
        return self.filter(cohort__in=cohorts.values("pk"))


class EnrolmentQuerySet(models.QuerySet):
    def holding_seats(self):
        """Enrolments that take up one of their cohort's seats (Enrolment.SEAT_HOLDING)."""
        return self.filter(status__in=self.model.SEAT_HOLDING)

    def active(self):
        """People taking part, or who took part: those on registers (Enrolment.ACTIVE)."""
        return self.filter(status__in=self.model.ACTIVE)

    def visible_to(self, user):
        return _scope(
            self,
            user,
            facilitator=Q(cohort__facilitators=user),
            nominator=Q(organisation__nominators=user),
            participant=Q(participant=user),
        )


class EnrolmentEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The history of the enrolments this person may see (as the cohort's history page)."""
        enrolments = _related_model(self, "enrolment").objects.visible_to(user)
        return self.filter(enrolment__in=enrolments.values("pk"))


class AttendanceMarkQuerySet(models.QuerySet):
    def visible_to(self, user):
        enrolments = _related_model(self, "enrolment").objects.visible_to(user)
        return self.filter(enrolment__in=enrolments.values("pk"))


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def visible_to(self, user):
        enrolments = _related_model(self, "enrolment").objects.visible_to(user)
        return self.filter(enrolment__in=enrolments.values("pk"))
