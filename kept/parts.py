"""Rendered parts of pages kept between requests: the cache they live in, how a key is made of
the ids and versions a part shows, and how the viewer's own CSRF token goes into a part kept for
everyone who sees the same thing.

A part holds nothing of the viewer but what its key names: each form's CSRF token in it is a
placeholder (render it with `csrf_token` set to CSRF_PLACEHOLDER), the viewer's own put in when
the part is read (`with_viewers_token`). What each part is keyed by is said where it is kept:
`cohorts.kept_html` (under the versions of cohorts' records), `modules.module_page`.

The cache is the "records" cache: one shared by every process (Redis in production), or none at
all where processes share nothing, so no process reads a part another has seen change."""

import hashlib

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

ALIAS = "records"
# A part is dropped after a day even if nothing changes: what is time-dependent is in its key;
# this only bounds what the cache holds.
TIMEOUT = 24 * 60 * 60

# Never in text shown escaped (a name, a title): quotes and brackets are entities there.
_TOKEN_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
CSRF_PLACEHOLDER = "the-viewers-csrf-token"
_PLACEHOLDER_FIELD = format_html(_TOKEN_FIELD, CSRF_PLACEHOLDER)


def cache():
    return caches[ALIAS]


def with_viewers_token(request, html):
    """`html`, rendered with `csrf_token` set to CSRF_PLACEHOLDER, with the viewer's own token
    in each form (safe HTML)."""
    if _PLACEHOLDER_FIELD in html:
        html = html.replace(_PLACEHOLDER_FIELD, format_html(_TOKEN_FIELD, get_token(request)))
    return mark_safe(html)  # noqa: S308 - rendered by a template, escaped there


def digest(values):
    """A short stand-in, for a cache key, for a list of ids or versions."""
    text = ",".join(map(str, values))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
