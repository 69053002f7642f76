"""What other apps add to certificates, without cohorts importing them.

An app that makes something more of a certificate (the `credentials` app: an Open Badges
credential, "Add to LinkedIn") registers a function for each hook name below in its
`wagtail_hooks.py`; cohorts calls them here. With no app answering, certificates are PDFs and a
verification page, as before.
"""

from dataclasses import dataclass

from wagtail import hooks

# fn(certificate) -> None: called inside the transaction that issued, re-issued or renewed the
# certificate, once its new edition is saved.
EDITION_MADE = "certificate_edition_made"
# fn(certificate, user) -> [CertificateLink]: more links beside a valid certificate on its
# holder's (or their nominator's) certificates page.
HOLDER_LINKS = "certificate_holder_links"
# fn() -> [CertificateLink]: more ways to check a certificate, on the public verification pages.
VERIFICATION_LINKS = "certificate_verification_links"


@dataclass(frozen=True)
class CertificateLink:
    text: str
    url: str
    # Said to screen readers after the text, e.g. " of Ann Jones".
    hidden_text: str = ""
    # Leaves the academy (LinkedIn, say): opens in a new tab and says so.
    external: bool = False


def edition_made(certificate) -> None:
    for answer in hooks.get_hooks(EDITION_MADE):
        answer(certificate)


def holder_links(certificate, user) -> list[CertificateLink]:
    links = []
    for answer in hooks.get_hooks(HOLDER_LINKS):
        links.extend(answer(certificate, user))
    return links


def verification_links() -> list[CertificateLink]:
    links = []
    for answer in hooks.get_hooks(VERIFICATION_LINKS):
        links.extend(answer())
    return links
