"""What the good practice database keeps, and when it is forgotten.

A search's answer (counts, and which case studies are on the page: ids, never titles), its HTML,
the count of resources and the list of pages behind Wagtail privacy settings are kept for
everyone who sees the same case studies, until a case study, resource, theme, place,
organisation or page restriction changes: `search_changed` (called from practice.signals)
starts a new generation, and everything kept under the old one is ignored.

A value is kept under its generation, so it never changes once made: each process keeps the
ones it uses most in its own memory (KEPT_IN_MEMORY of them), and the shared cache holds them
for the other processes (for CACHE_SECONDS). A process reads the generation from the shared
cache at most once a GENERATION_SECONDS, so a change reaches every process within that.

Whether each case study on a page is published and open to the reader is always checked
afresh (`visible_to`), so a value kept a little too long (or several processes without a shared
cache) never puts a title in front of someone who may not open it.
"""

import threading
import time
import uuid
from collections import OrderedDict

from django.core.cache import cache

CACHE_SECONDS = 600
GENERATION_SECONDS = 1.0
KEPT_IN_MEMORY = 256
_GENERATION = "practice:generation"

_lock = threading.Lock()
_memory = OrderedDict()
_generation = {"value": None, "read_at": 0.0}


def search_changed():
    """Forget everything kept (start a new generation)."""
    value = uuid.uuid4().hex
    cache.set(_GENERATION, value, None)
    with _lock:
        _generation.update(value=value, read_at=time.monotonic())


def generation():
    with _lock:
        if _generation["value"] and time.monotonic() - _generation["read_at"] < GENERATION_SECONDS:
            return _generation["value"]
    value = cache.get(_GENERATION)
    if value is None:
        cache.add(_GENERATION, uuid.uuid4().hex, None)
        value = cache.get(_GENERATION)
    with _lock:
        _generation.update(value=value, read_at=time.monotonic())
    return value


def kept(name, compute):
    """A value worked out once per generation: from this process's memory, or the shared
    cache, or `compute()`."""
    key = f"practice:kept:{generation()}:{name}"
    with _lock:
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    with _lock:
        _memory[key] = value
        while len(_memory) > KEPT_IN_MEMORY:
            _memory.popitem(last=False)
    return value


def forget_in_memory():
    """For tests, which empty the shared cache between them: forget this process's copies."""
    with _lock:
        _memory.clear()
        _generation.update(value=None, read_at=0.0)
