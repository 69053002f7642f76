"""Places, partner organisations and the staff who run the academy: the four demo logins, each
organisation's nominator and two more facilitators, as a programme manager would add them.
Participants are not made here: their nominators nominate them (`enrolment`)."""

from django.contrib.auth import get_user_model

from accounts.roles import Role, grant_role
from cohorts.models import Organisation, Place

from . import content
from .world import EMAIL_DOMAIN, ascii_name


def build(world):
    for key, (name, description) in content.PLACES.items():
        world.places[key], _ = Place.objects.update_or_create(
            name=name, defaults={"description": description}
        )
    for key, (name, sector, place_key) in content.ORGANISATIONS.items():
        world.organisations[key], _ = Organisation.objects.update_or_create(
            name=name, defaults={"sector": sector, "place": world.places.get(place_key)}
        )
    for login, first, last, title, role, _sees in content.LOGINS:
        person(world, first, last, title, login=login, roles=[role])
    world.organisations["kent-police"].nominators.set([world.people["nominator"]])
    for key, (first, last, title) in content.NOMINATORS.items():
        organisation = world.organisations[key]
        nominator = person(
            world, first, last, f"{title}, {organisation.name}", roles=[Role.NOMINATOR]
        )
        organisation.nominators.set([nominator])
    world.other_facilitators = [
        person(world, first, last, title, roles=[Role.FACILITATOR])
        for first, last, title in content.OTHER_FACILITATORS
    ]


def person(world, first, last, job_title, *, login=None, roles=()):
    User = get_user_model()
    local = login or f"{ascii_name(first)}.{ascii_name(last)}"
    email = f"{local}@{EMAIL_DOMAIN}"
    user = User(
        username=login or email,
        email=email,
        first_name=first,
        last_name=last,
        job_title=job_title,
        password=world.password,
    )
    user.full_clean()
    user.save()
    for role in roles:
        grant_role(user, role)
    world.people[login or email] = user
    return user
