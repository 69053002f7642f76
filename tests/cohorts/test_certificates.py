"""Issuing certificates (one at a time and in bulk), freezing what they say, re-issuing and
revoking them, emailing the link, and downloads by each role. PDFs are stand-ins here (see
certificate_helpers.fake_pdf) except for the cohort downloads, which merge real ones."""

import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from cohorts.certificates import bulk, services
from cohorts.models import (
    Certificate,
    CertificateBulkIssue,
    CertificateDesign,
    CertificateEvent,
    Enrolment,
)
from tests.accounts.factories import UserFactory
from tests.cohorts.certificate_helpers import S, World, fake_pdf  # noqa: F401
from tests.cohorts.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_pdf")]


def _issue(world, enrolment, **kwargs):
    return services.certificate_issue(enrolment=enrolment, issued_by=world.facilitator, **kwargs)


# --- Issue -------------------------------------------------------------------------------------


def test_a_facilitator_issues_one_certificate_and_the_holder_is_emailed(
    client, django_capture_on_commit_callbacks
):
    world = World()
    enrolment = world.completer(first_name="Siân", last_name="Llŷr")
    client.force_login(world.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cohorts:certificate_issue", args=[enrolment.pk]))
    assert response.status_code == 302
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.holder_name == "Siân Llŷr"
    assert (certificate.sessions_attended, certificate.sessions_scheduled) == (3, 4)
    assert certificate.issued_by == world.facilitator
    assert certificate.pdf.name.startswith("certificates/")
    assert certificate.verification_code not in certificate.pdf.name
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [enrolment.participant.email]
    assert certificate.display_code in mail.outbox[0].body
    certificate.refresh_from_db()
    assert certificate.email_sent_at is not None
    assert list(certificate.events.values_list("action", flat=True)) == ["emailed", "issued"]


def test_no_certificate_for_someone_who_does_not_meet_the_rule(client):
    world = World()
    enrolment = world.enrol([S.PRESENT, S.ABSENT, S.ABSENT, S.PRESENT])
    client.force_login(world.facilitator)
    response = client.post(reverse("cohorts:certificate_issue", args=[enrolment.pk]), follow=True)
    assert "does not meet the completion rule" in response.content.decode()
    assert not Certificate.objects.exists()
    assert not mail.outbox


def test_a_certificate_is_issued_only_once():
    world = World()
    enrolment = world.completer()
    _issue(world, enrolment)
    with pytest.raises(services.ValidationError):
        _issue(world, enrolment)
    assert Certificate.objects.count() == 1


def test_only_the_cohorts_facilitators_and_managers_issue(client, manager):
    world = World()
    enrolment = world.completer()
    url = reverse("cohorts:certificate_issue", args=[enrolment.pk])
    client.force_login(world.nominator)
    assert client.post(url).status_code == 403
    client.force_login(enrolment.participant)
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(facilitator=True))
    assert client.post(url).status_code == 404
    assert not Certificate.objects.exists()
    client.force_login(manager)
    assert client.post(url).status_code == 302
    assert Certificate.objects.count() == 1


# --- Freeze -----------------------------------------------------------------------------------


def test_later_edits_do_not_change_an_issued_certificate(fake_pdf):  # noqa: F811
    world = World()
    CertificateDesign.objects.create(
        programme=world.cohort.programme, wording="has completed", signatory_name="Dr Ann Jones"
    )
    enrolment = world.completer(first_name="Ελένη", last_name="Παπαδοπούλου")
    certificate = _issue(world, enrolment)
    stored = certificate.pdf.read()
    programme = world.cohort.programme
    programme.title = "Renamed programme"
    programme.save_revision().publish()
    world.cohort.name = "Renamed cohort"
    world.cohort.save()
    enrolment.participant.first_name = "Changed"
    enrolment.participant.save()
    CertificateDesign.objects.filter(programme=programme).update(
        wording="new wording", signatory_name="Someone Else"
    )
    world.sessions[3].delete()
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.holder_name == "Ελένη Παπαδοπούλου"
    assert certificate.cohort_name != "Renamed cohort"
    assert certificate.programme_title != "Renamed programme"
    assert certificate.design["signatory_name"] == "Dr Ann Jones"
    assert certificate.pdf.read() == stored
    assert (certificate.sessions_attended, certificate.sessions_scheduled) == (3, 4)


# --- Re-issue and revoke ------------------------------------------------------------------------


def test_reissue_corrects_the_name_and_keeps_the_code_and_history(
    client, django_capture_on_commit_callbacks
):
    world = World()
    enrolment = world.completer(first_name="Sean", last_name="O Brien")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = _issue(world, enrolment)
    code, old_pdf = certificate.verification_code, certificate.pdf.name
    client.force_login(world.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohorts:certificate_reissue", args=[certificate.pk]),
            {"holder_name": "Seán Ó Briain", "reason": "Name corrected"},
        )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.verification_code == code
    assert certificate.holder_name == "Seán Ó Briain"
    assert certificate.edition == 2 and certificate.reissued_at is not None
    assert certificate.pdf.name != old_pdf
    event = certificate.events.get(action=CertificateEvent.Action.REISSUED)
    assert event.details["before"]["holder_name"] == "Sean O Brien"
    assert event.details["reason"] == "Name corrected"
    assert len(mail.outbox) == 2  # on issue, and again on re-issue
    assert "re-issued" in mail.outbox[1].body


def test_reissue_and_revoke_forms_show_errors_and_change_nothing(client):
    world = World()
    certificate = _issue(world, world.completer())
    client.force_login(world.facilitator)
    response = client.post(
        reverse("cohorts:certificate_reissue", args=[certificate.pk]),
        {"holder_name": "", "reason": ""},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    response = client.post(reverse("cohorts:certificate_revoke", args=[certificate.pk]), {})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.edition == 1 and certificate.revoked_at is None


def test_revoke_takes_a_reason_and_stops_downloads(client):
    world = World()
    enrolment = world.completer()
    certificate = _issue(world, enrolment)
    client.force_login(world.facilitator)
    response = client.post(
        reverse("cohorts:certificate_revoke", args=[certificate.pk]),
        {"reason": "Attendance was recorded in error"},
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revoked_reason == "Attendance was recorded in error"
    assert certificate.events.filter(action="revoked").exists()
    client.force_login(enrolment.participant)
    download = reverse("cohorts:certificate_download", args=[certificate.pk])
    assert client.get(download).status_code == 404
    with pytest.raises(services.ValidationError):
        services.certificate_reissue(
            certificate=certificate, reissued_by=world.facilitator, reason="try"
        )


def test_a_nominator_cannot_revoke(client):
    world = World()
    certificate = _issue(world, world.completer())
    client.force_login(world.nominator)
    url = reverse("cohorts:certificate_revoke", args=[certificate.pk])
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked


# --- Bulk issue -------------------------------------------------------------------------------


def test_bulk_issue_shows_who_will_and_will_not_get_one_and_issues_nothing_yet(client):
    world = World()
    world.completer(first_name="Mehmet")
    world.enrol([S.ABSENT] * 4, first_name="Zofia")
    client.force_login(world.facilitator)
    response = client.get(reverse("cohorts:certificate_bulk_issue", args=[world.cohort.pk]))
    page = response.content.decode()
    assert "1 will get a certificate" in page and "Mehmet" in page
    assert "1 will not" in page and "Zofia" in page and "Attend 3 of 4 sessions" in page
    assert not Certificate.objects.exists()
    assert not mail.outbox


def test_bulk_issue_needs_the_box_ticked(client):
    world = World()
    world.completer()
    client.force_login(world.facilitator)
    url = reverse("cohorts:certificate_bulk_issue", args=[world.cohort.pk])
    preview = bulk.certificate_bulk_issue_preview(cohort=world.cohort)
    from cohorts.certificates.forms import BulkIssueConfirmForm

    response = client.post(url, {"enrolments": BulkIssueConfirmForm.sign(preview.enrolment_ids)})
    assert response.status_code == 400
    assert "Tick the box" in response.content.decode()
    assert not CertificateBulkIssue.objects.exists() and not Certificate.objects.exists()


def test_confirmed_bulk_issue_runs_in_the_background_and_shows_progress(
    client, django_capture_on_commit_callbacks
):
    world = World()
    completers = [world.completer() for _ in range(3)]
    world.enrol([S.ABSENT] * 4)
    client.force_login(world.facilitator)
    url = reverse("cohorts:certificate_bulk_issue", args=[world.cohort.pk])
    from cohorts.certificates.forms import BulkIssueConfirmForm

    signed = BulkIssueConfirmForm.sign([e.pk for e in completers])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"enrolments": signed, "confirm": "on"})
    job = CertificateBulkIssue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:certificate_bulk_progress", args=[job.pk])
    assert (job.status, job.total, job.processed, job.issued) == ("finished", 3, 3, 3)
    assert Certificate.objects.count() == 3
    assert len(mail.outbox) == 3
    progress = client.get(response["Location"]).content.decode()
    assert "3 of 3 done" in progress


def test_bulk_issue_refuses_a_list_that_changed_since_it_was_shown():
    world = World()
    first = world.completer()
    world.completer()
    with pytest.raises(services.ValidationError, match="changed since you looked"):
        bulk.certificate_bulk_issue(
            cohort=world.cohort, requested_by=world.facilitator, enrolment_ids=[first.pk]
        )
    assert not CertificateBulkIssue.objects.exists()


def test_bulk_issue_waits_until_the_cohort_closes():
    world = World(status="running")
    enrolment = world.completer()
    with pytest.raises(services.ValidationError, match="closed"):
        bulk.certificate_bulk_issue(
            cohort=world.cohort, requested_by=world.facilitator, enrolment_ids=[enrolment.pk]
        )


def test_bulk_issue_skips_someone_issued_meanwhile():
    world = World()
    first, second = world.completer(), world.completer()
    job = CertificateBulkIssue.objects.create(
        cohort=world.cohort,
        requested_by=world.facilitator,
        enrolment_ids=[first.pk, second.pk],
        total=2,
    )
    _issue(world, first)
    bulk.certificate_bulk_issue_process(job=job)
    job.refresh_from_db()
    assert (job.status, job.issued, job.skipped) == ("finished", 1, 1)


# --- Downloads ----------------------------------------------------------------------------------


def test_participants_download_their_own_certificate_only(client):
    world = World()
    mine, theirs = world.completer(), world.completer()
    own = _issue(world, mine)
    other = _issue(world, theirs)
    client.force_login(mine.participant)
    response = client.get(reverse("cohorts:certificate_download", args=[own.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(reverse("cohorts:certificate_download", args=[other.pk])).status_code == 404


def test_nominators_download_their_officers_certificates_only(client):
    world = World()
    officer = world.completer()
    outsider = world.completer(organisation=OrganisationFactory())
    ours, not_ours = _issue(world, officer), _issue(world, outsider)
    client.force_login(world.nominator)
    assert client.get(reverse("cohorts:certificate_download", args=[ours.pk])).status_code == 200
    url = reverse("cohorts:certificate_download", args=[not_ours.pk])
    assert client.get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    world = World()
    certificate = _issue(world, world.completer())
    response = client.get(reverse("cohorts:certificate_download", args=[certificate.pk]))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_other_facilitators_cannot_download_a_cohorts_certificates(client):
    world = World()
    _issue(world, world.completer())
    client.force_login(UserFactory(facilitator=True))
    url = reverse("cohorts:cohort_certificates_download", args=[world.cohort.pk, "zip"])
    assert client.get(url).status_code == 404
    client.force_login(world.nominator)
    assert client.get(url).status_code == 403


def test_facilitators_download_a_cohort_as_one_zip_or_one_merged_pdf(client, monkeypatch):
    from pypdf import PdfReader

    # Real PDFs here, so the merged file can be read back.
    monkeypatch.undo()
    world = World()
    for name in ("Ada", "Bryn"):
        _issue(world, world.completer(first_name=name))
    client.force_login(world.facilitator)
    response = client.get(
        reverse("cohorts:cohort_certificates_download", args=[world.cohort.pk, "zip"])
    )
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert len(names) == 2 and all(n.endswith(".pdf") for n in names)
    response = client.get(
        reverse("cohorts:cohort_certificates_download", args=[world.cohort.pk, "pdf"])
    )
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Ada" in text and "Bryn" in text


def test_programme_managers_edit_each_programmes_certificate_design_in_the_admin(client, manager):
    world = World()
    client.force_login(manager)
    response = client.get("/admin/snippets/cohorts/certificatedesign/add/")
    assert response.status_code == 200
    response = client.post(
        "/admin/snippets/cohorts/certificatedesign/add/",
        {
            "programme": world.cohort.programme.pk,
            "heading": "Certificate of completion",
            "wording": "has completed",
            "signatory_name": "Dr Ann Jones",
            "signatory_role": "Director",
        },
    )
    assert response.status_code == 302
    assert CertificateDesign.objects.get().signatory_name == "Dr Ann Jones"
    client.force_login(world.facilitator)
    assert client.get("/admin/snippets/cohorts/certificatedesign/").status_code in (302, 403)


def test_the_completion_page_offers_the_downloads_once_there_is_a_certificate(client):
    world = World()
    download = reverse("cohorts:cohort_certificates_download", args=[world.cohort.pk, "zip"])
    completion = reverse("cohorts:cohort_completion", args=[world.cohort.pk])
    client.force_login(world.facilitator)
    assert download not in client.get(completion).content.decode()
    _issue(world, world.completer(first_name="Ada"))
    assert download in client.get(completion).content.decode()
