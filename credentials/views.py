"""The credentials app's pages: what a verifier's software fetches (the issuer's profile, the
published keys, each programme's Achievement, the status list), the holder's download, and the
public page where anyone checks a credential."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from cohorts.models import Certificate
from links.downloads import content_disposition
from modules.models import ProgrammePage

from . import badges, checking, keys
from .forms import CredentialCheckForm
from .models import Credential, SigningKey

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def _json(data, *, content_type="application/json"):
    return JsonResponse(data, json_dumps_params=JSON_OPTIONS, content_type=content_type)


@require_GET
@cache_control(public=True, max_age=3600)
def issuer(request):
    """The academy as an Open Badges issuer Profile (the `iss` of every credential)."""
    return _json({"@context": badges.CONTEXT, **badges.issuer_profile()})


@require_GET
@cache_control(public=True, max_age=3600)
def jwks(request):
    """Every public key the academy has signed credentials with, retired ones included."""
    keys.signing_key()  # Published before the first credential is signed.
    return _json(keys.public_jwks(), content_type="application/jwk-set+json")


@require_GET
@cache_control(public=True, max_age=86400)
def key(request, thumbprint):
    """One public key, at the address credentials name in their `kid`."""
    signing_key = get_object_or_404(SigningKey, thumbprint=thumbprint)
    return _json(keys.public_jwk(signing_key), content_type="application/jwk+json")


@require_GET
@cache_control(public=True, max_age=3600)
def achievement(request, pk):
    """A programme as an Open Badges Achievement, as credentials issued now describe it."""
    programme = get_object_or_404(ProgrammePage.objects.live(), pk=pk)
    rule = getattr(programme, "completion_rule", None)
    return _json(
        {"@context": badges.CONTEXT, **badges.achievement(programme, rule, title=programme.title)}
    )


@require_GET
@cache_control(public=True, max_age=300)
def status_list(request, number):
    """The signed status list (a BitstringStatusListCredential, as a VC-JWT)."""
    if number != 1 and not Credential.objects.filter(status_list=number).exists():
        raise Http404
    return HttpResponse(badges.status_list_jwt(number), content_type="application/vc+jwt")


@login_required
@require_GET
@never_cache
def certificate_credential(request, pk, export_format):
    """The holder's own credential for their certificate: `.json` (readable, with its signed
    token) or `.jwt` (the signed token alone). Only the holder: it is theirs to share."""
    if export_format not in ("json", "jwt"):
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.valid()
        .visible_to(request.user)
        .filter(enrolment__participant=request.user)
        .select_related("enrolment__cohort__programme"),
        pk=pk,
    )
    credential = badges.credential_make(certificate)
    stem = f"credential-{certificate.verification_code[:4]}-edition-{certificate.edition}"
    if export_format == "jwt":
        response = HttpResponse(badges.credential_jwt(credential), content_type="text/plain")
    else:
        body = json.dumps(badges.credential_download(credential), **JSON_OPTIONS)
        response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = content_disposition(f"{stem}.{export_format}")
    return response


@never_cache
def check(request):
    """Anyone pastes or uploads a credential and is told whether it is genuine, who issued it,
    when it expires and whether it has been withdrawn."""
    posted = request.method == "POST"
    form = CredentialCheckForm(request.POST or None, request.FILES or None)
    report = None
    if posted and form.is_valid():
        report = checking.credential_check(form.text)
    return render(
        request,
        "credentials/check.html",
        {"form": form, "report": report},
        status=400 if posted and not form.is_valid() else 200,
    )
