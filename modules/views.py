"""Participants' own pages: search, marking modules complete and the private learning log.
Views only parse, check permission, call a service and render."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts.permissions import deny

from . import permissions, selectors, services
from .forms import ReflectionForm, SearchForm
from .models import ModulePage, ProgrammePage

SEARCH_PAGE_SIZE = 10


def _participant_module(request, pk):
    module = get_object_or_404(ModulePage.objects.live(), pk=pk)
    return module, permissions.check(request.user, "keep-learning-log", module)


def search(request):
    """Search the programmes and the modules this person may see; nothing else ever shows."""
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
    if query:
        # Filter to what the person may see before searching, so no title ever leaks.
        visible = Page.objects.live().filter(
            Q(pk__in=ProgrammePage.objects.live().values("pk"))
            | Q(pk__in=ModulePage.objects.live().visible_to(request.user).values("pk"))
        )
        hits = visible.search(query)
        paginator = Paginator(hits, SEARCH_PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = [page.specific for page in results.object_list]
    return render(
        request, "modules/search.html", {"form": form, "query": query, "results": results}
    )


@require_POST
def module_complete(request, pk):
    """Mark a module complete, or not complete again (`complete=no`)."""
    module, permission = _participant_module(request, pk)
    if not permission:
        return deny(request, permission)
    complete = request.POST.get("complete", "yes") != "no"
    services.module_progress_complete(participant=request.user, module=module, complete=complete)
    messages.success(
        request,
        f"{module.title} marked as {'complete' if complete else 'not complete'}.",
    )
    return redirect(module.url)


def module_reflections(request, pk):
    """Answer a module's reflection prompts in the private learning log."""
    module, permission = _participant_module(request, pk)
    if not permission:
        return deny(request, permission)
    prompts = module.reflection_prompts()
    progress = selectors.progress_by_module(request.user, [module.pk]).get(module.pk)
    answers = progress.reflections if progress else {}
    form = ReflectionForm(request.POST or None, prompts=prompts, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_save(
                participant=request.user, module=module, answers=form.answers()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your reflections are saved in your learning log.")
            return redirect("modules:learning_log")
    return render(
        request,
        "modules/reflections.html",
        {"module": module, "form": form, "prompts": prompts},
        status=400 if form.errors else 200,
    )


def learning_log(request):
    """The participant's own reflections, module by module. Nobody else can read them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permission = permissions.check(request.user, "have-learning-log")
    if not permission:
        return deny(request, permission)
    return render(
        request, "modules/learning_log.html", {"entries": selectors.learning_log(request.user)}
    )
