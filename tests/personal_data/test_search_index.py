"""Erasure needs nothing from the search index because no person is in it: no model the search
backend indexes names a person's name, email, job title or contact in its search fields. A model
that starts indexing one fails here, and must then be erased from the index too."""

from django.apps import apps
from wagtail.search import index

PERSONAL = {"first_name", "last_name", "email", "username", "job_title", "team"}
PERSONAL |= {"contact_name", "contact_email", "holder_name", "name_on_certificate"}


def _field_names(search_fields):
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            yield from (f"{field.field_name}.{name}" for name in _field_names(field.fields))
        else:
            yield field.field_name


def test_no_indexed_model_holds_a_persons_details_in_its_search_fields():
    indexed = [m for m in apps.get_models() if issubclass(m, index.Indexed)]
    assert any(m._meta.label == "cohorts.Cohort" for m in indexed)
    found = {
        f"{model._meta.label}.{name}"
        for model in indexed
        for name in _field_names(model.get_search_fields())
        if name.rsplit(".", 1)[-1] in PERSONAL
    }
    assert not found
