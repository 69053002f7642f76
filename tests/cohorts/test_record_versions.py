"""A cohort's record has a version that changes whenever anything its pages show changes, so a
result worked out for a whole cohort (the dashboard's at-risk count) can be kept under it and is
never read stale: every way of changing the record, through the services as people do, moves
the version of that cohort and no other."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.utils import timezone

from cohorts import record_versions
from cohorts.attendance.apologies import apologies_send
from cohorts.attendance.register import register_save
from cohorts.certificates.emails import certificate_emails_send
from cohorts.completion.services import completion_sign_off
from cohorts.enrolment import services as enrolment_services
from cohorts.models import AttendanceMark, Enrolment
from cohorts.record_versions import cached_for_cohorts, cohort_record_versions
from modules.services import module_progress_complete
from personal_data.services import person_erase
from tests.accounts.factories import UserFactory
from tests.cohorts.deploys import migrated
from tests.cohorts.factories import (
    CertificateFactory,
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)
from tests.cohorts.nomination_world import make_world, officer
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


def _session(cohort, days):
    start = timezone.now() + dt.timedelta(days=days)
    return CohortSessionFactory(
        cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )


@pytest.fixture
def w():
    facilitator = UserFactory(facilitator=True)
    programme = ProgrammePageFactory()
    rule = CompletionRuleFactory(programme=programme)
    cohort = CohortFactory(programme=programme, running=True, facilitators=[facilitator])
    other = CohortFactory(programme=ProgrammePageFactory(), running=True)
    enrolment = EnrolmentFactory(
        cohort=cohort, status=Enrolment.Status.CONFIRMED, organisation=OrganisationFactory()
    )
    EnrolmentFactory(cohort=other, status=Enrolment.Status.CONFIRMED)
    return SimpleNamespace(
        facilitator=facilitator,
        programme=programme,
        rule=rule,
        cohort=cohort,
        other=other,
        enrolment=enrolment,
        held=_session(cohort, -1),
        to_come=_session(cohort, 7),
        module=ModulePageFactory(parent=programme),
        manager=UserFactory(programme_manager=True),
    )


def _register(w):
    register_save(
        session=w.held,
        entries={w.enrolment.pk: (AttendanceMark.Status.ABSENT, "")},
        recorded_by=w.facilitator,
    )


def _session_moved(w):
    w.to_come.starts_at += dt.timedelta(hours=1)
    w.to_come.ends_at += dt.timedelta(hours=1)
    w.to_come.save()


def _rule_changed(w):
    w.rule.min_share_attended = 50
    w.rule.save()


def _module_required(w):
    w.rule.required_modules.add(w.module)


def _module_completed(w):
    module_progress_complete(participant=w.enrolment.participant, module=w.module)


def _renamed(w):
    w.enrolment.participant.last_name = "Renamed"
    w.enrolment.participant.save()


def _organisation_renamed(w):
    w.enrolment.organisation.name = "Renamed Constabulary"
    w.enrolment.organisation.save()


def _place_renamed(w):
    w.cohort.place.name = "Renamed place"
    w.cohort.place.save()


def _programme_renamed(w):
    w.programme.title = "Renamed Academy"
    w.programme.save_revision().publish()


def _seats_changed(w):
    allocation = SeatAllocationFactory(cohort=w.cohort, seats=2)
    allocation.seats = 3
    allocation.save()


def _seated_organisation_renamed(w):
    # An organisation with seats on the cohort and no officer on it yet.
    organisation = SeatAllocationFactory(cohort=w.cohort).organisation
    before = cohort_record_versions([w.cohort.pk])
    organisation.name = "Renamed Fire and Rescue"
    organisation.save()
    assert cohort_record_versions([w.cohort.pk]) != before


def _withdrawn(w):
    enrolment_services.enrolment_withdraw(actor=w.manager, enrolment=w.enrolment)


CHANGES = {
    "a register saved": _register,
    "apologies sent": lambda w: apologies_send(
        enrolment=w.enrolment, session=w.to_come, reason="Court"
    ),
    "a session moved": _session_moved,
    "a session removed": lambda w: w.to_come.delete(),
    "a facilitator's sign-off": lambda w: completion_sign_off(
        enrolment=w.enrolment, signed_off_by=w.facilitator
    ),
    "a certificate": lambda w: CertificateFactory(enrolment=w.enrolment),
    "the completion rule changed": _rule_changed,
    "a module required": _module_required,
    "a module completed": _module_completed,
    "a participant renamed": _renamed,
    "their organisation renamed": _organisation_renamed,
    "an organisation with seats renamed": _seated_organisation_renamed,
    "its seats changed": _seats_changed,
    "its place renamed": _place_renamed,
    "its programme renamed": _programme_renamed,
    "a place withdrawn": _withdrawn,
    "a participant erased": lambda w: person_erase(person=w.enrolment.participant, actor=w.manager),
    "the cohort itself": lambda w: w.cohort.save(),
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_to_a_cohorts_record_moves_its_version_and_no_other(w, change):
    before = cohort_record_versions([w.cohort.pk, w.other.pk])

    CHANGES[change](w)

    after = cohort_record_versions([w.cohort.pk, w.other.pk])
    assert after[w.cohort.pk] != before[w.cohort.pk]
    assert after[w.other.pk] == before[w.other.pk]


def test_officers_nominated_together_move_their_cohorts_version():
    """Nominations are written in bulk, which the models' signals do not see."""
    world = make_world()
    before = cohort_record_versions([world.cohort.pk])[world.cohort.pk]

    enrolment_services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )

    assert cohort_record_versions([world.cohort.pk])[world.cohort.pk] != before


def test_signing_in_leaves_the_version_alone(w, client):
    before = cohort_record_versions([w.cohort.pk])
    client.force_login(w.enrolment.participant)
    assert cohort_record_versions([w.cohort.pk]) == before


def test_a_kept_result_is_read_until_the_record_changes(w):
    worked_out = []

    def compute(cohorts):
        worked_out.append(sorted(c.pk for c in cohorts))
        return {c.pk: f"result for {c.pk}" for c in cohorts}

    def read():
        return cached_for_cohorts("test", [w.cohort, w.other], compute)

    assert read() == {
        w.cohort.pk: f"result for {w.cohort.pk}",
        w.other.pk: f"result for {w.other.pk}",
    }
    read()
    _register(w)
    read()

    assert worked_out == [sorted([w.cohort.pk, w.other.pk]), [w.cohort.pk]]


def test_what_else_a_result_depends_on_is_part_of_its_key(w):
    worked_out = []

    def compute(cohorts):
        worked_out.append(len(worked_out))
        return {c.pk: len(worked_out) for c in cohorts}

    first = cached_for_cohorts("test", [w.cohort], compute, extra=lambda c: "before")
    again = cached_for_cohorts("test", [w.cohort], compute, extra=lambda c: "before")
    later = cached_for_cohorts("test", [w.cohort], compute, extra=lambda c: "after")

    assert first == again != later


def test_a_version_lost_from_the_cache_never_comes_back_as_an_old_one(w):
    """Evicted, or the cache restarted: it starts again from the clock, so a result kept under
    an old version is never read as current."""
    first = cohort_record_versions([w.cohort.pk])[w.cohort.pk]
    record_versions._cache().clear()
    again = cohort_record_versions([w.cohort.pk])[w.cohort.pk]
    assert again > first


def test_a_migration_makes_every_kept_result_stale(w):
    """Every deploy migrates: what the code before it worked out, or from the data before a
    data migration, is never read after."""
    worked_out = []

    def compute(cohorts):
        worked_out.append(1)
        return {c.pk: "result" for c in cohorts}

    cached_for_cohorts("test", [w.cohort], compute)
    migrated()
    cached_for_cohorts("test", [w.cohort], compute)
    assert len(worked_out) == 2


def test_a_value_kept_with_its_version_is_read_with_the_current_version(w):
    """`version_and_kept`: one cache read for both, so a page can tell a value kept at an older
    version from a current one."""
    version, kept = record_versions.version_and_kept(w.cohort.pk, "test-kept")
    assert kept is None
    assert version == cohort_record_versions([w.cohort.pk])[w.cohort.pk]
    record_versions._cache().set("test-kept", {"version": version})
    _register(w)
    moved, kept = record_versions.version_and_kept(w.cohort.pk, "test-kept")
    assert kept == {"version": version} and moved != version
    assert moved == cohort_record_versions([w.cohort.pk])[w.cohort.pk]


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "records": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_without_a_shared_cache_nothing_is_kept(w):
    """Production without Redis: each process would keep its own copy, which another process's
    change would not reach, so results are worked out every time."""
    worked_out = []

    def compute(cohorts):
        worked_out.append(1)
        return {c.pk: "result" for c in cohorts}

    cached_for_cohorts("test", [w.cohort], compute)
    cached_for_cohorts("test", [w.cohort], compute)
    assert len(worked_out) == 2


def test_a_required_module_published_with_a_new_title_moves_the_version_a_draft_does_not(w):
    """The completion page names the modules still to complete."""
    _module_required(w)
    before = cohort_record_versions([w.cohort.pk, w.other.pk])
    w.module.title = "Renamed module"
    w.module.save_revision()  # a draft: nothing shown has changed
    assert cohort_record_versions([w.cohort.pk, w.other.pk]) == before

    w.module.save_revision().publish()

    after = cohort_record_versions([w.cohort.pk, w.other.pk])
    assert after[w.cohort.pk] != before[w.cohort.pk]
    assert after[w.other.pk] == before[w.other.pk]


def test_a_required_module_deleted_moves_the_version(w):
    _module_required(w)
    before = cohort_record_versions([w.cohort.pk])
    w.module.delete()
    assert cohort_record_versions([w.cohort.pk]) != before


def test_a_certificate_emailed_moves_the_version(w):
    """Written in bulk (`certificate_emails_send`), which the models' signals do not see."""
    certificate = CertificateFactory(enrolment=w.enrolment)
    before = cohort_record_versions([w.cohort.pk, w.other.pk])

    certificate_emails_send.call([certificate.pk])

    certificate.refresh_from_db()
    assert certificate.email_sent_at is not None
    after = cohort_record_versions([w.cohort.pk, w.other.pk])
    assert after[w.cohort.pk] != before[w.cohort.pk]
    assert after[w.other.pk] == before[w.other.pk]
