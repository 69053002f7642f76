"""The admin form of module pages: a body may name only documents its editor may use
(`modules.permissions` "name-document"), whatever id a hand-made form sends."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from . import permissions


def documents_named(field, value):
    """The ids of the documents a StreamField value names (blocks and rich text links)."""
    document_model = get_document_model()
    return {
        str(object_id)
        for model, object_id, _path, _content_path in field.extract_references(value)
        if model is document_model or issubclass(model, document_model)
    }


class ModulePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if body is None or self.for_user is None:
            return cleaned_data
        field = self.instance._meta.get_field("body")
        named = documents_named(field, body) - self._documents_already_named(field)
        for document in get_document_model().objects.filter(pk__in=named):
            permission = permissions.check(self.for_user, "name-document", document)
            if not permission:
                self.add_error("body", permission.reason)
        return cleaned_data

    def _documents_already_named(self, field):
        """What the page as last saved names: keeping it grants nothing new."""
        if not self.instance.pk:
            return set()
        saved = self.instance.get_latest_revision_as_object()
        return documents_named(field, saved.body)
