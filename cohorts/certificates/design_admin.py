"""The certificate design screens in the Wagtail admin: a draft is saved as it stands, publishing
runs the design's checks (`designs.design_problems`), and the live preview beside the editor is
the PDF itself, printed with sample names."""

from django.http import HttpResponse
from django.utils.decorators import method_decorator
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import (
    PreviewOnCreateView,
    PreviewOnEditView,
    PreviewRevisionView,
)
from wagtail.utils.decorators import xframe_options_sameorigin_override

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet
from links.downloads import content_disposition

from ..models import CertificateDesign
from .designs import design_preview_pdf, design_problems


class CertificateDesignForm(WagtailAdminModelForm):
    """Saving a draft checks only the fields; publishing also checks the design as a whole."""

    def clean(self):
        cleaned = super().clean()
        if not self.is_deferred_validation:
            for field, problem in design_problems(self.instance_with(cleaned)).items():
                self.add_error(field if field in self.fields else None, problem)
        return cleaned

    def instance_with(self, cleaned):
        """The design as it would be saved (the form copies the fields over only later)."""
        design = self.instance
        for name, value in cleaned.items():
            if name in {f.name for f in CertificateDesign._meta.get_fields()}:
                setattr(design, name, value)
        return design


def _pdf_preview(design):
    response = HttpResponse(design_preview_pdf(design), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(
        "certificate-design-preview.pdf", attachment=False
    )
    # The browser's own PDF viewer draws it: no page script or style of ours to guard.
    response._csp_exempt = True
    return response


class _FormPreviewMixin:
    """Wagtail's live preview of the form as it stands, answered with the PDF."""

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        form = self.get_form(self._get_form_data(self._get_form_state()))
        if not self.validate_form(form):
            return self.error_response()
        return _pdf_preview(form.save(commit=False))


class DesignPreviewOnCreate(_FormPreviewMixin, PreviewOnCreateView):
    pass


class DesignPreviewOnEdit(_FormPreviewMixin, PreviewOnEditView):
    pass


class DesignPreviewRevision(PreviewRevisionView):
    """An earlier revision, from the design's history, as the PDF it would print."""

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        return _pdf_preview(self.revision_object)


class CertificateDesignViewSet(SnippetViewSet):
    """Each programme's certificate design, edited by programme managers."""

    model = CertificateDesign
    icon = "doc-full"
    menu_label = "Certificate designs"
    add_to_admin_menu = True
    menu_order = 151
    list_display = ["programme", "heading", "orientation", "signatory_name", "updated_at"]
    preview_on_add_view_class = DesignPreviewOnCreate
    preview_on_edit_view_class = DesignPreviewOnEdit
    revisions_view_class = DesignPreviewRevision

    def get_queryset(self, request):
        return CertificateDesign.objects.select_related("programme")

    @property
    def edit_handler(self):
        return ObjectList(CertificateDesign.panels, base_form_class=CertificateDesignForm)
