"""Round table pages. Someone not invited is told a round table does not exist (404); an
invitee sees it and who else is invited; those who accepted see how to join, the calendar file
and the notes. Programme managers run them."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from links.downloads import content_disposition

from . import round_tables, selectors
from .calendar import round_table_ics as ics_for
from .forms import InviteForm, NoteForm, RoundTableAnswerForm, RoundTableForm, SummaryForm
from .models import RoundTable
from .permissions import check, invitation_of
from .views import refused


def _visible_or_404(request, pk):
    """The round table if this person was invited (or manages round tables); else a 404."""
    return get_object_or_404(
        RoundTable.objects.visible_to(request.user).select_related(
            "speaker__person", "speaker__organisation"
        ),
        pk=pk,
    )


@login_required
def round_table_list(request):
    page = selectors.round_tables_for(request.user, page_number=request.GET.get("page") or 1)
    return render(
        request,
        "network/round_tables.html",
        {"page": page, "runs": check(request.user, "run-round-tables")},
    )


@login_required
def summaries(request):
    page = selectors.published_summaries(page_number=request.GET.get("page") or 1)
    return render(request, "network/summaries.html", {"page": page})


@login_required
def round_table(request, pk):
    table = _visible_or_404(request, pk)
    user = request.user
    return render(
        request,
        "network/round_table.html",
        {
            "table": table,
            "invitation": invitation_of(user, table),
            "invitees": round_tables.invitees_of(table),
            "joining": check(user, "see-joining-details", table),
            "notes_open": check(user, "see-notes", table),
            "answers": check(user, "answer-invitation", table),
            "runs": check(user, "run-round-tables"),
        },
    )


@require_POST
@login_required
def round_table_answer(request, pk):
    table = _visible_or_404(request, pk)
    if response := refused(request, "answer-invitation", table):
        return response
    accept = request.POST.get("answer") == "accept"
    round_tables.invitation_answer(person=request.user, round_table=table, accept=accept)
    messages.success(request, "Thank you: you will attend." if accept else "You have declined.")
    return redirect("network:round_table", table.pk)


@login_required
def round_table_calendar(request, pk):
    table = _visible_or_404(request, pk)
    if response := refused(request, "see-joining-details", table):
        return response
    response = HttpResponse(ics_for(table), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition(
        f"round-table-{slugify(table.title)[:60] or table.pk}.ics"
    )
    return response


@login_required
def round_table_notes(request, pk):
    """The notes, with no author shown; the organiser adds a point here, and is warned before
    saving one that names someone invited."""
    table = _visible_or_404(request, pk)
    if response := refused(request, "see-notes", table):
        return response
    runs = check(request.user, "run-round-tables")
    form = NoteForm(request.POST or None) if runs else None
    named = []
    if request.method == "POST":
        if not runs:
            return refused(request, "run-round-tables")
        if form.is_valid():
            text = form.cleaned_data["text"]
            named = round_tables.attendees_named(table, text)
            if named and not form.cleaned_data["names_checked"]:
                form.add_error(
                    "text",
                    "This note names someone invited ("
                    + ", ".join(str(p) for p in named)
                    + "). Under the Chatham House rule points are not attributed: take the "
                    "name out, or tick the box to say the name is not an attribution.",
                )
            else:
                round_tables.round_table_note_add(actor=request.user, round_table=table, text=text)
                messages.success(request, "The note is saved, without attribution.")
                return redirect("network:round_table_notes", table.pk)
    return render(
        request,
        "network/round_table_notes.html",
        {"table": table, "notes": table.notes.all(), "form": form, "named": named},
    )


def _run_or_refuse(request, pk):
    """(round table, refusal): someone not invited is told it does not exist; an invitee that
    only the organisers may do this."""
    table = _visible_or_404(request, pk)
    return table, refused(request, "run-round-tables")


@login_required
def round_table_edit(request, pk=None):
    if pk:
        table, response = _run_or_refuse(request, pk)
    else:
        table, response = None, refused(request, "run-round-tables")
    if response:
        return response
    form = RoundTableForm(request.POST or None, instance=table)
    if request.method == "POST" and form.is_valid():
        try:
            table = round_tables.round_table_save(actor=request.user, round_table=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The round table is saved.")
            return redirect("network:round_table", table.pk)
    return render(request, "network/round_table_form.html", {"form": form, "table": table})


@login_required
def round_table_invite(request, pk):
    table, response = _run_or_refuse(request, pk)
    if response:
        return response
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = round_tables.round_table_invite(
                actor=request.user, round_table=table, invitees=form.cleaned_data["people"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = len(made)
            messages.success(request, f"{count} invitation{'s' if count != 1 else ''} sent.")
            return redirect("network:round_table", table.pk)
    return render(request, "network/round_table_invite.html", {"form": form, "table": table})


@login_required
def round_table_summary(request, pk):
    table, response = _run_or_refuse(request, pk)
    if response:
        return response
    form = SummaryForm(
        request.POST or None,
        initial={"summary": table.summary, "publish": bool(table.summary_published_at)},
    )
    if request.method == "POST" and form.is_valid():
        round_tables.round_table_summary_save(
            actor=request.user,
            round_table=table,
            summary=form.cleaned_data["summary"],
            publish=form.cleaned_data["publish"],
        )
        messages.success(request, "The summary is saved.")
        return redirect("network:round_table", table.pk)
    return render(request, "network/round_table_summary.html", {"form": form, "table": table})


@never_cache
def invitation(request, token):
    """The single-use link in the invitation email: answer, setting a password if the invitee
    has no account yet (they are then signed in)."""
    found = round_tables.invitation_for_token(token)
    if found is None:
        raise Http404("This link is not one we sent.")
    if not found.link_usable:
        return render(request, "network/invitation_used.html", {"invitation": found}, status=410)
    person = found.person
    form = RoundTableAnswerForm(request.POST or None, user=person)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == form.CONFIRM
        password = form.cleaned_data.get("new_password1") if accept else None
        try:
            round_tables.invitation_answer(
                person=person,
                round_table=found.round_table,
                accept=accept,
                by_link=found,
                password=password or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if password:
                login(request, person, backend="accounts.backends.EmailBackend")
            return render(
                request,
                "network/invitation_done.html",
                {"invitation": found, "accepted": accept, "signed_in": bool(password)},
            )
    return render(request, "network/invitation.html", {"form": form, "invitation": found})
