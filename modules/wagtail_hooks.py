"""Protect documents used in restricted content: guessing a document's URL gives nothing."""

from wagtail import hooks

from accounts.permissions import deny
from personal_data import registry as personal_data_registry

from . import permissions, personal_data


@hooks.register("before_serve_document")
def check_document_access(document, request):
    permission = permissions.check(request.user, "download-document", document)
    if permission:
        return None
    return deny(request, permission)


# What modules holds about a person, for their download and their erasure.
hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=20)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=20)
