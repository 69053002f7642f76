"""Changes after the fact are explicit: adding a cohort session, or changing the completion
rule, on a cohort that already has certificates or sign-offs shows the programme manager who
would change standing (`standing_changes_preview`) and saves only once confirmed. A session
people were told of is never removed: it is cancelled instead, with the same preview. Issued
certificates stay valid, and the screen says so."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts.completion.changes import standing_changes_preview
from cohorts.models import LONDON, Certificate, CohortSession, CompletionRule
from cohorts.setup.services import cohort_session_add
from tests.cohorts.certificate_helpers import S, World
from tests.cohorts.factories import CertificateFactory

pytestmark = pytest.mark.django_db

NEW_SESSION = dt.datetime(2025, 2, 4, 9, 30, tzinfo=LONDON)  # within the cohort's dates


@pytest.fixture
def world():
    """Four sessions, three of them needed (75%). Ada attended three and holds a certificate;
    Ben attended all four; Cai two (not completed)."""
    world = World(min_sessions_attended=None, min_share_attended=75)
    world.ada = world.enrol([S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT], first_name="Ada")
    world.ben = world.enrol([S.PRESENT] * 4, first_name="Ben")
    world.cai = world.enrol([S.PRESENT, S.PRESENT, S.ABSENT, S.ABSENT], first_name="Cai")
    world.certificate = CertificateFactory(enrolment=world.ada, sessions_attended=3)
    return world


def cohort_data(cohort, *, sessions, new=()):
    """What the cohort screen posts: the cohort as it is, `sessions` kept (others deleted) and
    `new` sessions added (title, start)."""
    data = {
        "programme": cohort.programme_id,
        "name": cohort.name,
        "place": cohort.place_id or "",
        "starts_on": f"{cohort.starts_on}",
        "ends_on": f"{cohort.ends_on}",
        "capacity": str(cohort.capacity),
        "status": cohort.status,
        "target_min_sectors": "4",
        "target_max_share_percent": "40",
        "checkin_opens_minutes_before": "30",
        "checkin_closes_minutes_after": "120",
        "seat_allocations-TOTAL_FORMS": "0",
        "seat_allocations-INITIAL_FORMS": "0",
        "seat_allocations-MIN_NUM_FORMS": "0",
        "seat_allocations-MAX_NUM_FORMS": "1000",
    }
    existing = list(cohort.sessions.order_by("starts_at"))
    rows = [(s, s.title, s.starts_at) for s in existing] + [(None, t, at) for t, at in new]
    for i, (session, title, at) in enumerate(rows):
        local = at.astimezone(LONDON)
        data |= {
            f"sessions-{i}-id": str(session.pk) if session else "",
            f"sessions-{i}-title": title,
            f"sessions-{i}-starts_at": f"{local:%Y-%m-%d %H:%M}",
            f"sessions-{i}-ends_at": f"{local + dt.timedelta(hours=3):%Y-%m-%d %H:%M}",
            f"sessions-{i}-venue": "County Hall",
            f"sessions-{i}-joining_url": "",
            f"sessions-{i}-DELETE": "" if session is None or session in sessions else "1",
        }
    data |= {
        "sessions-TOTAL_FORMS": str(len(rows)),
        "sessions-INITIAL_FORMS": str(len(existing)),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    return data


def confirmation(html):
    return re.search(r'name="confirm_standing_changes" id="[^"]+" value="([0-9a-f]+)"', html)[1]


def cohort_edit(cohort):
    return reverse("wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk])


# --- The one calculation ---


def test_a_session_added_raises_what_is_needed_and_names_who_no_longer_meets_the_rule(world):
    added = CohortSession(
        cohort=world.cohort,
        title="Extra",
        starts_at=NEW_SESSION,
        ends_at=NEW_SESSION + dt.timedelta(hours=3),
    )
    preview = standing_changes_preview(cohorts=[world.cohort], sessions=[*world.sessions, added])
    assert [c.enrolment for c in preview.changes] == [world.ada]
    [change] = preview.changes
    assert change.no_longer_meets_rule and change.holds_certificate
    assert (change.before.sessions_needed, change.after.sessions_needed) == (3, 4)
    assert preview.needs_confirming
    assert preview.summary[0] == (
        "1 person would no longer meet the completion rule; 1 of them holds a certificate."
    )
    assert any("stay valid" in line for line in preview.summary)


def test_a_session_removed_counts_the_marks_that_would_go_with_it(world):
    kept = world.sessions[1:]  # Ada and Cai were present at the first
    preview = standing_changes_preview(cohorts=[world.cohort], sessions=kept)
    assert preview.removed_sessions == world.sessions[:1]
    assert preview.marks_lost == 3
    assert [c.enrolment for c in preview.no_longer_meet] == [world.ada]


def test_a_session_cancelled_loses_no_marks_but_still_names_who_it_would_move(world):
    kept = world.sessions[1:]  # Ada and Cai were present at the first
    preview = standing_changes_preview(cohorts=[world.cohort], sessions=kept, cancelling=True)
    assert preview.marks_lost == 0
    assert [c.enrolment for c in preview.no_longer_meet] == [world.ada]
    assert not any("deleted" in line for line in preview.summary)


def test_a_session_removed_that_moves_nobody_still_needs_confirming_for_its_marks(world):
    # Ada missed the last session: without it, three of three are needed and she has them.
    preview = standing_changes_preview(cohorts=[world.cohort], sessions=world.sessions[:3])
    assert not preview.changes
    assert preview.marks_lost == 3 and preview.needs_confirming


def test_a_rule_change_that_moves_nobody_needs_no_confirming(world):
    proposed = CompletionRule.objects.get(pk=world.rule.pk)
    proposed.left_early_counts = False  # nobody left early
    preview = standing_changes_preview(cohorts=[world.cohort], rule=proposed)
    assert not preview.changes and not preview.needs_confirming


def test_a_rule_not_saved_yet_is_measured_with_its_own_required_modules(world):
    proposed = CompletionRule.objects.get(pk=world.rule.pk)
    proposed.min_share_attended = 100
    preview = standing_changes_preview(cohorts=[world.cohort], rule=proposed)
    assert [c.enrolment for c in preview.no_longer_meet] == [world.ada]
    world.rule.refresh_from_db()
    assert world.rule.min_share_attended == 75


def test_the_preview_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    for _ in range(12):
        world.enrol([S.PRESENT] * 3)
    with django_assert_max_num_queries(16):
        preview = standing_changes_preview(cohorts=[world.cohort], sessions=world.sessions[1:])
    assert len(preview.changes) >= 13


# --- The cohort screen ---


def test_adding_a_session_shows_who_would_change_standing_and_saves_nothing(client, manager, world):
    client.force_login(manager)
    data = cohort_data(world.cohort, sessions=world.sessions, new=[("Extra", NEW_SESSION)])
    response = client.post(cohort_edit(world.cohort), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 person would no longer meet the completion rule; 1 of them holds a certificate" in (
        html
    )
    assert str(world.ada.participant) in html and str(world.ben.participant) not in html
    assert "stays valid" in html
    assert world.cohort.sessions.count() == 4


def test_the_change_is_saved_once_confirmed_and_the_certificate_stays_valid(client, manager, world):
    client.force_login(manager)
    data = cohort_data(world.cohort, sessions=world.sessions, new=[("Extra", NEW_SESSION)])
    shown = client.post(cohort_edit(world.cohort), data).content.decode()
    response = client.post(
        cohort_edit(world.cohort), data | {"confirm_standing_changes": confirmation(shown)}
    )
    assert response.status_code == 302
    assert world.cohort.sessions.count() == 5
    assert not Certificate.objects.get(pk=world.certificate.pk).is_revoked


def test_a_confirmation_given_for_another_preview_does_not_count(client, manager, world):
    client.force_login(manager)
    added = cohort_data(world.cohort, sessions=world.sessions, new=[("Extra", NEW_SESSION)])
    shown = client.post(cohort_edit(world.cohort), added).content.decode()
    # The manager then adds a second session as well: a different change, shown again.
    later = NEW_SESSION + dt.timedelta(days=1)
    two = cohort_data(
        world.cohort, sessions=world.sessions, new=[("Extra", NEW_SESSION), ("More", later)]
    )
    response = client.post(
        cohort_edit(world.cohort), two | {"confirm_standing_changes": confirmation(shown)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert confirmation(page) != confirmation(shown)
    assert world.cohort.sessions.count() == 4


def test_a_session_that_took_place_is_never_removed(client, manager, world):
    """Its marks are the record certificates were issued on; a session that did not take place
    is cancelled instead (from the sessions page, with the same preview of who would change)."""
    client.force_login(manager)
    response = client.post(
        cohort_edit(world.cohort), cohort_data(world.cohort, sessions=world.sessions[:3])
    )
    assert response.status_code == 200
    assert "it took place, so it stays in the cohort" in response.content.decode()
    assert world.cohort.sessions.count() == 4


def test_a_cohort_without_certificates_or_sign_offs_saves_without_asking(client, manager, world):
    world.certificate.delete()
    client.force_login(manager)
    data = cohort_data(world.cohort, sessions=world.sessions, new=[("Extra", NEW_SESSION)])
    assert client.post(cohort_edit(world.cohort), data).status_code == 302
    assert world.cohort.sessions.count() == 5


# --- The completion rule screen ---


def rule_data(rule, **changes):
    data = {
        "programme": rule.programme_id,
        "min_sessions_attended": rule.min_sessions_attended or "",
        "min_share_attended": rule.min_share_attended or "",
        "late_counts": "on",
        "left_early_counts": "on",
    }
    return data | changes


def test_changing_the_rule_shows_who_would_no_longer_meet_it_then_saves_when_confirmed(
    client, manager, world
):
    client.force_login(manager)
    url = reverse("wagtailsnippets_cohorts_completionrule:edit", args=[world.rule.pk])
    data = rule_data(world.rule, min_share_attended="100")
    shown = client.post(url, data)
    assert shown.status_code == 200
    html = shown.content.decode()
    assert "1 person would no longer meet the completion rule" in html
    assert str(world.ada.participant) in html
    world.rule.refresh_from_db()
    assert world.rule.min_share_attended == 75
    confirmed = client.post(url, data | {"confirm_standing_changes": confirmation(html)})
    assert confirmed.status_code == 302
    world.rule.refresh_from_db()
    assert world.rule.min_share_attended == 100
    assert not Certificate.objects.get(pk=world.certificate.pk).is_revoked


# --- The service ---


def test_the_service_refuses_a_session_that_moves_someone_unless_confirmed(world):
    times = {"starts_at": NEW_SESSION, "ends_at": NEW_SESSION + dt.timedelta(hours=3)}
    with pytest.raises(ValidationError, match="Ada"):
        cohort_session_add(cohort=world.cohort, title="Extra", **times)
    assert world.cohort.sessions.count() == 4
    cohort_session_add(cohort=world.cohort, title="Extra", confirm_standing_changes=True, **times)
    assert world.cohort.sessions.count() == 5
