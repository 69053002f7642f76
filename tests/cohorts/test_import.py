"""Bulk nomination from a spreadsheet: files as people really save them, a preview that saves
nothing, every problem reported with its row and column, and all rows or none."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from cohorts.enrolment import services
from cohorts.enrolment.imports import read_nominations_file
from cohorts.models import Enrolment, EnrolmentEvent, Invitation
from spreadsheets.formats import SpreadsheetError
from tests.accounts.factories import UserFactory
from tests.cohorts.callbacks import tasks_queued
from tests.cohorts.factories import EnrolmentFactory
from tests.cohorts.nomination_world import make_world, officer

FILES = Path(__file__).parent / "import_files"
THREE_OFFICERS = {
    ("Aisha", "Khan", "aisha.khan@kent.police.uk", "Inspector", "Neighbourhood Policing"),
    ("Siôn", "Griffiths", "sion.griffiths@kent.police.uk", "Sergeant", "Partnerships"),
    ("Zoë", "Müller", "zoe.muller@kent.police.uk", "Analyst", "Intelligence"),
}


def upload(name):
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


def as_tuples(rows):
    return {(r["first_name"], r["last_name"], r["email"], r["job_title"], r["team"]) for r in rows}


# Reading files (no database) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "utf8_bom_comma.csv",
        "utf8_no_bom_comma.csv",
        "excel_cp1252_semicolon.csv",
        "excel_unicode_text_utf16_tab.csv",
        "headers_any_order_blank_rows.csv",
        "officers.xlsx",
    ],
)
def test_files_as_people_really_save_them_are_read(name):
    assert as_tuples(read_nominations_file(upload(name))) == THREE_OFFICERS


def test_a_single_name_column_is_split_into_first_and_last_name():
    rows = read_nominations_file(upload("single_name_column_semicolon.csv"))
    assert [(r["first_name"], r["last_name"], r["team"]) for r in rows][1] == (
        "Siôn",
        "Griffiths",
        "",
    )


def test_rows_keep_their_spreadsheet_row_numbers():
    rows = read_nominations_file(upload("officers.xlsx"))
    assert [r["row"] for r in rows] == [2, 3, 4]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("officers_list.pdf.csv", "This file is a PDF, not a spreadsheet"),
        ("letter.docx.xlsx", "not an Excel workbook we can read"),
        ("not_a_table.csv", "missing: Email"),
        ("empty.csv", "This file is empty"),
    ],
)
def test_a_file_that_is_not_a_table_gets_a_clear_message(name, message):
    with pytest.raises(SpreadsheetError, match=message):
        read_nominations_file(upload(name))


def test_a_binary_file_gets_a_clear_message():
    with pytest.raises(SpreadsheetError, match="does not look like a CSV"):
        read_nominations_file(SimpleUploadedFile("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00"))


def test_a_file_with_too_many_rows_is_refused():
    body = "Email,First name,Last name,Job title\n" + "".join(
        f"p{i}@example.org,P,{i},Officer\n" for i in range(1001)
    )
    with pytest.raises(SpreadsheetError, match="more than 1,000 officers"):
        read_nominations_file(SimpleUploadedFile("big.csv", body.encode()))


# Through the pages ----------------------------------------------------------------------------


@pytest.fixture
def world(db):
    return make_world(capacity=10, police_seats=4, health_seats=4)


@pytest.fixture
def police_client(client, world):
    client.force_login(world.police_nominator)
    return client


def upload_url(world):
    return reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk])


def preview(police_client, world, name, **data):
    response = police_client.post(upload_url(world), {"file": upload(name), **data}, follow=True)
    assert response.status_code == 200
    return response


def test_upload_shows_a_preview_and_saves_nothing(police_client, world):
    response = preview(police_client, world, "excel_cp1252_semicolon.csv")
    review = response.context["review"]
    assert not review.problems
    assert review.invite_count == 3
    assert "Nominate these 3 officers" in response.text
    assert "Zoë" in response.text
    assert not Enrolment.objects.exists()
    assert not mail.outbox


def test_confirming_the_preview_nominates_every_row(
    police_client, world, django_capture_on_commit_callbacks
):
    response = preview(police_client, world, "officers.xlsx")
    with django_capture_on_commit_callbacks(execute=True):
        response = police_client.post(response.request["PATH_INFO"])
    assert response.status_code == 302
    assert set(Enrolment.objects.values_list("participant__email", flat=True)) == {
        "aisha.khan@kent.police.uk",
        "sion.griffiths@kent.police.uk",
        "zoe.muller@kent.police.uk",
    }
    assert len(mail.outbox) == 3
    event = Enrolment.objects.get(participant__email="zoe.muller@kent.police.uk").events.get()
    assert event.details == {"source": "import", "file": "officers.xlsx", "row": 4}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "duplicate_emails.csv",
            ["Row 4, Email: aisha.khan@kent.police.uk is already on row 2 of this file."],
        ),
        (
            "bad_emails.csv",
            [
                'Row 2, Email: "aisha.khan(at)kent.police.uk" is not an email address',
                'Row 3, Email: "ben.okafor@" is not an email address',
                'Row 4, Email: "cara ng@kent.police.uk" is not an email address',
            ],
        ),
        (
            "missing_fields.csv",
            [
                "Row 2, First name: is missing.",
                "Row 3, Email: is missing.",
                "Row 4, Job title: is missing.",
            ],
        ),
        ("six_officers.csv", ["6 officers, 4 seats left: Kent Police has 4 seats left"]),
    ],
)
def test_each_problem_is_reported_with_its_row_and_column_and_nothing_is_saved(
    police_client, world, name, expected
):
    response = preview(police_client, world, name)
    problems = [str(p) for p in response.context["review"].problems]
    for message in expected:
        assert any(p.startswith(message) for p in problems), (message, problems)
    assert "problem" in response.text and "Nominate these" not in response.text
    # Even a forced confirm saves nothing.
    response = police_client.post(response.request["PATH_INFO"])
    assert "Nothing was saved" in response.text
    assert not Enrolment.objects.exists()


def test_duplicates_against_existing_enrolments_are_reported(police_client, world):
    services.enrolment_nominate(
        actor=world.police_nominator,
        cohort=world.cohort,
        organisation=world.police,
        **officer(1, email="Sion.Griffiths@kent.police.uk"),
    )
    response = preview(police_client, world, "utf8_bom_comma.csv")
    assert [str(p) for p in response.context["review"].problems] == [
        "Row 3, Email: sion.griffiths@kent.police.uk already has a nomination on this cohort "
        "(see your officers list)."
    ]


def test_over_allocation_can_go_on_the_waiting_list_when_the_nominator_chooses(
    police_client, world
):
    response = preview(police_client, world, "six_officers.csv", allow_waiting_list="on")
    review = response.context["review"]
    assert (review.invite_count, review.waiting_list_count) == (4, 2)
    police_client.post(response.request["PATH_INFO"])
    statuses = list(
        Enrolment.objects.order_by("participant__last_name").values_list("status", flat=True)
    )
    assert statuses == ["invited"] * 4 + ["waiting-list"] * 2


def test_over_allocation_is_one_summary_line_not_a_message_per_row(police_client, world):
    response = preview(police_client, world, "six_officers.csv")
    problems = [str(p) for p in response.context["review"].problems]
    assert problems == [
        "6 officers, 4 seats left: Kent Police has 4 seats left on this cohort. Remove 2 "
        "officers from the file, or upload it again and choose to put officers past your seats "
        "on the waiting list."
    ]
    assert response.text.count("seats left on this cohort") == 1
    # The summary links to the first officer without a seat; each such row says so.
    assert 'href="#row-6"' in response.text
    assert response.text.count("No seat left") == 2


def test_seats_taken_between_preview_and_confirm_import_nothing(police_client, world):
    response = preview(police_client, world, "utf8_bom_comma.csv")
    assert not response.context["review"].problems
    # Meanwhile, a colleague fills two of the four seats.
    for n in (1, 2):
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(n),
        )
    response = police_client.post(response.request["PATH_INFO"])
    assert response.status_code == 200
    assert "Nothing was saved" in response.text
    assert "3 officers, 2 seats left" in response.text
    assert Enrolment.objects.count() == 2


def test_an_unreadable_file_shows_the_error_summary(police_client, world):
    response = police_client.post(upload_url(world), {"file": upload("officers_list.pdf.csv")})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "This file is a PDF" in response.text
    assert not Enrolment.objects.exists()


def test_a_file_over_2_mb_is_refused(police_client, world):
    big = SimpleUploadedFile("big.csv", b"Email\n" + b"x" * (2 * 1024 * 1024 + 10))
    response = police_client.post(upload_url(world), {"file": big})
    assert "larger than 2 MB" in response.text


def test_another_nominator_cannot_confirm_someone_elses_upload(client, police_client, world):
    response = preview(police_client, world, "utf8_bom_comma.csv")
    path = response.request["PATH_INFO"]
    client.logout()
    client.force_login(world.health_nominator)
    assert client.post(path).status_code == 403
    assert not Enrolment.objects.exists()


def test_an_upload_is_confirmed_only_once(police_client, world):
    response = preview(police_client, world, "utf8_bom_comma.csv")
    path = response.request["PATH_INFO"]
    police_client.post(path)
    response = police_client.post(path, follow=True)
    assert "expired or was already imported" in response.text
    assert Enrolment.objects.count() == 3


def test_an_existing_officer_on_another_cohort_can_be_imported(police_client, world):
    EnrolmentFactory(participant__email="aisha.khan@kent.police.uk", organisation=world.police)
    response = preview(police_client, world, "utf8_bom_comma.csv")
    assert not response.context["review"].problems
    # The preview says nothing about who already has an account (issue 15).
    assert "has an account" not in response.text


def _big_import(world, officers):
    """A file of `officers` rows onto a cohort with room for them all, where the first officer
    already has an account (without a team) and the second was withdrawn from this cohort."""
    world.cohort.capacity = 300
    world.cohort.save()
    world.cohort.seat_allocations.filter(organisation=world.police).update(seats=250)
    UserFactory(email="officer0@example.org", team="")
    withdrawn = services.enrolment_nominate(
        actor=world.police_nominator,
        cohort=world.cohort,
        organisation=world.police,
        **officer(1),
    )
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=withdrawn)
    return [{"row": n + 2, **officer(n), "first_name": "Officer"} for n in range(officers)]


def _queries(postgresql, sqlite):
    """A query budget. PostgreSQL inserts any number of rows in one query; SQLite takes at most
    999 values a query, so there 200 rows cost a few inserts more than 20."""
    return postgresql if connection.vendor == "postgresql" else sqlite


@pytest.mark.parametrize("officers", [20, 200])
def test_bulk_nomination_takes_the_same_few_queries_for_20_or_200_rows(
    world, officers, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    rows = _big_import(world, officers)
    # Lock, checks, the review, the accounts (and whether any belongs to another organisation),
    # the enrolments and their history, and the cohorts whose pages show the accounts filled
    # in (`record_versions`): each done once for the whole file, however many rows.
    with (
        django_capture_on_commit_callbacks() as callbacks,
        django_assert_max_num_queries(_queries(21, sqlite=25)),
    ):
        enrolments = services.enrolment_bulk_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            rows=rows,
            file_name="officers.csv",
        )
    assert len(tasks_queued(callbacks)) == 1  # one background task emails the whole file
    assert [e.status for e in enrolments] == ["invited"] * officers
    assert Enrolment.objects.filter(cohort=world.cohort, status="invited").count() == officers
    # The account that existed is used (and its blank team filled in); the withdrawn officer's
    # enrolment takes the new nomination; everyone else has a new account without a password.
    existing = Enrolment.objects.get(participant__email="officer0@example.org")
    assert existing.participant.team == "Response"
    again = Enrolment.objects.get(participant__email="officer1@example.org")
    assert list(again.events.order_by("at", "pk").values_list("action", flat=True)) == [
        "nominated",
        "withdrawn",
        "nominated",
    ]
    assert again.events.order_by("at", "pk").last().details == {
        "source": "import",
        "file": "officers.csv",
        "row": 3,
        "nominated_again": True,
    }
    assert not enrolments[-1].participant.has_usable_password()
    assert enrolments[-1].participant.groups.filter(name="participant").exists()
    assert EnrolmentEvent.objects.filter(action="nominated").count() == officers + 1


@pytest.mark.parametrize("officers", [20, 200])
def test_emailing_an_imported_file_takes_the_same_few_queries_for_20_or_200_rows(
    world, officers, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    rows = _big_import(world, officers)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        services.enrolment_bulk_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            rows=rows,
        )
    # The background task: the enrolments, every invitation link issued at once, then the
    # notifications: wording looked up, recorded, claimed and marked sent, each at once.
    with django_assert_max_num_queries(_queries(13, sqlite=16)):
        tasks_queued(callbacks)[0]()
    assert len(mail.outbox) == officers
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == officers


# The template to fill in, and the officer list after an import -------------------------------


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_template_is_read_back_by_the_import_once_officers_are_added(
    police_client, world, export_format
):
    response = police_client.get(reverse("cohorts:nomination_template", args=[export_format]))
    assert response.status_code == 200
    assert f"officers-to-nominate.{export_format}" in response["Content-Disposition"]
    template = response.content
    if export_format == "csv":
        assert template.decode("utf-8-sig").splitlines() == [
            "First name,Last name,Email,Job title,Team"
        ]
        filled = template + b"Aisha,Khan,aisha.khan@kent.police.uk,Inspector,\r\n"
    else:
        book = load_workbook(io.BytesIO(template))
        sheet = book.active
        assert [c.value for c in sheet[1]] == [
            "First name",
            "Last name",
            "Email",
            "Job title",
            "Team",
        ]
        sheet.append(["Aisha", "Khan", "aisha.khan@kent.police.uk", "Inspector", ""])
        out = io.BytesIO()
        book.save(out)
        filled = out.getvalue()
    name = f"officers-to-nominate.{export_format}"
    response = police_client.post(
        upload_url(world), {"file": SimpleUploadedFile(name, filled)}, follow=True
    )
    assert response.context["review"].invite_count == 1


def test_only_those_who_may_upload_officers_get_the_template(client, world):
    url = reverse("cohorts:nomination_template", args=["csv"])
    client.force_login(UserFactory(participant=True))
    assert client.get(url).status_code == 403
    client.force_login(world.police_nominator)
    assert client.get(reverse("cohorts:nomination_template", args=["ods"])).status_code == 404


def test_after_an_import_the_officer_list_says_it_is_filtered_and_how_to_see_everyone(
    police_client, world
):
    other = EnrolmentFactory(organisation=world.police)  # an officer on another cohort
    response = preview(police_client, world, "utf8_bom_comma.csv")
    response = police_client.post(response.request["PATH_INFO"], follow=True)
    html = response.text
    assert "3 officers nominated" in html
    assert f"Showing only officers on {world.cohort}" in html
    assert "Show all your officers" in html
    assert other.participant.email not in html
    everyone = police_client.get(reverse("cohorts:nominate")).text
    assert other.participant.email in everyone
    assert "Showing only officers" not in everyone


def test_a_filter_on_a_cohort_without_officers_yet_still_names_it(police_client, world):
    response = police_client.get(reverse("cohorts:nominate"), {"cohort": world.cohort.pk})
    assert f"Showing only officers on {world.cohort}" in response.text
    assert "No officers match" in response.text
    # A cohort they cannot see is no filter at all.
    hidden = EnrolmentFactory().cohort
    response = police_client.get(reverse("cohorts:nominate"), {"cohort": hidden.pk})
    assert "Showing only officers" not in response.text
