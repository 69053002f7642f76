"""Personal data under UK GDPR: everything the academy holds about one person (their right of
access), erasing a person on request (their right to erasure), and anonymising people a set
number of years after their records ended (storage limitation).

Erasing keeps the statistics honest: the account stays, linked to what it took part in, so rates
and mixes still add up. What identifies or describes the person goes. Each app that holds
personal data says what it holds and erases its own part through `registry`'s hooks.
"""

import datetime as dt
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry, Revision
from wagtail.users.models import UserProfile

from accounts.roles import Role
from accounts.services import account_sign_in_records_erase
from spreadsheets.writer import write_csv

from . import registry
from .models import PersonalDataAccess, personal_data_access_record

User = get_user_model()
ERASED_DOMAIN = "erased.invalid"


def iso(value):
    """A date or time as ISO 8601 text for a download (times in local time), or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


# --- Right of access ---------------------------------------------------------------------------


def personal_data_export(*, person) -> dict:
    """Everything held about `person`, as plain data: their profile, what each app holds about
    them (enrolments, attendance, certificates, module progress and reflections...), and who
    has viewed or exported their data."""
    data = {
        "exported_at": iso(timezone.now()),
        "profile": {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "username": person.username,
            "job_title": person.job_title,
            "team": person.team,
            "date_joined": iso(person.date_joined),
            "last_login": iso(person.last_login),
            "roles": sorted(person.groups.values_list("name", flat=True)),
        },
    }
    sections = registry.export_sections(person)
    data["profile"].update(sections.pop("profile", {}))
    data.update(sections)
    data["personal_data_access"] = [
        {"at": iso(a.at), "action": a.action, "what": a.description}
        for a in PersonalDataAccess.objects.filter(subject=person).order_by("at")[:500]
    ]
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
        yield path, "" if value is None else str(value)


def personal_data_csv(data: dict) -> bytes:
    """The same data, one fact per row ("enrolments[1].attendance[2].status", "present"), so it
    opens in any spreadsheet (formula-safe, as every download is)."""
    return write_csv([["item", "value"], *_flatten(data, "")], byte_order_mark=False)


# --- Right to erasure --------------------------------------------------------------------------


@transaction.atomic
def person_erase(*, person, actor, reason="request", now=None):
    """Erase a person's details, at their request or at the end of the retention period.

    The account is deactivated and anonymised; each app removes what identifies or describes
    the person from its own records (registry.ERASE) and keeps the rest for statistics.
    """
    now = now or timezone.now()
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        raise ValidationError("This person's details have already been erased.")
    if actor is not None and actor.pk == person.pk:
        raise ValidationError("You cannot erase your own account: ask another programme manager.")
    needles = {
        n.lower()
        for n in (person.email, person.username, person.get_full_name().strip(), person.last_name)
        if n and len(n) >= 3
    }
    anonymous_email = f"erased-{person.pk}@{ERASED_DOMAIN}"
    erasure = registry.Erasure(person=person, anonymous_email=anonymous_email, needles=needles)
    registry.erase_everywhere(erasure)
    _scrub_admin_history(erasure)

    person.groups.remove(*person.groups.exclude(name=Role.PARTICIPANT.value))
    _forget_sign_in_records(person)

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


def _scrub_admin_history(erasure):
    """The admin's site history names people by what its records were called at the time
    ("Pat Ridley on Kent 2026"): entries and revisions that name the person lose the name."""
    for model in (ModelLogEntry, PageLogEntry):
        mentions = Q(pk__in=[])
        for needle in erasure.needles:
            mentions |= Q(label__icontains=needle) | Q(data__icontains=needle)
        for entry in model.objects.filter(mentions).only("pk", "label", "data"):
            model.objects.filter(pk=entry.pk).update(
                label=erasure.scrub(entry.label), data=erasure.scrub(entry.data)
            )
    mentions = Q(pk__in=[])
    for needle in erasure.needles:
        mentions |= Q(object_str__icontains=needle)
    Revision.objects.filter(mentions).update(object_str="[removed]")


def _forget_sign_in_records(person):
    """Second factors, identity provider links, addresses and sessions (accounts), and the
    admin profile."""
    account_sign_in_records_erase(person=person)
    UserProfile.objects.filter(user=person).delete()


# --- Storage limitation ------------------------------------------------------------------------


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def people_past_retention(*, today=None, years=None):
    """People whose records have all ended, the latest more than `years` years ago
    (ACADEMY_RETENTION_YEARS), as each app that holds records says (registry.RETENTION). Staff,
    programme managers, facilitators, nominators and people already erased are never included."""
    today = today or timezone.localdate()
    years = settings.ACADEMY_RETENTION_YEARS if years is None else years
    staff_roles = [Role.PROGRAMME_MANAGER.value, Role.FACILITATOR.value, Role.NOMINATOR.value]
    people = User.objects.filter(
        erased_at__isnull=True, is_superuser=False, is_staff=False
    ).exclude(pk__in=User.objects.filter(groups__name__in=staff_roles).values("pk"))
    return registry.past_retention(people, cutoff=_years_before(today, years)).order_by("pk")


@dataclass
class RetentionRun:
    people: list
    dry_run: bool


def personal_data_anonymise_expired(*, today=None, dry_run=False):
    """Anonymise every person past the retention period (or, dry run, just list them)."""
    people = list(people_past_retention(today=today))
    if not dry_run:
        for person in people:
            person_erase(person=person, actor=None, reason="retention")
    return RetentionRun(people=people, dry_run=dry_run)
