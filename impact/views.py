"""Screens: the programme dashboard and its exports, a participant's self-assessment, their
own ratings, feedback on a cohort session, and a cohort's feedback for those who run it.

Views are thin: parse input, check permission (impact.permissions), call a selector or service,
render."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.permissions import deny
from accounts.roles import is_facilitator, is_nominator, is_programme_manager
from cohorts.models import Cohort, CohortSession, Enrolment
from links.downloads import content_disposition

from . import dashboard as dashboard_figures
from . import rules, selectors, services
from .dashboard import FIGURES, Dashboard, options_for
from .exports import CONTENT_TYPES, spreadsheet
from .forms import DashboardFilterForm, SelfAssessmentForm, SessionFeedbackForm
from .models import SelfAssessment, SessionFeedback
from .permissions import check


def _scope_label(user):
    """What this person's dashboard covers, in their terms."""
    if is_programme_manager(user):
        return "Every cohort of every programme."
    parts = []
    if is_facilitator(user):
        parts.append("the cohorts you facilitate")
    if is_nominator(user):
        parts.append("your organisation's officers")
    return (" and ".join(parts) or "what you can see").capitalize() + "."


def _dashboard(request):
    if not (permission := check(request.user, "view-dashboard")):
        return deny(request, permission)
    options = options_for(request.user)
    form = DashboardFilterForm(
        request.GET, options=options, today=rules.local_today(timezone.now())
    )
    filters = form.filters()
    return form, Dashboard(user=request.user, filters=filters, options=options)


@login_required
def dashboard(request):
    form, board = _dashboard(request)
    figures = board.figures()
    return render(
        request,
        "impact/dashboard.html",
        {
            "form": form,
            "figures": figures,
            "worked_out_at": min(figure.worked_out_at for figure in figures),
            "kept_minutes": dashboard_figures.CACHE_SECONDS // 60,
            "kept_seconds": dashboard_figures.CACHE_SECONDS,
            # Drawn again whenever a figure is worked out again, or the filters change.
            "fragment_key": board.cache_key(
                max(figure.worked_out_at for figure in figures).isoformat()
            ),
            "scope": _scope_label(request.user),
            "query": request.GET.urlencode(),
            "formats": list(CONTENT_TYPES),
        },
    )


@login_required
def dashboard_export(request, figure, export_format):
    if figure not in FIGURES or export_format not in CONTENT_TYPES:
        raise Http404("No such figure or format.")
    _form, board = _dashboard(request)
    content, content_type = spreadsheet(
        sheets=board.figure(figure).sheets(), export_format=export_format
    )
    response = HttpResponse(content, content_type=content_type)
    name = f"dashboard-{figure}-{timezone.localdate():%Y-%m-%d}.{export_format}"
    response["Content-Disposition"] = content_disposition(name)
    return response


@login_required
def self_assessment(request, pk):
    """A participant rates themselves on the six capabilities: before, or after."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__programme"), pk=pk, participant=request.user
    )
    today = rules.local_today()
    if not (permission := check(request.user, "rate-capabilities", enrolment, today=today)):
        return deny(request, permission)
    given = set(enrolment.self_assessments.values_list("stage", flat=True))
    stage = rules.assessment_due(enrolment, given=given, today=today)
    wording = selectors.wording_for(enrolment.cohort.programme)
    context = {
        "enrolment": enrolment,
        "cohort": enrolment.cohort,
        "wording": wording,
        "is_before": stage == SelfAssessment.Stage.BEFORE,
    }
    if stage is None:
        given_stage = rules.assessment_stage_open(enrolment, today=today)
        context.update(stage=given_stage, is_before=given_stage == SelfAssessment.Stage.BEFORE)
        return render(request, "impact/self_assessment_given.html", context)
    form = SelfAssessmentForm(request.POST or None, wording=wording)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_submit(
                enrolment=enrolment, stage=stage, ratings=form.ratings()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "impact/self_assessment_done.html", {**context, "stage": stage})
    return render(
        request,
        "impact/self_assessment.html",
        {**context, "form": form, "stage": stage},
    )


@login_required
def my_capabilities(request):
    """A participant's own ratings, before and after, on each cohort they took part in."""
    return render(
        request, "impact/my_capabilities.html", {"cohorts": selectors.own_ratings(request.user)}
    )


@login_required
def session_feedback(request, pk):
    """A participant's feedback on one cohort session, once it has ended: once only."""
    session = get_object_or_404(CohortSession.objects.select_related("cohort__programme"), pk=pk)
    enrolment = (
        Enrolment.objects.filter(cohort_id=session.cohort_id, participant=request.user)
        .select_related("cohort")
        .first()
    )
    if not (permission := check(request.user, "give-feedback", session, enrolment=enrolment)):
        return deny(request, permission)
    context = {"session": session, "cohort": session.cohort}
    if SessionFeedback.objects.filter(session=session, enrolment=enrolment).exists():
        return render(request, "impact/feedback_given.html", context)
    form = SessionFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_feedback_submit(
                session=session, enrolment=enrolment, **form.cleaned_data
            )
        except ValidationError as error:
            if services.ALREADY_ANSWERED in error.messages:
                return render(request, "impact/feedback_given.html", context)
            form.add_error(None, error)
        else:
            return render(request, "impact/feedback_done.html", context)
    return render(request, "impact/session_feedback.html", {**context, "form": form})


@login_required
def cohort_feedback(request, pk):
    """Feedback on a cohort's sessions, per session and per module, without names."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("programme", "place").prefetch_related("facilitators"),
        pk=pk,
    )
    if not (permission := check(request.user, "view-session-feedback", cohort)):
        return deny(request, permission)
    per_session, per_module = selectors.cohort_feedback(cohort)
    return render(
        request,
        "impact/cohort_feedback.html",
        {
            "cohort": cohort,
            "sessions": per_session,
            "modules": per_module,
            "minimum": rules.MINIMUM_GROUP,
        },
    )
