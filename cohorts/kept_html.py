"""Parts of pages rendered once and kept under the versions of the cohorts' records they show
(`cohorts.record_versions`), for every page that keeps HTML: the one place that says how such a
part is keyed, when it may be stored and how the viewer's own CSRF token goes into it.

A kept part holds nothing of the viewer but what its key names (their organisations, the
filters they chose, whom they may see): each form's CSRF token in it is a placeholder, the
viewer's own put in when the part is read (`with_viewers_token`).

The cohorts a part shows are named by the caller, read from the database on every request (which
cohorts a nominator's officers are on, say). A part is kept only if they are the same after it
was rendered as before (`still`): a place made on another cohort while the part was being
rendered would otherwise be left out of a part kept under the cohorts named before it.
"""

import hashlib

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import record_versions

# Never in text shown escaped (a name, a title): quotes and brackets are entities there.
_TOKEN_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
CSRF_PLACEHOLDER = "the-viewers-csrf-token"
_PLACEHOLDER_FIELD = format_html(_TOKEN_FIELD, CSRF_PLACEHOLDER)


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


def kept_for_cohorts(request, name, cohort_ids, render, *, extra="", still=None, versions=None):
    """The part called `name` (with `extra`: what else it depends on, the viewer's filters say)
    showing these cohorts, kept under their versions; otherwise `render()` (HTML, its forms'
    tokens CSRF_PLACEHOLDER), kept if `still()` (the cohorts read again) names the same ones.
    A caller that has read the cohorts' `versions` already passes them."""
    ids = sorted(set(cohort_ids))
    if versions is None:
        versions = record_versions.cohort_record_versions(ids)
    key = (
        f"kept:{name}:{extra}:{digest(ids)}:"
        f"{digest(record_versions.version_text(versions[pk]) for pk in ids)}"
    )
    cache = caches[record_versions.ALIAS]
    html = cache.get(key)
    if html is None:
        html = render()
        if still is None or sorted(set(still())) == ids:
            cache.set(key, html, timeout=record_versions.RESULT_TIMEOUT)
    return with_viewers_token(request, html)
