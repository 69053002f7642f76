"""Protect documents used in restricted content: guessing a document's URL gives nothing."""

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
