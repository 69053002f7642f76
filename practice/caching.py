"""What the good practice database keeps in the cache, and when it is forgotten.

A search's answer (counts, and which case studies are on the page: ids, never titles), its HTML,
the count of resources and the list of pages behind Wagtail privacy settings are kept for
CACHE_SECONDS, for everyone who sees the same case studies, until a case study, resource, theme,
place, organisation or page restriction changes: `search_changed` (called from
practice.signals) starts a new generation, and everything kept under the old one is ignored.

Whether each case study on a page is published and open to the reader is always checked
afresh (`visible_to`), so even an answer kept a little too long (several processes without a
shared cache) never puts a title in front of someone who may not open it.
"""

import uuid

from django.core.cache import cache

CACHE_SECONDS = 600
_GENERATION = "practice:generation"


def search_changed():
    """Forget everything kept (start a new generation)."""
    cache.set(_GENERATION, uuid.uuid4().hex, None)


def generation():
    current = cache.get(_GENERATION)
    if current is None:
        cache.add(_GENERATION, uuid.uuid4().hex, None)
        current = cache.get(_GENERATION)
    return current


def kept(name, compute):
    """A value worked out once per generation (and at most CACHE_SECONDS old)."""
    key = f"practice:kept:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value
