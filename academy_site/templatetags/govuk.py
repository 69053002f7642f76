"""GOV.UK Design System components for the site's templates, so no template hand-writes them.

Loaded in every template as a builtin (see TEMPLATES in settings/base.py):

- `{% govuk_field form.email %}`: a form field with its label (or legend), hint, error message
  and the GOV.UK Frontend classes; options `label=`, `hint=` (text or captured HTML),
  `inline=True` (radios side by side), `small=False` (full-size radios and checkboxes, for
  touch screens), `classes=` (e.g. "govuk-input--width-10"),
  `label_class=` (e.g. "govuk-label--m"). `includes/field.html` renders the same.
- `includes/form_errors.html`: the error summary, each error linking to its field.
- `{% govuk_tag "Present" "green" %}`: a tag (status); the cohorts app maps its statuses to
  colours in one place (`cohorts/templatetags/cohort_tags.py`).
- `{% govuk_pagination page %}`: pagination for a Django page, keeping the other query
  parameters (filters, another list's page); `param=` when the page number is not `page`.
- `{% capture name %}...{% endcapture %}`: keep rendered markup in a variable (a hint with a
  tag in it, for example).

The site's messages are notification banners (includes/messages.html, from base.html).
"""

from django import forms, template
from django.forms.widgets import Input
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The GOV.UK Frontend class for each kind of widget, and its "has an error" modifier.
_WIDGET_CLASSES = (
    (forms.Textarea, "govuk-textarea", "govuk-textarea--error"),
    (forms.Select, "govuk-select", "govuk-select--error"),
    (forms.CheckboxInput, "govuk-checkboxes__input", ""),
    (forms.ClearableFileInput, "govuk-file-upload", "govuk-file-upload--error"),
    (forms.FileInput, "govuk-file-upload", "govuk-file-upload--error"),
    (Input, "govuk-input", "govuk-input--error"),
)


def _is_choice_group(widget):
    return isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


def field_anchor(field):
    """The id the error summary links to: the field itself, or a group's first option (a
    radio group has no element of its own to focus)."""
    if _is_choice_group(field.field.widget):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter
def govuk_anchor(field):
    return field_anchor(field)


def _widget(field, *, described_by, classes):
    widget = field.field.widget
    attrs = {}
    for widget_class, css_class, error_class in _WIDGET_CLASSES:
        if isinstance(widget, widget_class):
            names = [css_class, widget.attrs.get("class", ""), classes]
            if field.errors and error_class:
                names.append(error_class)
            attrs["class"] = " ".join(n for n in names if n)
            break
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


def _choices(field):
    multiple = isinstance(field.field.widget, forms.CheckboxSelectMultiple)
    css = "govuk-checkboxes__input" if multiple else "govuk-radios__input"
    rendered = []
    for choice in field:
        choice.data["attrs"]["class"] = css
        rendered.append(
            {"tag": choice.tag(), "id": choice.id_for_label, "label": choice.choice_label}
        )
    return rendered


@register.inclusion_tag("includes/govuk_field.html")
def govuk_field(
    field,
    *,
    label=None,
    hint=None,
    inline=False,
    small=True,
    classes="",
    label_class="govuk-label--s",
):
    """One form field as the GOV.UK Design System draws it: label or legend, hint, error
    message (with the input kept), and aria-describedby linking them."""
    widget = field.field.widget
    base_id = field.auto_id or field.html_name
    hint = field.help_text if hint is None else hint
    hint_id = f"{base_id}-hint" if hint else ""
    error_id = f"{base_id}-error" if field.errors else ""
    described_by = [i for i in (hint_id, error_id) if i]
    if field.is_hidden:
        kind = "hidden"
    elif _is_choice_group(widget):
        kind = "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "radios"
    elif isinstance(widget, forms.CheckboxInput):
        kind = "checkbox"
    else:
        kind = "input"
    context = {
        "field": field,
        "kind": kind,
        "label": field.label if label is None else label,
        "label_class": label_class,
        "legend_class": label_class.replace("govuk-label--", "govuk-fieldset__legend--"),
        "hint": hint,
        "hint_id": hint_id,
        "error_id": error_id,
        "described_by": " ".join(described_by),
        "inline": inline,
        "small": small,
    }
    if kind in ("radios", "checkboxes"):
        context["choices"] = _choices(field)
    elif kind != "hidden":
        # A single checkbox's hint sits under its label, inside the item.
        context["widget"] = _widget(field, described_by=described_by, classes=classes)
    return context


@register.simple_tag
def govuk_tag(text, colour=""):
    """A GOV.UK tag: a short status in a coloured box (colour: grey, green, turquoise, blue,
    light-blue, purple, pink, red, orange, yellow; none is the default dark blue)."""
    if colour:
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, text)
    return format_html('<strong class="govuk-tag">{}</strong>', text)


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def govuk_pagination(context, page, *, param="page", label="Pages", query=None):
    """GOV.UK pagination for a Django page: previous, numbered pages with gaps, next. Links
    keep the request's other query parameters (a filter, another list's page), or those in
    `query` (a QueryDict) for a list rendered apart from its request."""
    request = context.get("request")
    if query is None and request is not None:
        query = request.GET

    def url(number):
        if query is None:
            return f"?{param}={number}"
        params = query.copy()
        params[param] = number
        return f"?{params.urlencode()}"

    items = []
    if page.has_other_pages():
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
            if number == page.paginator.ELLIPSIS:
                items.append({"ellipsis": True})
            else:
                items.append(
                    {"number": number, "url": url(number), "current": number == page.number}
                )
    return {
        "page": page,
        "label": label,
        "items": items,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered with autoescaping, so what it holds is safe markup.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}markup{% endcapture %}: the markup, rendered, in `name`."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% capture name %} takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
