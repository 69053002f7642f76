"""Personal data under UK GDPR: everything the academy holds about one person (their right of
access), erasing a person on request (their right to erasure), and anonymising participants a
set number of years after their last cohort closed (storage limitation).

Erasing keeps the statistics honest: the account, its enrolments and attendance marks stay,
linked to an anonymous person, so a cohort's attendance rates and sector mix still add up. What
identifies or describes the person goes: their name, email, job, reflections, the reasons they
gave for apologies, notes about them, and the name on their certificates (which still verify,
saying the holder's details were removed).
"""

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts.models import PersonalDataAccess, personal_data_access_record
from accounts.roles import Role

from .models import (
    Apology,
    AttendanceMark,
    AttendanceMarkChange,
    Certificate,
    CertificateEvent,
    Cohort,
    Enrolment,
    EnrolmentEvent,
    Invitation,
    Organisation,
)

User = get_user_model()
ERASED_DOMAIN = "erased.invalid"


def _iso(value):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


# --- Right of access ---------------------------------------------------------------------------


def personal_data_export(*, person) -> dict:
    """Everything held about `person`, as plain data: profile, enrolments with their history,
    attendance, apologies, certificates, invitations (never their secret links), module progress
    with their own reflections, and who has viewed or exported their data."""
    from modules.models import ModuleProgress

    enrolments = (
        Enrolment.objects.filter(participant=person)
        .select_related("cohort__programme", "cohort__place", "organisation", "nominated_by")
        .prefetch_related(
            "events",
            "attendance_marks__session",
            "apologies__session",
            "invitations",
        )
        .order_by("cohort__starts_on", "pk")
    )
    certificates = {
        c.enrolment_id: c for c in Certificate.objects.filter(enrolment__participant=person)
    }
    progress = ModuleProgress.objects.filter(participant=person).select_related("module")
    data = {
        "exported_at": _iso(timezone.now()),
        "profile": {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "username": person.username,
            "job_title": person.job_title,
            "team": person.team,
            "date_joined": _iso(person.date_joined),
            "last_login": _iso(person.last_login),
            "roles": sorted(person.groups.values_list("name", flat=True)),
            "nominator_for": sorted(
                Organisation.objects.filter(nominators=person).values_list("name", flat=True)
            ),
        },
        "enrolments": [],
        "module_progress": [],
        "personal_data_access": [
            {"at": _iso(a.at), "action": a.action, "what": a.description}
            for a in PersonalDataAccess.objects.filter(subject=person).order_by("at")[:500]
        ],
    }
    for enrolment in enrolments:
        certificate = certificates.get(enrolment.pk)
        data["enrolments"].append(
            {
                "programme": enrolment.cohort.programme.title,
                "cohort": enrolment.cohort.name,
                "place": enrolment.cohort.place.name if enrolment.cohort.place else "",
                "organisation": enrolment.organisation.name,
                "status": enrolment.status,
                "nominated_by": str(enrolment.nominated_by) if enrolment.nominated_by else "",
                "created_at": _iso(enrolment.created_at),
                "events": [
                    {
                        "at": _iso(event.at),
                        "action": event.action,
                        "from_status": event.from_status,
                        "to_status": event.to_status,
                        "details": event.details,
                    }
                    for event in sorted(enrolment.events.all(), key=lambda e: (e.at, e.pk))
                ],
                "attendance": [
                    {
                        "session": mark.session.title,
                        "starts_at": _iso(mark.session.starts_at),
                        "status": mark.status,
                        "note": mark.note,
                        "method": mark.method,
                        "recorded_at": _iso(mark.recorded_at),
                    }
                    for mark in sorted(
                        enrolment.attendance_marks.all(), key=lambda m: m.session.starts_at
                    )
                ],
                "apologies": [
                    {
                        "session": apology.session.title,
                        "reason": apology.reason,
                        "sent_at": _iso(apology.sent_at),
                    }
                    for apology in enrolment.apologies.all()
                ],
                # Metadata only: the link's token is never stored, and its hash is not theirs.
                "invitations": [
                    {
                        "sent_to": invitation.sent_to,
                        "created_at": _iso(invitation.created_at),
                        "expires_at": _iso(invitation.expires_at),
                        "used_at": _iso(invitation.used_at),
                        "revoked_at": _iso(invitation.revoked_at),
                    }
                    for invitation in enrolment.invitations.all()
                ],
                "certificate": (
                    {
                        "verification_code": certificate.display_code,
                        "holder_name": certificate.holder_name,
                        "issued_at": _iso(certificate.issued_at),
                        "sessions_attended": certificate.sessions_attended,
                        "sessions_scheduled": certificate.sessions_scheduled,
                        "revoked_at": _iso(certificate.revoked_at),
                        "revoked_reason": certificate.revoked_reason,
                    }
                    if certificate
                    else None
                ),
            }
        )
    for item in progress.order_by("module__path"):
        prompts = dict(item.module.reflection_prompts())
        data["module_progress"].append(
            {
                "module": item.module.title,
                "opened_at": _iso(item.opened_at),
                "completed_at": _iso(item.completed_at),
                "reflections": [
                    {"prompt": prompts.get(key, ""), "answer": answer}
                    for key, answer in (item.reflections or {}).items()
                ],
            }
        )
    return data


def personal_data_json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def _flatten(value, path):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _flatten(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        if not value:
            yield path, ""
        for number, inner in enumerate(value, start=1):
            yield from _flatten(inner, f"{path}[{number}]")
    else:
        yield path, "" if value is None else value


def personal_data_csv(data: dict) -> str:
    """The same data, one fact per row ("enrolments[1].attendance[2].status", "present"), so it
    opens in any spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["item", "value"])
    for path, value in _flatten(data, ""):
        text = str(value)
        # A cell starting with =, +, - or @ would run as a formula in a spreadsheet.
        if text[:1] in ("=", "+", "-", "@"):
            text = "'" + text
        writer.writerow([path, text])
    return out.getvalue()


# --- Right to erasure --------------------------------------------------------------------------


def _scrub(value, needles):
    """`value` with every string mentioning the person replaced (for free-text history)."""
    if isinstance(value, dict):
        return {k: _scrub(v, needles) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, needles) for v in value]
    if isinstance(value, str) and any(n in value.lower() for n in needles):
        return "[removed]"
    return value


@transaction.atomic
def person_erase(*, person, actor, reason="request", now=None):
    """Erase a person's details, at their request or at the end of the retention period.

    The account is deactivated and anonymised; enrolments and attendance marks stay (linked to
    the anonymous account) for statistics; reflections, apology reasons and notes are deleted;
    certificates keep their verification status but no longer show the holder's name.
    """
    now = now or timezone.now()
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        raise ValidationError("This person's details have already been erased.")
    if actor is not None and actor.pk == person.pk:
        raise ValidationError("You cannot erase your own account: ask another programme manager.")
    from modules.models import ModuleProgress

    needles = {
        n.lower()
        for n in (person.email, person.username, person.get_full_name().strip(), person.last_name)
        if n and len(n) >= 3
    }
    old_email = person.email

    ModuleProgress.objects.filter(participant=person).update(reflections={})
    Apology.objects.filter(enrolment__participant=person).update(reason="")
    AttendanceMark.objects.filter(enrolment__participant=person).update(note="")
    AttendanceMarkChange.objects.filter(mark__enrolment__participant=person).update(
        previous_note="", new_note=""
    )
    anonymous_email = f"erased-{person.pk}@{ERASED_DOMAIN}"
    Invitation.objects.filter(enrolment__participant=person).update(sent_to=anonymous_email)
    for event in EnrolmentEvent.objects.filter(enrolment__participant=person).exclude(details={}):
        EnrolmentEvent.objects.filter(pk=event.pk).update(details=_scrub(event.details, needles))
    for certificate in Certificate.objects.filter(enrolment__participant=person):
        if certificate.pdf:
            # The stored PDF prints the name: remove it; a download renders a fresh one.
            certificate.pdf.delete(save=False)
        Certificate.objects.filter(pk=certificate.pk).update(holder_name="", pdf="")
        for event in CertificateEvent.objects.filter(certificate=certificate).exclude(details={}):
            CertificateEvent.objects.filter(pk=event.pk).update(
                details=_scrub(event.details, needles)
            )

    person.groups.remove(*person.groups.exclude(name=Role.PARTICIPANT.value))
    person.nominator_for.clear()
    # A parental many-to-many only writes on the cohort's save: delete the links directly.
    Cohort.facilitators.through.objects.filter(user=person).delete()
    _forget_sign_in_records(person, old_email)

    person.first_name = ""
    person.last_name = ""
    person.job_title = ""
    person.team = ""
    person.email = anonymous_email
    person.username = f"erased-{person.pk}"
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    person.set_unusable_password()
    person.erased_at = now
    person.full_clean(exclude=["password"])
    person.save()

    personal_data_access_record(
        actor=actor,
        action=PersonalDataAccess.Action.ERASED,
        description=(
            f"Erased person #{person.pk} on request"
            if reason == "request"
            else f"Anonymised person #{person.pk} after the retention period"
        ),
        object_key=f"person:{person.pk}",
        subject=person,
    )
    return person


def _forget_sign_in_records(person, old_email):
    """Second factors, identity provider links, addresses and sessions (accounts), and the
    admin profile."""
    from wagtail.users.models import UserProfile

    from accounts.services import account_sign_in_records_erase

    account_sign_in_records_erase(person=person)
    UserProfile.objects.filter(user=person).delete()


# --- Storage limitation ------------------------------------------------------------------------


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def people_past_retention(*, today=None, years=None):
    """Participants whose cohorts have all closed, the latest more than `years` years ago
    (ACADEMY_RETENTION_YEARS). Staff, nominators and people already erased are never included."""
    today = today or timezone.localdate()
    years = settings.ACADEMY_RETENTION_YEARS if years is None else years
    cutoff = _years_before(today, years)
    staff_roles = [Role.PROGRAMME_MANAGER.value, Role.FACILITATOR.value, Role.NOMINATOR.value]
    return (
        User.objects.filter(erased_at__isnull=True, is_superuser=False, is_staff=False)
        .exclude(pk__in=User.objects.filter(groups__name__in=staff_roles).values("pk"))
        .annotate(
            last_cohort_ended=Max("enrolments__cohort__ends_on"),
            unclosed=Count(
                "enrolments", filter=~Q(enrolments__cohort__status=Cohort.Status.CLOSED)
            ),
        )
        .filter(last_cohort_ended__lt=cutoff, unclosed=0)
        .order_by("pk")
    )


@dataclass
class RetentionRun:
    people: list
    dry_run: bool


def personal_data_anonymise_expired(*, today=None, dry_run=False):
    """Anonymise every participant past the retention period (or, dry run, just list them)."""
    people = list(people_past_retention(today=today))
    if not dry_run:
        for person in people:
            person_erase(person=person, actor=None, reason="retention")
    return RetentionRun(people=people, dry_run=dry_run)
