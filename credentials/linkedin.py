"""LinkedIn's "Add to profile" for a certificate: a link to LinkedIn's own form for a new
certification, filled in with the certification's name, the issuing organisation, the issue and
expiry dates, and the credential's id and address (the certificate's verification code and
public page, which is what someone reading the profile can check)."""

from urllib.parse import urlencode

from django.conf import settings

from cohorts.certificates.verification import verify_url

ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def linkedin_add_url(certificate) -> str:
    params = {"startTask": "CERTIFICATION_NAME", "name": certificate.programme_title}
    if settings.ACADEMY_LINKEDIN_ORGANIZATION_ID:
        # The academy's LinkedIn page: the entry then shows its name and logo.
        params["organizationId"] = settings.ACADEMY_LINKEDIN_ORGANIZATION_ID
    else:
        params["organizationName"] = settings.ACADEMY_ISSUER_NAME
    issued = certificate.issued_at
    params.update(issueYear=issued.year, issueMonth=issued.month)
    if certificate.expires_on:
        params.update(
            expirationYear=certificate.expires_on.year,
            expirationMonth=certificate.expires_on.month,
        )
    params.update(certUrl=verify_url(certificate), certId=certificate.display_code)
    return f"{ADD_TO_PROFILE}?{urlencode(params)}"
