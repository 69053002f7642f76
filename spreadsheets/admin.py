"""Wagtail admin listings whose CSV and Excel exports (`list_export`) go through the one
formula-safe writer. Every app's SnippetViewSet or ModelViewSet with `list_export` derives from
these (tests/spreadsheets checks that none is left out)."""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from .writer import FormulaSafeExportMixin


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, SnippetIndexView):
    pass


class FormulaSafeIndexView(FormulaSafeExportMixin, generic.IndexView):
    pass


class FormulaSafeSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing exports are formula-safe."""

    index_view_class = FormulaSafeSnippetIndexView


class FormulaSafeModelViewSet(ModelViewSet):
    """A model viewset whose listing exports are formula-safe."""

    index_view_class = FormulaSafeIndexView
