"""The accounts of nominated officers: found by email (whatever its case), or made for them with
no password until they set one from their invitation, and given the participant role."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower

from accounts.models import normalise_email
from accounts.roles import Role

from ..models import Enrolment
from ..record_versions import cohort_records_changed, cohorts_of_people

# Said of a person of another organisation, whatever the reason: nothing about them is shown.
OF_ANOTHER_ORGANISATION = (
    "This person cannot be nominated by your organisation; ask the programme team."
)


def _participant_group():
    return Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]


def people_by_email(emails):
    """The existing accounts for these emails, keyed by normalised email: one query, matching
    without regard to case (as the case-insensitive unique index does)."""
    User = get_user_model()
    emails = {normalise_email(email) for email in emails}
    people = User.objects.alias(email_lower=Lower("email")).filter(email_lower__in=emails)
    return {normalise_email(person.email): person for person in people}


def people_of_other_organisations(emails, organisation):
    """The normalised emails, among these, of people who belong to other organisations only:
    enrolled by, or nominating for, another organisation and never this one. A nominator may
    neither see nor change them (issue 15); the programme team moves people between
    organisations. One query, however many emails."""
    User = get_user_model()
    emails = {normalise_email(email) for email in emails}
    elsewhere = (
        User.objects.alias(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .filter(Q(enrolments__isnull=False) | Q(nominator_for__isnull=False))
        .exclude(pk__in=Enrolment.objects.filter(organisation=organisation).values("participant"))
        .exclude(pk__in=organisation.nominators.values("pk"))
        .values_list("email", flat=True)
        .distinct()
    )
    return {normalise_email(email) for email in elsewhere}


def _new_person(email, person):
    User = get_user_model()
    user = User(
        # Usernames are at most 150 characters; the email is how people sign in anyway.
        username=email if len(email) <= 150 else f"user-{secrets.token_hex(8)}",
        email=email,
        first_name=person["first_name"].strip(),
        last_name=person["last_name"].strip(),
        job_title=person.get("job_title", "").strip(),
        team=person.get("team", "").strip(),
    )
    user.set_unusable_password()
    # Uniqueness is checked for the whole batch at once (and by the database), not per person.
    user.full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
    return user


def people_find_or_create(people):
    """The account for each person (dicts of email, first_name, last_name, job_title, team),
    keyed by normalised email: matched without regard to case or surrounding spaces, or a new
    account (with no password until the officer sets one from their invitation) if none. Each
    has the participant role. A constant number of queries, however many people."""
    User = get_user_model()
    wanted = {}
    for person in people:
        email = normalise_email(person["email"])
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"email": "Enter an email address like name@example.org."}
            ) from None
        wanted.setdefault(email, person)
    found = people_by_email(wanted)

    # Fill in what an existing account lacks; never overwrite what the person wrote themselves.
    filled = {"job_title": [], "team": []}
    for email, user in found.items():
        for name, users in filled.items():
            value = wanted[email].get(name, "").strip()
            if value and not getattr(user, name):
                setattr(user, name, value)
                users.append(user)
    for name, users in filled.items():
        if users:
            User.objects.bulk_update(users, [name])
            cohort_records_changed(cohorts_of_people(user.pk for user in users))

    new = [_new_person(email, person) for email, person in wanted.items() if email not in found]
    if new:
        taken = set(
            User.objects.filter(username__in=[u.username for u in new]).values_list(
                "username", flat=True
            )
        )
        for user in new:
            if user.username in taken:
                user.validate_unique()  # raises the usual "already exists" message
        # Another nominator may be adding the same officer right now: if their insert wins,
        # ours is skipped and their account is the one found.
        User.objects.bulk_create(new, ignore_conflicts=True)
        found.update(people_by_email(user.email for user in new))
        missing = sorted(wanted.keys() - found.keys())
        if missing:
            raise ValidationError({"email": f"{missing[0]} could not be added: try again."})

    group = _participant_group()
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [Membership(user_id=user.pk, group_id=group.pk) for user in found.values()],
        ignore_conflicts=True,
    )
    return found
