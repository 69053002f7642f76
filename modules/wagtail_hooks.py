"""Protect documents used in restricted content: guessing a document's URL gives nothing. And
tell the good practice database which of the pages citing a case study are modules a person
may open."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .permissions import can_download_document


@hooks.register("before_serve_document")
def check_document_access(document, request):
    permission = can_download_document(request.user, document)
    if permission:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(permission.reason)


@hooks.register("practice_case_study_citations")
def modules_citing_a_case_study(user, page_ids):
    """Of the pages citing a case study, the published modules this person may open."""
    from .models import ModulePage

    return list(
        ModulePage.objects.live()
        .filter(pk__in=page_ids)
        .visible_to(user)
        .only("id", "title", "url_path", "path", "depth")
    )
