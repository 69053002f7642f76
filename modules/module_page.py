"""A module's page as a participant sees it (the module, their progress and reflections, their
own cohort sessions on it, the modules before and after), rendered once and kept until
something it shows changes. The key names:
- the module's published version (a new revision), the site it is seen on (its links) and
  the person;
- the version of the programmes' page tree (`tree_changed`: a module or programme published,
  unpublished, moved or deleted, which changes the modules before and after and the
  programme's name);
- the version of what the app that runs cohorts knows of their learning
  (`participation.learner_record`: their places, their cohorts' sessions, their module
  progress), and the modules not yet open to them.
The last three are kept with the parts and read with the learner record, in one cache read.
Documents and images in the body may change without the module being published again: a part
is kept ten minutes at most, as the body's own fragment cache is. Previews, and the people who
run programmes, get the page rendered afresh. The parts live in `kept.parts`' cache, with a
placeholder for the viewer's CSRF token."""

import time

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate
from django.template.loader import render_to_string
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from kept.parts import CSRF_PLACEHOLDER, cache, digest, with_viewers_token

from . import selectors

TEMPLATES = {"back": "modules/module_page/back.html", "content": "modules/module_page/content.html"}
TIMEOUT = 10 * 60
TREE = "modules-page-tree-version"


def rendered_parts(request, module, *, access=None, progress=None):
    """The page's parts (HTML, CSRF_PLACEHOLDER for the viewer's token), rendered now."""
    context = {
        "page": module,
        "self": module,
        "csrf_token": CSRF_PLACEHOLDER,
        **selectors.module_page_context(
            module=module, user=request.user, access=access, progress=progress
        ),
    }
    return {name: render_to_string(t, context, request=request) for name, t in TEMPLATES.items()}


def viewers_parts(request, parts):
    """The parts with the viewer's CSRF token in them."""
    return {name: with_viewers_token(request, html) for name, html in parts.items()}


def kept_key(request, module):
    """Where a participant's parts of the module's page are kept (what else they are kept
    under is kept with them: `kept_parts`)."""
    site = Site.find_for_request(request)  # found already by the page's routing
    return f"module-page:{module.pk}:{module.live_revision_id}:{site.pk if site else 0}:" + str(
        request.user.pk
    )


def kept_parts(request, module, *, found, learner_version, access, render):
    """A participant's parts of the page: those kept at `kept_key`, read (`found`) with the
    tree's version and their learner record before anything is rendered, if they were kept
    under the same; otherwise `render()` (after recording their visit) and kept."""
    tree = found.get(TREE)
    if tree is None:
        tree = time.time_ns()
        cache().set(TREE, tree, timeout=None)
    under = {
        "tree": tree,
        "learner": learner_version,
        "closed": digest(sorted(access.not_yet_open)),
    }
    kept = found.get(kept_key(request, module))
    if kept is None or kept["under"] != under:
        kept = {"under": under, "parts": render()}
        cache().set(kept_key(request, module), kept, timeout=TIMEOUT)
    return viewers_parts(request, kept["parts"])


def _bump(**kwargs):
    cache().set(TREE, time.time_ns(), timeout=None)


def tree_changed(**kwargs):
    """Something every module's page may show of its programme has changed (now, and again
    when the transaction commits)."""
    _bump()
    transaction.on_commit(_bump)


_PAGES = {"modules.modulepage", "modules.programmepage"}


def _page_changed(sender, instance=None, **kwargs):
    if instance is not None and instance._meta.label_lower in _PAGES:
        tree_changed()


def connect(*page_models):
    """Connected in `ModulesConfig.ready()` for the programme and module page models."""
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(_page_changed, dispatch_uid=f"modules-page-tree-{name}")
    for model in page_models:
        post_delete.connect(
            _page_changed, sender=model, dispatch_uid=f"modules-page-tree-{model.__name__}"
        )
    # After a deploy, parts rendered by the code before are never read.
    post_migrate.connect(tree_changed, dispatch_uid="modules-page-tree-migrated")
