"""The peer challenge question bank: lines of enquiry by theme with prompts and case studies
showing good answers; a peer team member picks a question set for a council and downloads it
as a tagged PDF or a formula-safe CSV. A question set is its maker's own."""

import csv
import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from practice.exports import csv_bytes, spreadsheet_cell
from practice.models import QuestionSet
from tests.accounts.factories import UserFactory
from tests.practice.factories import (
    CaseStudyPageFactory,
    LineOfEnquiryFactory,
    QuestionSetFactory,
    theme,
)

pytestmark = pytest.mark.django_db
BANK = reverse("practice:question_bank")


@pytest.fixture
def lines(index):
    hub = CaseStudyPageFactory(title="Safeguarding hub")
    secret = CaseStudyPageFactory(title="Members-only hub", members_only=True)
    draft = CaseStudyPageFactory(title="Draft hub", draft=True)
    return [
        LineOfEnquiryFactory(
            question="Do partners share information under agreements staff understand?",
            prompts=["When did staff last decline to share?", "Who gives quick answers?"],
            examples=[hub, secret, draft],
        ),
        LineOfEnquiryFactory(
            theme=theme("cyber-resilience"),
            question='=HYPERLINK("http://evil.example")  could the council recover?',
        ),
    ]


def test_anyone_may_read_the_bank_by_theme_with_only_the_examples_they_may_open(client, lines):
    html = client.get(BANK).content.decode()
    assert "Data sharing" in html and "Cyber resilience" in html
    assert "When did staff last decline to share?" in html
    assert "Safeguarding hub" in html
    assert "Members-only hub" not in html and "Draft hub" not in html
    assert "Sign in</a> to pick questions" in html


def test_a_stranger_cannot_make_a_question_set(client, lines):
    response = client.post(BANK, {"council": "Kent", "lines": [lines[0].pk]})
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert not QuestionSet.objects.exists()


def test_a_peer_team_member_picks_questions_for_a_council(client, lines, participant):
    client.force_login(participant)
    response = client.post(BANK, {"council": "Maidstone Borough Council", "lines": [lines[0].pk]})
    question_set = QuestionSet.objects.get()
    assert response["Location"] == reverse("practice:question_set", args=[question_set.pk])
    assert question_set.created_by == participant
    assert list(question_set.lines.all()) == [lines[0]]
    html = client.get(response["Location"]).content.decode()
    assert "Maidstone Borough Council" in html and "Members-only hub" in html
    assert "Draft hub" not in html


def test_picking_nothing_shows_the_problem_and_keeps_the_council(client, lines, participant):
    client.force_login(participant)
    response = client.post(BANK, {"council": "Maidstone Borough Council"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "Choose at least one question." in html
    assert 'value="Maidstone Borough Council"' in html
    assert not QuestionSet.objects.exists()


def test_a_question_set_is_its_makers_own(client, lines, participant, manager):
    question_set = QuestionSetFactory(created_by=participant, lines=lines)
    urls = [
        reverse("practice:question_set", args=[question_set.pk]),
        reverse("practice:question_set_download", args=[question_set.pk, "pdf"]),
        reverse("practice:question_set_download", args=[question_set.pk, "csv"]),
    ]
    client.force_login(UserFactory(participant=True))
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(manager)
    assert client.get(urls[0]).status_code == 200


def test_the_pdf_is_tagged_for_accessibility(client, lines, participant, tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed: make pdf-deps")
    question_set = QuestionSetFactory(created_by=participant, lines=lines)
    client.force_login(participant)
    response = client.get(reverse("practice:question_set_download", args=[question_set.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    path = tmp_path / "set.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert "Maidstone Borough Council" in info  # the document's title
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "When did staff last decline to share?" in text
    assert "Members-only hub" in text and "Draft hub" not in text


def test_the_csv_neutralises_cells_a_spreadsheet_would_run(client, lines, participant):
    question_set = QuestionSetFactory(created_by=participant, lines=lines)
    client.force_login(participant)
    response = client.get(reverse("practice:question_set_download", args=[question_set.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Number", "Theme", "Question", "Prompts", "Case studies"]
    questions = [row[2] for row in rows[1:]]
    assert questions[1].startswith("'=HYPERLINK")
    assert "Members-only hub" in rows[1][4] and "Draft hub" not in rows[1][4]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"
    assert spreadsheet_cell("Plain words") == "Plain words"
    assert (
        csv_bytes(["A"], [[f"{start}SUM(A1)"]])
        .decode("utf-8-sig")
        .splitlines()[1]
        .startswith(("'", "\"'"))
    )
