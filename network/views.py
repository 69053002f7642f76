"""Champions and mentoring pages. Views parse input, check permission (network.permissions),
call a service or selector and render; refusals from a service become form errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.permissions import deny

from . import selectors, services
from .forms import ChampionProfileForm, DirectoryFilterForm, MakeChampionForm, MentoringRequestForm
from .models import ChampionProfile, Mentoring
from .permissions import check


def refused(request, action, *objects):
    """The response to a refusal of `action`, or None when it is allowed."""
    allowed = check(request.user, action, *objects)
    return None if allowed else deny(request, allowed)


def _errors_into(form, error):
    for message in error.messages:
        form.add_error(None, message)


def directory(request):
    """Find a champion by theme, region, sector and what they offer. No contact details."""
    if response := refused(request, "see-directory"):
        return response
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.directory(
        theme=filters.get("theme"),
        region=filters.get("region", ""),
        sector=filters.get("sector", ""),
        offer=filters.get("offer", ""),
        page_number=request.GET.get("page") or 1,
    )
    return render(request, "network/directory.html", {"form": form, "page": page})


@login_required
def champion(request, pk):
    profile = get_object_or_404(
        ChampionProfile.objects.visible_to(request.user).select_related("person", "organisation"),
        pk=pk,
    )
    return render(
        request,
        "network/champion.html",
        {
            "profile": profile,
            "may_ask": check(request.user, "request-mentoring", profile),
        },
    )


@login_required
def mentoring_request(request, pk):
    profile = get_object_or_404(
        ChampionProfile.objects.visible_to(request.user).select_related("person", "organisation"),
        pk=pk,
    )
    if response := refused(request, "request-mentoring", profile):
        return response
    form = MentoringRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mentoring_request(
                mentee=request.user, champion=profile, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _errors_into(form, error)
        else:
            messages.success(request, f"Your request has gone to {profile.person}.")
            return redirect("network:mentoring")
    return render(request, "network/mentoring_request.html", {"form": form, "profile": profile})


@login_required
def mentoring(request):
    """A person's mentoring, given and received; contact details once accepted."""
    pages = selectors.mentorings_of(
        request.user,
        giving_page=request.GET.get("giving") or 1,
        receiving_page=request.GET.get("receiving") or 1,
    )
    return render(request, "network/mentoring.html", pages)


def _mentoring_of(request, pk):
    return get_object_or_404(
        Mentoring.objects.visible_to(request.user).select_related("champion"), pk=pk
    )


@require_POST
@login_required
def mentoring_answer(request, pk):
    item = _mentoring_of(request, pk)
    if response := refused(request, "answer-mentoring", item):
        return response
    accept = request.POST.get("answer") == "accept"
    try:
        services.mentoring_answer(champion_person=request.user, mentoring=item, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"You {'accepted' if accept else 'declined'} {item.mentee}'s request."
            + (" You now each have the other's contact details." if accept else ""),
        )
    return redirect("home" if request.POST.get("back") == "home" else "network:mentoring")


@require_POST
@login_required
def mentoring_close(request, pk):
    item = _mentoring_of(request, pk)
    if response := refused(request, "close-mentoring", item):
        return response
    services.mentoring_close(person=request.user, mentoring=item)
    messages.success(request, "The mentoring is closed.")
    return redirect("network:mentoring")


@login_required
def matches(request):
    """Every match and its state (programme managers; never the notes)."""
    if response := refused(request, "see-matches"):
        return response
    status = request.GET.get("status") or ""
    page = selectors.matches(status=status, page_number=request.GET.get("page") or 1)
    return render(
        request,
        "network/matches.html",
        {"page": page, "status": status, "statuses": Mentoring.Status.choices},
    )


@login_required
def my_profile(request):
    """A person's own champion profile: opt in, change, withdraw; or apply to be one."""
    profile = ChampionProfile.objects.filter(person=request.user).first()
    form = ChampionProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        themes = form.cleaned_data["themes"]
        try:
            if profile is None:
                services.champion_apply(person=request.user, details=form.details(), themes=themes)
                messages.success(request, "Thank you: a programme manager will look at it.")
            else:
                services.champion_profile_update(
                    person=request.user, profile=profile, details=form.details(), themes=themes
                )
                messages.success(request, "Your profile is saved.")
        except ValidationError as error:
            _errors_into(form, error)
        else:
            return redirect("network:my_profile")
    return render(request, "network/my_profile.html", {"form": form, "profile": profile})


@require_POST
@login_required
def profile_listing(request):
    """Opt in to the directory, or withdraw from it."""
    profile = get_object_or_404(ChampionProfile, person=request.user)
    try:
        if request.POST.get("listed") == "yes":
            services.champion_opt_in(person=request.user, profile=profile)
            messages.success(request, "You are listed in the champions' directory.")
        else:
            services.champion_withdraw(person=request.user, profile=profile)
            messages.success(request, "Your profile is withdrawn from the directory.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("network:my_profile")


@login_required
def champion_make(request):
    """A programme manager proposes someone as a champion; they opt in themselves."""
    if response := refused(request, "make-champion"):
        return response
    form = MakeChampionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.champion_make(
                actor=request.user,
                person=form.person,
                details={k: v for k, v in form.details().items() if k != "email"},
                themes=form.cleaned_data["themes"],
            )
        except ValidationError as error:
            _errors_into(form, error)
        else:
            messages.success(request, f"{profile.person} is asked to opt in.")
            return redirect("network:applications")
    return render(request, "network/champion_make.html", {"form": form})


@login_required
def applications(request):
    """Profiles waiting: applications to approve, offers not yet taken up."""
    if response := refused(request, "make-champion"):
        return response
    waiting = (
        ChampionProfile.objects.filter(status__in=["applied", "offered", "withdrawn"])
        .select_related("person", "organisation")
        .order_by("status", "person__last_name", "pk")
    )
    page = selectors.Paginator(waiting, selectors.PAGE_SIZE).get_page(request.GET.get("page") or 1)
    return render(request, "network/applications.html", {"page": page})


@require_POST
@login_required
def champion_approve(request, pk):
    if response := refused(request, "make-champion"):
        return response
    profile = get_object_or_404(ChampionProfile, pk=pk)
    try:
        services.champion_approve(actor=request.user, profile=profile)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{profile.person} is listed in the directory.")
    return redirect("network:applications")
