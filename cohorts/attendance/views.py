"""Attendance screens: the register, the check-in code screen, the participant's check-in and
apologies, the import of a video call's attendance list, and a participant's own attendance."""

from allauth.core import ratelimit
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.permissions import deny
from links import absolute_url
from spreadsheets.formats import SpreadsheetError

from .. import permissions
from ..models import Apology, AttendanceMark, Cohort, CohortSession, Enrolment
from . import checkin, video_import
from .apologies import apologies_open, apologies_send, apologies_withdraw
from .forms import (
    ApologyForm,
    AttendanceImportConfirmForm,
    AttendanceImportForm,
    AttendanceImportRepreviewForm,
    CheckInForm,
    RegisterForm,
)
from .register import register_save


def _session(pk):
    return get_object_or_404(CohortSession.objects.select_related("cohort__programme"), pk=pk)


# --- Facilitators ----------------------------------------------------------------------------


def _names(enrolments, limit=10):
    names = [str(e.participant) for e in enrolments[:limit]]
    if len(enrolments) > limit:
        names.append(f"and {len(enrolments) - limit} more")
    return ", ".join(names)


def register(request, pk):
    """The register of one cohort session: one row per participant taking part. Before the
    session starts it only shows who sent apologies and when it opens."""
    session = _session(pk)
    permission = permissions.check(request.user, "run-cohort", session.cohort)
    if not permission:
        return deny(request, permission)
    now = timezone.now()
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort_id=session.cohort_id)
        .select_related("participant", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    apologies = {a.enrolment_id: a for a in Apology.objects.filter(session=session)}
    context = {"session": session, "cohort": session.cohort, "enrolments": enrolments}
    refusal = AttendanceMark.refusal(session=session, status=AttendanceMark.Status.PRESENT, at=now)
    if refusal:
        # Marks follow time: nothing but apologies until the session starts.
        context["apologies"] = [(e, apologies[e.pk]) for e in enrolments if e.pk in apologies]
        context["refused"] = refusal if request.method == "POST" else None
        status = 400 if request.method == "POST" else 200
        return render(request, "cohorts/attendance/register_not_open.html", context, status=status)
    marks = {m.enrolment_id: m for m in AttendanceMark.objects.filter(session=session)}
    initial = {eid: (m.status, m.note) for eid, m in marks.items()}
    for eid in apologies.keys() - initial.keys():
        initial[eid] = (AttendanceMark.Status.APOLOGIES, "")
    data = request.POST if request.method == "POST" else None
    filling = data is not None and RegisterForm.FILL_PRESENT in data
    if filling:
        data = RegisterForm.fill_present(data, enrolments)
    form = RegisterForm(data, enrolments=enrolments, initial_marks=initial)
    if data is not None and not filling and form.is_valid():
        try:
            register_save(
                session=session, entries=form.entries(), recorded_by=request.user, now=now
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            left = form.unmarked()
            message = f"The register for {session.title} is saved."
            if left:
                message += f" Not marked yet ({len(left)}): {_names(left)}."
            messages.success(request, message)
            return redirect("cohorts:attendance_register", pk=session.pk)
    rows = [
        (enrolment, status_field, note_field, marks.get(enrolment.pk), apologies.get(enrolment.pk))
        for enrolment, status_field, note_field in form.rows()
    ]
    checked_in = sum(1 for m in marks.values() if m.method == AttendanceMark.Method.SELF_CHECK_IN)
    context.update(
        form=form,
        rows=rows,
        unmarked=form.unmarked(),
        filled=filling,
        checked_in=checked_in,
        Method=AttendanceMark.Method,
    )
    return render(request, "cohorts/attendance/register.html", context)


def checkin_code(request, pk):
    """The screen a facilitator shows in the room: the current code and its QR code."""
    session = _session(pk)
    permission = permissions.check(request.user, "run-cohort", session.cohort)
    if not permission:
        return deny(request, permission)
    now = timezone.now()
    window = checkin.checkin_window(session)
    context = {"session": session, "cohort": session.cohort, "window": window, "now": now}
    if window.contains(now):
        code = checkin.current_code(session, now)
        url = absolute_url(f"{reverse('cohorts:check_in', args=[session.pk])}?code={code}")
        context.update(
            code=code,
            checkin_url=url,
            qr_svg=checkin.qr_svg(url, title=f"QR code to check in with the code {code}"),
            changes_at=checkin.code_changes_at(now),
            checked_in=AttendanceMark.objects.filter(
                session=session, method=AttendanceMark.Method.SELF_CHECK_IN
            ).count(),
        )
    return render(request, "cohorts/attendance/checkin_code.html", context)


def _show_preview(request, context, *, preview, key):
    choices = {
        "payload": key,
        "min_minutes": preview.min_minutes,
        "absent_if_missing": preview.absent_if_missing,
    }
    context.update(
        preview=preview,
        confirm_form=AttendanceImportConfirmForm(initial=choices),
        repreview_form=AttendanceImportRepreviewForm(initial=choices),
    )
    return render(request, "cohorts/attendance/import_preview.html", context)


def attendance_import(request, pk):
    """Import a video call's attendance list: upload, preview (again with other choices, if
    the facilitator likes), then confirm."""
    session = _session(pk)
    permission = permissions.check(request.user, "run-cohort", session.cohort)
    if not permission:
        return deny(request, permission)
    context = {"session": session, "cohort": session.cohort}
    refusal = AttendanceMark.refusal(
        session=session, status=AttendanceMark.Status.PRESENT, at=timezone.now()
    )
    form = AttendanceImportForm(
        initial={
            "min_minutes": video_import.default_min_minutes(session),
            "absent_if_missing": video_import.default_absent_if_missing(session),
        }
    )
    if refusal:
        form.refuse(refusal)
    elif request.method == "POST" and "payload" in request.POST:
        repreview = "repreview" in request.POST
        form_class = AttendanceImportRepreviewForm if repreview else AttendanceImportConfirmForm
        confirm = form_class(request.POST)
        if confirm.is_valid():
            key = confirm.cleaned_data["payload"]
            choices = {
                "min_minutes": confirm.cleaned_data["min_minutes"],
                "absent_if_missing": confirm.cleaned_data["absent_if_missing"],
            }
            try:
                data, name = video_import.attendance_import_held(
                    session=session, owner=request.user, key=key
                )
                if repreview:
                    preview = video_import.attendance_import_preview(
                        session=session, data=data, name=name, **choices
                    )
                    return _show_preview(request, context, preview=preview, key=key)
                video_import.attendance_import_save(
                    session=session, data=data, name=name, recorded_by=request.user, **choices
                )
            except (SpreadsheetError, ValidationError) as error:
                form.refuse(" ".join(getattr(error, "messages", None) or [str(error)]))
            else:
                video_import.attendance_import_release(key=key)
                messages.success(request, f"The attendance list for {session.title} is saved.")
                return redirect("cohorts:attendance_register", pk=session.pk)
        else:
            form.refuse("The preview could not be read. Upload the file again.")
    elif request.method == "POST":
        form = AttendanceImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                preview = video_import.attendance_import_preview(
                    session=session,
                    data=data,
                    name=upload.name,
                    min_minutes=form.cleaned_data["min_minutes"],
                    absent_if_missing=form.cleaned_data["absent_if_missing"],
                )
            except SpreadsheetError as error:
                form.add_error("file", str(error))
            else:
                key = video_import.attendance_import_hold(
                    session=session, owner=request.user, data=data, name=upload.name
                )
                return _show_preview(request, context, preview=preview, key=key)
    context.update(form=form, refused=bool(refusal))
    return render(request, "cohorts/attendance/import.html", context)


# --- Participants ----------------------------------------------------------------------------


def check_in(request, pk):
    """A participant checks in from their own phone with the code on the facilitator's screen
    (scanning the QR code fills it in)."""
    session = _session(pk)
    permission = permissions.check(request.user, "attend", session)
    if not permission:
        return deny(request, permission)
    window = checkin.checkin_window(session)
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    # Codes are short: tries are limited per person and per address (the proxy-aware one every
    # throttle uses, accounts.client_ip), generously enough for a room on one network.
    posted = request.method == "POST" and form.is_valid()
    if posted and not ratelimit.consume(request, action="check_in", user=request.user):
        # The error leaves the form invalid, so the code below is not tried.
        form.add_error(
            "code",
            "Too many tries. Wait a few minutes, or ask the facilitator to mark you present.",
        )
        status = 429
    if request.method == "POST" and form.is_valid():
        try:
            result = checkin.check_in(
                session=session, participant=request.user, code=form.cleaned_data["code"]
            )
        except checkin.CheckInError as error:
            if error.reason == checkin.CheckInError.NOT_ENROLLED:
                raise PermissionDenied(error.message) from error
            field = "code" if error.reason in ("wrong-code", "expired-code") else None
            form.add_error(field, error.message)
        else:
            return render(
                request,
                "cohorts/attendance/check_in_done.html",
                {"session": session, "cohort": session.cohort, "result": result},
            )
    return render(
        request,
        "cohorts/attendance/check_in.html",
        {"session": session, "cohort": session.cohort, "form": form, "window": window},
        status=status,
    )


def apologies(request, pk):
    """A participant sends apologies, with a reason, for a session still to come."""
    session = _session(pk)
    permission = permissions.check(request.user, "attend", session)
    if not permission:
        return deny(request, permission)
    enrolment = Enrolment.objects.active().get(
        cohort_id=session.cohort_id, participant=request.user
    )
    existing = Apology.objects.filter(enrolment=enrolment, session=session).first()
    withdrawing = request.method == "POST" and "withdraw" in request.POST
    problem = None
    form = ApologyForm(
        request.POST if request.method == "POST" and not withdrawing else None,
        initial={"reason": existing.reason if existing else ""},
    )
    try:
        if withdrawing:
            if apologies_withdraw(enrolment=enrolment, session=session):
                messages.success(request, f"Your apologies for {session.title} are withdrawn.")
            return redirect("cohorts:my_attendance", pk=session.cohort_id)
        if request.method == "POST" and form.is_valid():
            apologies_send(enrolment=enrolment, session=session, reason=form.cleaned_data["reason"])
            messages.success(request, f"Your apologies for {session.title} are sent.")
            return redirect("cohorts:my_attendance", pk=session.cohort_id)
    except ValidationError as error:
        if form.is_bound:
            form.add_error(None, error)
        else:
            problem = " ".join(error.messages)
    return render(
        request,
        "cohorts/attendance/apologies.html",
        {
            "session": session,
            "cohort": session.cohort,
            "form": form,
            "existing": existing,
            "started": session.has_started(),
            "problem": problem,
        },
        status=400 if form.errors or problem else 200,
    )


def my_attendance(request, pk):
    """A participant's own attendance on a cohort, with apologies for sessions to come."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    permission = permissions.check(request.user, "see-own-attendance", cohort)
    if not permission:
        return deny(request, permission)
    enrolment = Enrolment.objects.get(cohort=cohort, participant=request.user)
    sessions = list(cohort.sessions.order_by("starts_at"))
    marks = {m.session_id: m for m in enrolment.attendance_marks.all()}
    apologised = {a.session_id: a for a in enrolment.apologies.all()}
    now = timezone.now()
    rows = [
        (s, marks.get(s.pk), apologised.get(s.pk), apologies_open(s, now=now)) for s in sessions
    ]
    return render(
        request,
        "cohorts/attendance/my_attendance.html",
        {
            "cohort": cohort,
            "enrolment": enrolment,
            "rows": rows,
            "taking_part": enrolment.status in Enrolment.ACTIVE,
        },
    )
