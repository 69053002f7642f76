"""What the credentials app adds through hooks: a credential for each new edition of a
certificate, the holder's download and "Add to LinkedIn" links, a way to check a credential on
the public verification pages, and the daily expiry job."""

from django.urls import reverse
from wagtail import hooks

from cohorts.certificates import extensions
from scheduler.jobs import DAILY, ScheduledJob

from . import badges, expiry
from .linkedin import linkedin_add_url


@hooks.register(extensions.EDITION_MADE)
def make_credential(certificate):
    badges.credential_make(certificate)


@hooks.register(extensions.HOLDER_LINKS)
def holder_links(certificate, user):
    if certificate.enrolment.participant_id != user.pk:
        return []  # The credential is the holder's to share.
    hidden = f" of {certificate.holder_name}"
    return [
        extensions.CertificateLink(
            "Download the digital credential (Open Badges, .json)",
            reverse("credentials:certificate_credential", args=[certificate.pk, "json"]),
            hidden_text=hidden,
        ),
        extensions.CertificateLink(
            "Add to LinkedIn profile", linkedin_add_url(certificate), hidden, external=True
        ),
    ]


@hooks.register(extensions.VERIFICATION_LINKS)
def verification_links():
    return [
        extensions.CertificateLink(
            "Check a digital credential (an Open Badges file)", reverse("credentials:check")
        )
    ]


def run_certificate_expiry():
    return str(expiry.certificate_expiry_run())


@hooks.register("register_scheduled_jobs")
def register_jobs():
    return [
        ScheduledJob(
            "certificate-expiry",
            "Renew certificates whose holders did the refresher; remind holders and their "
            "nominators 90 and 30 days before a certificate expires.",
            DAILY,
            run_certificate_expiry,
        )
    ]
