"""The good practice database's own pages beside its Wagtail pages: the way in, reports and
resources, proposing a case study (and changing it when it is sent back), and the peer
challenge question bank with its downloads. Views parse, check permission, call a service or
selector and render."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.roles import is_programme_manager
from cohorts.models import Organisation
from links.downloads import content_disposition

from . import exports, selectors, services
from .forms import CaseStudyProposalForm, QuestionSetForm
from .models import CaseStudyProposal, GoodPracticeIndexPage, QuestionSet, Theme
from .permissions import (
    can_change_proposal,
    can_pick_questions,
    can_propose_case_study,
    can_view_question_set,
)
from .standings import proposal_standings

EXPORT_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}


def _deny(request, permission):
    """Strangers sign in and come back; signed-in people without access are told why."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(permission.reason)


def good_practice(request):
    """A fixed address for the good practice database, wherever its index page lives."""
    index = GoodPracticeIndexPage.objects.live().only("url_path").first()
    if index is None:
        raise Http404("The good practice database is not published yet.")
    return redirect(index.url)


def resources(request):
    """Reports and resources, newest first, by words and theme."""
    query = (request.GET.get("q") or "").strip()[:200]
    theme = (request.GET.get("theme") or "").strip()[:100]
    page = selectors.resources(query=query, theme=theme, page_number=request.GET.get("page") or 1)
    return render(
        request,
        "practice/resources.html",
        {
            "page": page,
            "query": query,
            "theme": theme,
            "themes": Theme.objects.all(),
            "page_querystring": selectors.querystring_without_page(request),
        },
    )


def _organisation_names():
    return Organisation.objects.order_by("name").values_list("name", flat=True)


def _proposal_form_page(request, form, *, proposal=None, status=200):
    return render(
        request,
        "practice/propose.html",
        {"form": form, "proposal": proposal, "organisation_names": _organisation_names()},
        status=status,
    )


def _save(request, form, save):
    """Run the service; its refusals become form errors (nothing was saved)."""
    try:
        return save(form.content(), form.cleaned_data.get("document"))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
    return None


def propose(request):
    """Anyone signed in proposes a case study: a draft for the programme managers to approve."""
    permission = can_propose_case_study(request.user)
    if not permission:
        return _deny(request, permission)
    form = CaseStudyProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proposal = _save(
            request,
            form,
            lambda content, document: services.case_study_propose(
                proposer=request.user, content=content, document=document
            ),
        )
        if proposal is not None:
            messages.success(
                request,
                f"Thank you: “{proposal.page.title}” is with the programme managers for review. "
                "We will email you when it is published, or if they have questions.",
            )
            return redirect("practice:proposals")
    return _proposal_form_page(request, form, status=400 if form.errors else 200)


def proposals(request):
    """The person's own proposals and where each stands."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = selectors.proposals_of(user=request.user, page_number=request.GET.get("page") or 1)
    return render(request, "practice/proposals.html", {"page": page})


def proposal_change(request, pk):
    """The proposer changes a case study sent back to them, and submits it again."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    proposal = get_object_or_404(
        CaseStudyProposal.objects.visible_to(request.user).select_related("page"), pk=pk
    )
    standing = proposal_standings([proposal])[proposal.pk]
    permission = can_change_proposal(request.user, proposal, sent_back=standing.sent_back)
    if not permission:
        return _deny(request, permission)
    draft = proposal.page.get_latest_revision_as_object()
    form = CaseStudyProposalForm(
        request.POST or None,
        request.FILES or None,
        initial=CaseStudyProposalForm.initial_from(draft),
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda content, document: services.case_study_proposal_update(
                proposal=proposal, actor=request.user, content=content, document=document
            ),
        )
        if saved is not None:
            messages.success(request, f"“{form.cleaned_data['title']}” is submitted again.")
            return redirect("practice:proposals")
    return render(
        request,
        "practice/propose.html",
        {
            "form": form,
            "proposal": proposal,
            "standing": standing,
            "organisation_names": _organisation_names(),
        },
        status=400 if form.errors else 200,
    )


def question_bank(request):
    """The peer challenge question bank, by theme; signed-in people pick a question set."""
    form = QuestionSetForm(request.POST or None)
    if request.method == "POST":
        permission = can_pick_questions(request.user)
        if not permission:
            return _deny(request, permission)
        if form.is_valid():
            try:
                question_set = services.question_set_create(
                    owner=request.user,
                    council=form.cleaned_data["council"],
                    lines=form.cleaned_data["lines"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("practice:question_set", pk=question_set.pk)
    page, groups = selectors.question_bank(
        user=request.user, page_number=request.GET.get("page") or 1
    )
    chosen = {str(pk) for pk in (form["lines"].value() or [])}
    my_sets = None
    if request.user.is_authenticated:
        my_sets = selectors.question_sets_of(
            user=request.user, page_number=request.GET.get("sets") or 1
        )
    return render(
        request,
        "practice/question_bank.html",
        {
            "form": form,
            "page": page,
            "groups": groups,
            "chosen": chosen,
            "my_sets": my_sets,
            "every_set": is_programme_manager(request.user),
        },
        status=400 if form.errors else 200,
    )


def _question_set(request, pk):
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    # Someone else's question set does not exist as far as this person can tell.
    question_set = get_object_or_404(QuestionSet.objects.visible_to(request.user), pk=pk)
    permission = can_view_question_set(request.user, question_set)
    if not permission:
        return None, _deny(request, permission)
    return question_set, None


def question_set(request, pk):
    found, refusal = _question_set(request, pk)
    if refusal:
        return refusal
    lines = selectors.question_set_lines(question_set=found, user=request.user)
    return render(
        request,
        "practice/question_set.html",
        {"question_set": found, "groups": selectors.group_by_theme(lines)},
    )


def question_set_download(request, pk, export_format):
    """The question set as a tagged PDF or a CSV."""
    if export_format not in EXPORT_TYPES:
        raise Http404("No such format.")
    found, refusal = _question_set(request, pk)
    if refusal:
        return refusal
    lines = selectors.question_set_lines(question_set=found, user=request.user)
    if export_format == "pdf":
        content = exports.question_set_pdf(found, selectors.group_by_theme(lines))
    else:
        content = exports.question_set_csv(found, lines)
    response = HttpResponse(content, content_type=EXPORT_TYPES[export_format])
    response["Content-Disposition"] = content_disposition(exports.filename(found, export_format))
    return response
