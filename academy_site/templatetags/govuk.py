"""Template helpers for GOV.UK Frontend markup, so forms need no per-form styling code.

Loaded in every template as a builtin (see TEMPLATES in settings/base.py).
"""

from functools import lru_cache

from django import forms, template
from django.contrib.staticfiles import finders
from django.forms.widgets import Input

register = template.Library()

GOVUK_CSS = "vendor/govuk-frontend/govuk-frontend.min.css"

# The GOV.UK Frontend class for each kind of widget, and its "has an error" modifier.
_WIDGET_CLASSES = (
    (forms.Textarea, "govuk-textarea", "govuk-textarea--error"),
    (forms.Select, "govuk-select", "govuk-select--error"),
    (forms.CheckboxInput, "govuk-checkboxes__input", ""),
    (forms.ClearableFileInput, "govuk-file-upload", "govuk-file-upload--error"),
    (forms.FileInput, "govuk-file-upload", "govuk-file-upload--error"),
    (Input, "govuk-input", "govuk-input--error"),
)


@lru_cache(maxsize=1)
def _frontend_built():
    return bool(finders.find(GOVUK_CSS))


@register.simple_tag
def govuk_frontend_available():
    """Whether `make frontend` has copied GOV.UK Frontend into static files. Without it (no npm)
    the pages fall back to the plain stylesheet."""
    return _frontend_built()


def _is_choice_group(widget):
    return isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def is_choice_group(field):
    """Radios or several checkboxes: shown in a fieldset with a legend, not a label."""
    return _is_choice_group(field.field.widget)


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_hidden(field):
    return field.is_hidden


@register.filter
def govuk_widget(field):
    """Render a bound field's widget with GOV.UK Frontend classes and aria-describedby pointing
    at its hint and error message (the ids includes/field.html gives them)."""
    widget = field.field.widget
    attrs = {}
    for widget_class, css_class, error_class in _WIDGET_CLASSES:
        if isinstance(widget, widget_class):
            classes = [css_class, widget.attrs.get("class", "")]
            if field.errors and error_class:
                classes.append(error_class)
            attrs["class"] = " ".join(c for c in classes if c)
            break
    described_by = []
    if field.help_text:
        described_by.append(f"{field.id_for_label}-hint")
    if field.errors:
        described_by.append(f"{field.id_for_label}-error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_choice(choice, field):
    """One radio or checkbox of a group, with GOV.UK Frontend's input class."""
    css = (
        "govuk-checkboxes__input"
        if isinstance(field.field.widget, forms.CheckboxSelectMultiple)
        else "govuk-radios__input"
    )
    choice.data["attrs"]["class"] = css
    return choice.tag()
