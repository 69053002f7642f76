"""Parts of pages rendered once and kept under the versions of the cohorts' records they show
(`cohorts.record_versions`), for every page that keeps HTML: the one place that says how such a
part is keyed, when it may be stored and how the viewer's own CSRF token goes into it.

A kept part holds nothing of the viewer but what its key names (their organisations, the
filters they chose, whom they may see): each form's CSRF token in it is a placeholder, the
viewer's own put in when the part is read (`kept.parts`).

The cohorts a part shows are named by the caller, read from the database on every request (which
cohorts a nominator's officers are on, say). A part is kept only if they are the same after it
was rendered as before (`still`): a place made on another cohort while the part was being
rendered would otherwise be left out of a part kept under the cohorts named before it.
"""

from kept.parts import cache, digest, with_viewers_token

from . import record_versions


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
    html = cache().get(key)
    if html is None:
        html = render()
        if still is None or sorted(set(still())) == ids:
            cache().set(key, html, timeout=record_versions.RESULT_TIMEOUT)
    return with_viewers_token(request, html)
