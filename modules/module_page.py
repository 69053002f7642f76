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

from django.contrib import messages
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate
from django.template.loader import render_to_string
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.roles import may_use_admin
from kept.parts import CSRF_PLACEHOLDER, cache, digest

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


def kept_key(request, module):
    """Where a participant's module page is kept (what else it is kept under is kept with it:
    `kept_page`)."""
    site = Site.find_for_request(request)  # found already by the page's routing
    return f"module-page:{module.pk}:{module.live_revision_id}:{site.pk if site else 0}:" + str(
        request.user.pk
    )


def page_html(request, module, parts):
    """The whole page around its `parts` (with CSRF_PLACEHOLDER for the viewer's token)."""
    context = {**Page.get_context(module, request), "parts": parts, "csrf_token": CSRF_PLACEHOLDER}
    return render_to_string(module.get_template(request), context, request=request)


def _whole_page_is_theirs_alone(request):
    """Whether the whole page, not just its parts, may be kept: the layout around them shows
    nothing of this request but the person's sign-out form (its CSRF token put in when read),
    unless they may use the admin (the header's link, the userbar) or a message waits for them
    (shown, and used up, on the page rendered now)."""
    return not may_use_admin(request.user) and not len(messages.get_messages(request))


def kept_page(request, module, *, found, learner_version, access, render):
    """A participant's page (HTML, CSRF_PLACEHOLDER for their token): kept at `kept_key`, read
    (`found`) with the tree's version and their learner record before anything is rendered, if
    it was kept under the same; otherwise its parts `render()`ed (after recording their visit)
    and kept, with the whole page where it is theirs alone."""
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
    changed = kept is None or kept["under"] != under
    if changed:
        kept = {"under": under, "parts": render(), "page": None}
    if not _whole_page_is_theirs_alone(request):
        html = page_html(request, module, kept["parts"])
    else:
        if kept["page"] is None:
            kept["page"] = page_html(request, module, kept["parts"])
            changed = True
        html = kept["page"]
    if changed:
        cache().set(kept_key(request, module), kept, timeout=TIMEOUT)
    return html


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
