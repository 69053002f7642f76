"""The Wagtail admin's URLs, asked by every role (issue 15): each snippet's listing, export,
chooser, chooser results, "chosen" answer and inspect page, and the documents and images
screens. The admin draws from the same scoping as the site (accounts.admin_scoping).

Cells as in test_url_matrix (one per role in ROLES), where "login" is a redirect to sign in and
"no" a refusal (Wagtail's redirect to the dashboard with a message, or a 403 / 404).
A registered admin viewset of ours with no line here fails `test_every_admin_viewset_...`, so a
new listing or chooser cannot be added without saying who may open it.

The "chosen" and inspect URLs name cohort B's record (or the other organisation): a facilitator
of cohort A must never get it back, in any form.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.documents import get_document_model
from wagtail.snippets.models import get_snippet_models

from cohorts.models import CohortSession, EnrolmentEvent
from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

# Only programme managers (who hold the model permissions) open these.
MANAGERS = "login login login login login no no 200"
# Shared lists without personal data that page editors choose from (themes, places).
EDITORS = "login login login login login 200 200 200"

# Snippet model: {kind: cells}, with the object the "chosen" and inspect URLs name.
SNIPPETS = {
    "cohorts.Certificate": ("certificateB", {"*": MANAGERS}),
    "cohorts.CertificateDesign": (None, {"*": MANAGERS}),
    "cohorts.Cohort": ("cohortB", {"*": MANAGERS}),
    "cohorts.CompletionRule": (None, {"*": MANAGERS}),
    "cohorts.Enrolment": ("enrolmentB", {"*": MANAGERS}),
    "cohorts.EnrolmentEvent": ("eventB", {"*": MANAGERS}),
    "cohorts.Organisation": ("health", {"*": MANAGERS}),
    "cohorts.Place": (None, {"*": MANAGERS, "choose": EDITORS, "choose_results": EDITORS}),
    "impact.CapabilityWording": (None, {"*": MANAGERS}),
    "notifications.NotificationWording": (None, {"*": MANAGERS}),
    "practice.CaseStudyProposal": (None, {"*": MANAGERS}),
    "practice.LineOfEnquiry": (None, {"*": MANAGERS}),
    "practice.QuestionSet": (None, {"*": MANAGERS}),
    "practice.Theme": (None, {"*": MANAGERS, "choose": EDITORS, "choose_results": EDITORS}),
    "single_sign_on.IdentityProvider": (None, {"*": MANAGERS}),
}

# Other admin screens of ours and Wagtail's documents and images: URL name -> cells.
# Documents and images are chosen by collection permission (none is granted to a role: slides
# are uploaded through the session material page); a document's download is checked against
# the live pages and sessions that use it (tests/modules, test_documents below).
OTHER_URLS = {
    "wagtaildocs:index": "login login login login login no no no",
    "wagtaildocs_chooser:choose": "login login login login login 200 200 200",
    "wagtailimages:index": "login login login login login no no no",
    "wagtailimages_chooser:choose": "login login login login login 200 200 200",
    "wagtailusers_users:index": "login login login login login no no 200",
    # Case study pages, listed as the page explorer lists them (published ones are public).
    "case_studies:index": "login login login login login 200 200 200",
}

# Viewsets of ours that are not snippets, each covered by a line of OTHER_URLS.
OTHER_VIEWSETS = {"wagtailusers_users", "case_studies"}
OUR_APPS = {
    "accounts",
    "cohorts",
    "impact",
    "modules",
    "notifications",
    "personal_data",
    "practice",
    "single_sign_on",
    "credentials",
    "content",
    "network",
}


def _namespace(viewset):
    try:
        return viewset.url_namespace
    except Exception:  # a viewset without a name (Wagtail's page viewsets)
        return None


def test_every_snippet_has_an_expectation():
    registered = {model._meta.label for model in get_snippet_models()}
    missing = sorted(registered - SNIPPETS.keys())
    assert not missing, f"Add these snippets to SNIPPETS with what each role gets: {missing}"
    assert not sorted(SNIPPETS.keys() - registered)


def test_every_admin_viewset_of_ours_has_an_expectation():
    reverse("wagtailadmin_home")  # loads the admin's URLs, and so its viewsets
    unlisted = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        namespace = _namespace(viewset)
        if not isinstance(model, type) or model._meta.app_label not in OUR_APPS:
            continue
        if model._meta.label in SNIPPETS or namespace in OTHER_VIEWSETS:
            continue
        unlisted.append(namespace)
    assert not unlisted, f"Add these admin viewsets to the admin matrix: {unlisted}"


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return "login"
        return "no"
    if response.status_code in (403, 404):
        return "no"
    return response.status_code


def expected(cells):
    values = cells.split()
    assert len(values) == len(ROLES)
    return {
        role: (v if v in ("login", "no") else int(v)) for role, v in zip(ROLES, values, strict=True)
    }


def _neighbour(w, name):
    if name == "eventB":
        return EnrolmentEvent.objects.create(
            enrolment=w["enrolmentB"], action="confirmed", details={"note": "B's history"}
        )
    return w[name]


def snippet_urls(w, model):
    viewset = model.snippet_viewset
    chooser = viewset.chooser_viewset
    neighbour_name, _cells = SNIPPETS[model._meta.label]
    urls = {
        "list": reverse(viewset.get_url_name("list")),
        "export": reverse(viewset.get_url_name("list")) + "?export=csv",
        "choose": reverse(chooser.get_url_name("choose")),
        "choose_results": reverse(chooser.get_url_name("choose_results")),
    }
    if viewset.list_export in (None, [], (), viewset.UNDEFINED):
        del urls["export"]
    if neighbour_name:
        pk = _neighbour(w, neighbour_name).pk
        urls["chosen"] = reverse(chooser.get_url_name("chosen"), args=[pk])
        if viewset.inspect_view_enabled:
            urls["inspect"] = reverse(viewset.get_url_name("inspect"), args=[pk])
    return urls


def fetch(client, user, url):
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("label", sorted(SNIPPETS))
def test_each_role_gets_what_the_admin_matrix_says(client, world, label):
    model = next(m for m in get_snippet_models() if m._meta.label == label)
    cells = SNIPPETS[label][1]
    mismatches = {}
    for kind, url in snippet_urls(world, model).items():
        wanted = expected(cells.get(kind, cells["*"]))
        for role in ROLES:
            got = outcome(fetch(client, world.people[role], url))
            if got != wanted[role]:
                mismatches[(kind, role)] = (wanted[role], got)
    assert not mismatches, f"{label}: (kind, role) -> (expected, got): {mismatches}"


@pytest.mark.parametrize("name", sorted(OTHER_URLS))
def test_each_role_gets_what_the_admin_matrix_says_elsewhere(client, world, name):
    url = reverse(name)
    wanted = expected(OTHER_URLS[name])
    got = {role: outcome(fetch(client, world.people[role], url)) for role in ROLES}
    mismatches = {role: (wanted[role], got[role]) for role in ROLES if got[role] != wanted[role]}
    assert not mismatches, f"{url}: role -> (expected, got): {mismatches}"


CHOOSERS = ("cohorts.Certificate", "cohorts.Enrolment", "cohorts.EnrolmentEvent")


@pytest.mark.parametrize("label", CHOOSERS)
def test_a_facilitator_never_sees_another_cohorts_records_in_a_chooser(client, world, label):
    """Issue 15's example: /admin/snippets/choose/cohorts/certificate/ (and its results page)
    listed every certificate in the academy, with its verification code and holder."""
    model = next(m for m in get_snippet_models() if m._meta.label == label)
    other = world.people["other_participant"]
    code = world["certificateB"].verification_code
    for kind, url in snippet_urls(world, model).items():
        for role in ("facilitator", "other_facilitator"):
            response = fetch(client, world.people[role], url)
            body = response.content.decode(errors="replace")
            assert response.status_code != 200 or role == "manager", (kind, role)
            assert other.last_name not in body and code not in body, (kind, role)


def test_a_programme_manager_chooses_from_everything(client, world):
    client.force_login(world.people["manager"])
    url = reverse(
        world["certificateB"].__class__.snippet_viewset.chooser_viewset.get_url_name(
            "choose_results"
        )
    )
    body = client.get(url).content.decode()
    assert world.people["other_participant"].last_name in body


def test_admin_exports_write_what_a_spreadsheet_would_run_as_plain_text(client, world):
    """Issue 15's example: the enrolment and history exports wrote cells starting with = or +
    as they were."""
    participant = world.people["participant"]
    participant.first_name = "=HYPERLINK(1)"
    participant.last_name = "+cmd"
    participant.save()
    EnrolmentEvent.objects.create(enrolment=world["enrolmentA"], action="confirmed")
    client.force_login(world.people["manager"])
    for label in ("cohorts.Enrolment", "cohorts.EnrolmentEvent"):
        model = next(m for m in get_snippet_models() if m._meta.label == label)
        url = reverse(model.snippet_viewset.get_url_name("list")) + "?export=csv"
        body = b"".join(client.get(url).streaming_content).decode()
        assert "=HYPERLINK" in body, label
        for line in body.splitlines():
            for cell in line.split(","):
                assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), (label, cell)


# Serving a document: session A's slides, asked by every role, and after they are replaced.
SLIDES = "login 200 403 403 403 200 403 200"


def test_session_slides_are_served_to_the_sessions_people_only(client, world, settings, tmp_path):
    # Wagtail streams a document from a file on disk, which in-memory storage has not got.
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    document = get_document_model()(title="Slides A1")
    document.file.save("slides-a1.pdf", ContentFile(b"%PDF-1.4 slides"), save=False)
    document.save()
    CohortSession.objects.filter(pk=world["sessionA1"].pk).update(slides=document)
    url = reverse("wagtaildocs_serve", args=[document.pk, "slides-a1.pdf"])
    wanted = expected(SLIDES)
    got = {}
    for role in ROLES:
        response = fetch(client, world.people[role], url)
        got[role] = outcome(response) if response.status_code != 403 else 403
    assert got == {r: (403 if v == "no" else v) for r, v in wanted.items()}
