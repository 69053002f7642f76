"""`manage.py load_demo_data`: what `make demo` promises a newcomer they can click around in."""

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Site

from accounts.models import User
from cohorts.completion.standing import Standing, standings_for
from cohorts.models import (
    LONDON,
    Apology,
    AttendanceMark,
    AttendanceMarkChange,
    Certificate,
    CertificateEvent,
    Cohort,
    CohortSession,
    CompletionRule,
    CompletionSignOff,
    CompletionSignOffEvent,
    Enrolment,
    EnrolmentEvent,
    Organisation,
    Place,
    Sector,
)
from content.models import HomePage, StandardPage
from modules.models import ModulePage, ModuleProgress, ProgrammePage

PASSWORD = "academy-demo"
LOGINS = ["manager", "facilitator", "nominator", "participant"]


def load_demo_data():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the tests that only read it: loading takes seconds. It is
    loaded inside a transaction that is rolled back after the last of them, so every other
    test still starts from an empty database."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo_data()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def programme(slug):
    return ProgrammePage.objects.get(slug=slug)


def running_cohort():
    return Cohort.objects.get(status=Cohort.Status.RUNNING)


def closed_cohort():
    return Cohort.objects.get(status=Cohort.Status.CLOSED)


def test_refused_when_the_settings_do_not_allow_demo_data(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="not allowed"):
        load_demo_data()
    assert not ProgrammePage.objects.exists()
    assert not User.objects.filter(email__endswith="@academy.example").exists()


def test_replaces_wagtails_welcome_page_on_a_fresh_site(db):
    # A fresh database has Wagtail's welcome page as the site root and no home page.
    root = Page.get_first_root_node()
    HomePage.objects.all().delete()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.update(root_page=welcome)

    load_demo_data()

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert home.live and "Digital Academy" in home.intro


class TestTheLoadedDemo:
    """Loaded once for the whole class (see `demo`); each test runs in its own savepoint."""

    def test_demo_has_both_programmes_with_live_modules_built_from_the_learning_blocks(self, demo):
        digital = programme("digital-academy")
        members = programme("member-leadership-academy")
        assert digital.live and members.live
        assert digital.get_parent().specific_class is HomePage
        digital_modules = ModulePage.objects.child_of(digital).live()
        assert digital_modules.count() == 8
        assert ModulePage.objects.child_of(members).live().count() == 4
        for module in ModulePage.objects.live():
            assert module.summary
            assert 3 <= len(module.learning_outcomes) <= 4
            assert module.estimated_minutes > 0
            kinds = {block.block_type for block in module.body}
            assert {"heading", "paragraph", "callout", "activity", "key_takeaways"} <= kinds
            assert "further_reading" in kinds
            # Nothing that needs the network or uploaded files to show.
            assert not kinds & {"video", "image", "document"}
            assert len(module.reflection_prompts()) == 1
            assert not module.has_unpublished_changes

    def test_each_programme_has_its_completion_rule(self, demo):
        digital_rule = CompletionRule.objects.get(programme=programme("digital-academy"))
        assert digital_rule.min_share_attended == 75
        assert digital_rule.late_counts and not digital_rule.left_early_counts
        assert digital_rule.required_modules.count() == 2
        members_rule = CompletionRule.objects.get(programme=programme("member-leadership-academy"))
        assert members_rule.min_sessions_attended == 3

    def test_running_cohort_has_sessions_behind_it_and_ahead_of_it(self, demo):
        cohort = running_cohort()
        now = timezone.now()
        sessions = list(cohort.sessions.prefetch_related("modules"))
        assert cohort.programme.slug == "digital-academy"
        assert len(sessions) == 8
        assert 3 <= len([s for s in sessions if s.ends_at < now]) <= 5
        assert 3 <= len([s for s in sessions if s.starts_at > now]) <= 5
        for session in sessions:
            local = timezone.localtime(session.starts_at, LONDON).date()
            assert cohort.starts_on <= local <= cohort.ends_on
            assert len(session.modules.all()) == 1
            assert session.venue or session.joining_url
        assert len([s for s in sessions if s.joining_url and not s.venue]) == 1
        assert len({s.modules.all()[0].pk for s in sessions}) == 8
        assert (cohort.ends_on - cohort.starts_on) > dt.timedelta(days=180)

    def test_running_cohort_mixes_two_dozen_officers_from_every_sector(self, demo):
        cohort = running_cohort()
        enrolments = cohort.enrolments.select_related("organisation")
        assert 20 <= enrolments.count() <= cohort.capacity
        assert {e.status for e in enrolments} == {Enrolment.Status.CONFIRMED}
        assert len({e.organisation_id for e in enrolments}) >= 6
        assert {e.organisation.sector for e in enrolments} == set(Sector.values)
        assert sum(a.seats for a in cohort.seat_allocations.all()) == cohort.capacity
        assert cohort.facilitators.filter(username="facilitator").exists()
        participant = enrolments.get(participant__username="participant")
        assert participant.organisation.sector == Sector.POLICE
        assert participant.nominated_by.username == "nominator"

    def test_every_officer_has_a_mark_for_every_session_held_and_none_for_those_to_come(self, demo):
        cohort = running_cohort()
        now = timezone.now()
        held = cohort.sessions.filter(starts_at__lte=now)
        marks = AttendanceMark.objects.filter(session__cohort=cohort)
        assert marks.count() == cohort.enrolments.count() * held.count()
        assert not marks.filter(session__starts_at__gt=now).exists()
        statuses = list(marks.values_list("status", flat=True))
        assert statuses.count(AttendanceMark.Status.PRESENT) > len(statuses) * 0.7
        assert {AttendanceMark.Status.LATE, AttendanceMark.Status.APOLOGIES} <= set(statuses)
        # The facilitator kept the registers; some checked themselves in at the last session.
        by_register = marks.filter(method=AttendanceMark.Method.REGISTER)
        assert set(by_register.values_list("recorded_by__username", flat=True)) == {"facilitator"}
        for mark in marks.filter(method=AttendanceMark.Method.SELF_CHECK_IN).select_related(
            "enrolment"
        ):
            assert mark.recorded_by_id == mark.enrolment.participant_id
            assert mark.session_id == held.order_by("-starts_at")[0].pk
        assert marks.filter(method=AttendanceMark.Method.SELF_CHECK_IN).exists()

    def test_running_cohort_participants_have_made_progress_through_the_modules(self, demo):
        cohort = running_cohort()
        progress = ModuleProgress.objects.filter(
            participant__enrolments__cohort=cohort, module__in=ModulePage.objects.all()
        )
        assert progress.completed().exists()
        assert progress.filter(completed_at__isnull=True).exists()
        own = ModuleProgress.objects.filter(participant__username="participant")
        assert own.completed().count() >= 2
        assert any(p.reflections for p in own)
        assert not progress.filter(opened_at__gt=timezone.now()).exists()

    def test_closed_cohort_certificates_are_frozen_from_their_enrolments(self, demo):
        cohort = closed_cohort()
        today = timezone.localdate()
        assert cohort.ends_on < today and cohort.starts_on.year < today.year
        certificates = Certificate.objects.filter(enrolment__cohort=cohort).select_related(
            "enrolment__participant"
        )
        assert certificates.count() == 14
        sessions = cohort.sessions.count()
        for certificate in certificates:
            enrolment = certificate.enrolment
            assert enrolment.status == Enrolment.Status.COMPLETED
            assert certificate.holder_name == enrolment.participant.get_full_name()
            assert certificate.programme_title == "Digital Academy"
            assert certificate.cohort_name == cohort.name
            assert certificate.place_name == cohort.place.name
            assert (certificate.starts_on, certificate.ends_on) == (
                cohort.starts_on,
                cohort.ends_on,
            )
            assert certificate.sessions_scheduled == sessions
            attended = enrolment.attendance_marks.filter(
                status__in=CompletionRule.objects.get(
                    programme__title="Digital Academy"
                ).attended_statuses()
            ).count()
            assert certificate.sessions_attended == attended >= 6
        # Every enrolment on the closed cohort has a mark for every one of its sessions.
        marks = AttendanceMark.objects.filter(session__cohort=cohort).count()
        assert marks == cohort.enrolments.count() * sessions
        # Names in any script come through as written.
        assert any(not c.holder_name.isascii() for c in certificates)

    def test_open_cohorts_leave_the_nominator_seats_to_fill(self, demo):
        kent_police = Organisation.objects.get(nominators__username="nominator")
        open_digital = Cohort.objects.get(
            status=Cohort.Status.OPEN, programme__slug="digital-academy"
        )
        assert open_digital.place != running_cohort().place
        assert open_digital.starts_on > timezone.localdate()
        allocation = open_digital.seat_allocations.get(organisation=kent_police)
        assert allocation.seats > open_digital.enrolments.filter(organisation=kent_police).count()
        assert Cohort.objects.filter(programme__slug="member-leadership-academy").count() == 1
        assert Place.objects.count() >= 2
        assert Organisation.objects.count() >= 7
        assert set(Organisation.objects.values_list("sector", flat=True)) == set(Sector.values)

    @pytest.mark.parametrize("login", LOGINS)
    def test_demo_people_sign_in_by_email_only(self, demo, login):
        by_email = authenticate(username=f"{login}@academy.example", password=PASSWORD)
        assert by_email is not None
        assert authenticate(username=login, password=PASSWORD) is None
        assert by_email.get_full_name()
        assert by_email.groups.filter(name=login.replace("manager", "programme-manager")).exists()

    def test_kent_police_signs_its_officers_in_through_the_local_provider(self, demo):
        from single_sign_on.demo import demo_config

        provider = Organisation.objects.get(name="Kent Police").identity_provider
        config = demo_config()
        assert provider.issuer_url == f"http://{config['host']}:{config['port']}"
        assert provider.password_sign_in_allowed
        callback = f"http://127.0.0.1:8000{provider.callback_path}"
        assert callback in config["clients"][0]["redirect_uris"]
        # Its demo accounts are Kent Police's demo officers, who exist in the demo.
        emails = [a["email"] for a in config["accounts"]]
        kent_police = Organisation.objects.get(name="Kent Police")
        officers = set(
            Enrolment.objects.filter(organisation=kent_police).values_list(
                "participant__email", flat=True
            )
        ) | set(kent_police.nominators.values_list("email", flat=True))
        assert set(emails) <= officers

    def test_loading_twice_leaves_exactly_one_copy(self, demo):
        before = {
            "pages": Page.objects.count(),
            "people": User.objects.count(),
            "cohorts": Cohort.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "marks": AttendanceMark.objects.count(),
            "certificates": Certificate.objects.count(),
            "progress": ModuleProgress.objects.count(),
            "organisations": Organisation.objects.count(),
            "rules": CompletionRule.objects.count(),
        }
        load_demo_data()
        after = {
            "pages": Page.objects.count(),
            "people": User.objects.count(),
            "cohorts": Cohort.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "marks": AttendanceMark.objects.count(),
            "certificates": Certificate.objects.count(),
            "progress": ModuleProgress.objects.count(),
            "organisations": Organisation.objects.count(),
            "rules": CompletionRule.objects.count(),
        }
        assert after == before
        assert ProgrammePage.objects.filter(slug="digital-academy").count() == 1
        assert authenticate(username="participant@academy.example", password=PASSWORD) is not None

    def test_home_page_links_to_the_programmes_and_the_standard_pages_are_live(self, demo, client):
        assert {p.slug for p in StandardPage.objects.live()} >= {
            "about",
            "accessibility",
            "privacy",
        }
        response = client.get("/")
        assert response.status_code == 200
        assert "Digital Academy" in response.text and "Member Leadership Academy" in response.text
        assert client.get("/about/").status_code == 200

    def test_prints_where_to_go_and_how_to_sign_in(self, demo):
        assert "http://127.0.0.1:8000" in demo
        assert "/admin/" in demo
        assert PASSWORD in demo
        for login in LOGINS:
            assert f"{login}@academy.example" in demo

    def test_manager_sees_the_running_cohorts_sessions_and_seats_in_the_admin(self, demo, client):
        manager = User.objects.get(username="manager")
        cohort = running_cohort()
        url = AdminURLFinder(manager).get_edit_url(cohort)
        assert url
        client.force_login(manager)
        response = client.get(url)
        assert response.status_code == 200
        html = response.text
        assert 'name="sessions-TOTAL_FORMS" value="8"' in html
        allocations = cohort.seat_allocations.count()
        assert f'name="seat_allocations-TOTAL_FORMS" value="{allocations}"' in html
        for session in cohort.sessions.all():
            assert session.title in html

    @pytest.mark.parametrize(
        ("login", "section"),
        [
            ("participant", "Your cohorts"),
            ("nominator", "Your organisation's officers"),
            ("facilitator", "Cohorts you facilitate"),
        ],
    )
    def test_each_demo_login_sees_their_roles_section_on_my_academy(
        self, demo, client, login, section
    ):
        client.force_login(User.objects.get(username=login))
        response = client.get("/my-academy/")
        assert response.status_code == 200
        assert section in response.text
        assert running_cohort().name in response.text

    # The demo is built through the services, so it keeps the rules they keep.

    def test_no_mark_on_a_session_that_has_not_started(self, demo):
        assert (
            not AttendanceMark.objects.exclude(status=AttendanceMark.Status.APOLOGIES)
            .filter(session__starts_at__gt=timezone.now())
            .exists()
        )
        assert AttendanceMark.objects.exists()

    def test_every_certificate_holder_meets_the_rule_and_reads_complete(self, demo):
        certificates = Certificate.objects.select_related(
            "enrolment__cohort__programme", "enrolment__participant"
        )
        assert certificates.count() == 14
        standings = standings_for([c.enrolment for c in certificates])
        for certificate in certificates:
            standing = standings[certificate.enrolment_id]
            assert standing.meets_rule and standing.standing == Standing.COMPLETE
            assert standing.sign_off is not None
            assert certificate.enrolment.status == Enrolment.Status.COMPLETED
        # The one who fell short has no certificate, and reads not completed.
        [short] = Enrolment.objects.filter(cohort=closed_cohort(), certificate__isnull=True)
        assert standings_for([short])[short.pk].standing == Standing.NOT_COMPLETED

    def test_certificates_carry_their_real_pdf_and_history(self, demo):
        for certificate in Certificate.objects.all():
            with certificate.pdf.open("rb") as stored:
                assert stored.read(5) == b"%PDF-"
            assert certificate.events.filter(action=CertificateEvent.Action.ISSUED).exists()
            assert certificate.issued_at.date() > closed_cohort().ends_on

    def test_no_cohort_holds_more_people_or_allocates_more_seats_than_its_capacity(self, demo):
        for cohort in Cohort.objects.all():
            held = Enrolment.objects.filter(cohort=cohort).holding_seats()
            allocations = dict(cohort.seat_allocations.values_list("organisation", "seats"))
            assert held.count() <= cohort.capacity
            assert sum(allocations.values()) <= cohort.capacity
            for organisation, n in Counter(held.values_list("organisation", flat=True)).items():
                assert n <= allocations.get(organisation, 0)

    def test_sessions_cover_their_own_programmes_modules_and_facilitators_hold_the_role(self, demo):
        for session in CohortSession.objects.select_related("cohort__programme"):
            programme = session.cohort.programme
            for module in session.modules.all():
                assert module.get_parent().pk == programme.pk
        for cohort in Cohort.objects.prefetch_related("facilitators"):
            assert cohort.facilitators.exists()
            for person in cohort.facilitators.all():
                assert person.groups.filter(name="facilitator").exists()

    def test_every_change_is_in_the_cohorts_history(self, demo):
        for enrolment in Enrolment.objects.all():
            actions = set(enrolment.events.values_list("action", flat=True))
            assert EnrolmentEvent.Action.NOMINATED in actions
            if enrolment.status in Enrolment.ACTIVE:
                assert EnrolmentEvent.Action.CONFIRMED in actions
            if enrolment.status == Enrolment.Status.COMPLETED:
                assert EnrolmentEvent.Action.COMPLETED in actions
        first_recordings = AttendanceMarkChange.objects.filter(previous_status="")
        assert first_recordings.count() == AttendanceMark.objects.count()
        # The facilitator corrected one mark after a session.
        assert AttendanceMarkChange.objects.exclude(previous_status="").count() == 1
        assert CompletionSignOffEvent.objects.count() == CompletionSignOff.objects.count() == 14

    def test_apologies_marked_were_sent_before_the_session(self, demo):
        marks = AttendanceMark.objects.filter(status=AttendanceMark.Status.APOLOGIES)
        assert marks.exists()
        for mark in marks.select_related("session"):
            apology = Apology.objects.get(enrolment=mark.enrolment_id, session=mark.session_id)
            assert apology.sent_at < mark.session.starts_at

    def test_the_history_tells_the_story_in_order(self, demo):
        cohort = running_cohort()
        participant = Enrolment.objects.get(cohort=cohort, participant__username="participant")
        nominated = participant.events.get(action=EnrolmentEvent.Action.NOMINATED)
        first_mark = AttendanceMarkChange.objects.filter(mark__enrolment=participant).earliest(
            "changed_at"
        )
        assert nominated.actor.username == "nominator"
        assert nominated.at < cohort.sessions.earliest("starts_at").starts_at
        assert nominated.at < first_mark.changed_at < timezone.now()
