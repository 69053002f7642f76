"""Notification wording: the subject and body the programme team writes, with placeholders in
braces (`Dear {first_name},`). The one place wording is checked and filled in.

Placeholders are plain names from the kind's list: no attribute access, no indexing, no format
specification or conversion, so wording can neither reach into objects nor ask for a huge
padded string. A brace meant literally is written twice (`{{` and `}}`).
"""

import re
import string

from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

_FORMATTER = string.Formatter()
_URL = re.compile(r"(https?://[^\s<>\"']+)")


def placeholders_used(text):
    """The placeholder names `text` uses; ValidationError if the text is not valid wording or
    uses one in a form we do not allow."""
    try:
        parsed = list(_FORMATTER.parse(text or ""))
    except ValueError as error:
        raise ValidationError(
            "A brace is not closed or opened: write placeholders as {name}, and a literal brace "
            "as {{ or }}."
        ) from error
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or not name.isidentifier():
            raise ValidationError(
                f"“{{{name}}}” is not a placeholder: use a name from the list, such as "
                "{first_name}."
            )
        if spec or conversion:
            raise ValidationError(f"Write the placeholder as {{{name}}}, with nothing after it.")
        names.append(name)
    return names


def validate_wording(text, allowed):
    """Raise ValidationError naming each placeholder `text` uses that is not in `allowed`."""
    unknown = sorted(set(placeholders_used(text)) - set(allowed))
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in unknown)
        raise ValidationError(
            f"This wording uses {listed}, which this notification does not have. "
            f"It may use: {', '.join(f'{{{name}}}' for name in sorted(allowed)) or 'none'}."
        )


def fill(text, values):
    """`text` with each placeholder replaced by its value (missing ones by nothing)."""
    out = []
    for literal, name, _spec, _conversion in _FORMATTER.parse(text or ""):
        out.append(literal)
        if name is not None:
            out.append(str(values.get(name, "")))
    return "".join(out)


def fill_subject(text, values):
    """A subject line: filled in, on one line."""
    return " ".join(fill(text, values).split())[:250]


def _inline(line):
    """One line of text as HTML: escaped, with web addresses made links."""
    parts = _URL.split(line)
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<a href="{}" style="color:#1d70b8;">{}</a>', part, part),)
            if index % 2
            else (escape(part),)
            for index, part in enumerate(parts)
        ),
    )


def text_to_html(body):
    """The plain-text body as simple HTML for the email's HTML part: a paragraph per blank-line
    block, lines starting "- " as a bulleted list, web addresses as links."""
    blocks = []
    for block in re.split(r"\n\s*\n", (body or "").strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("- ") for line in lines):
            items = format_html_join(
                "",
                '<li style="margin-bottom:5px;">{}</li>',
                ((_inline(line.lstrip()[2:]),) for line in lines),
            )
            blocks.append(format_html('<ul style="{}">{}</ul>', _LIST_STYLE, items))
        else:
            text = format_html_join(mark_safe("<br>"), "{}", ((_inline(line),) for line in lines))
            blocks.append(format_html('<p style="{}">{}</p>', _PARAGRAPH_STYLE, text))
    return format_html_join("\n", "{}", ((block,) for block in blocks))


_PARAGRAPH_STYLE = "margin:0 0 20px 0;font-size:19px;line-height:1.315789474;color:#0b0c0c;"
_LIST_STYLE = "margin:0 0 20px 0;padding-left:20px;font-size:19px;line-height:1.315789474;"
