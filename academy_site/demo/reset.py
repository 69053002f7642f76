"""Clearing out the previous load: the demo programmes (and every cohort of them), the standard
pages the demo owns and every person with an @academy.example address. Places and organisations
are kept and updated in place, by name."""

from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from cohorts.models import Certificate, Cohort, Enrolment
from modules.models import ProgrammePage
from modules.services import programme_editors_group_name

from . import content
from .world import EMAIL_DOMAIN


def remove_previous(home):
    User = get_user_model()
    clashes = User.objects.filter(username__in=[login for login, *_ in content.LOGINS]).exclude(
        email__iendswith="@" + EMAIL_DOMAIN
    )
    if clashes.exists():
        raise CommandError(
            "These usernames belong to people outside the demo, so the demo cannot use "
            f"them: {', '.join(clashes.values_list('username', flat=True))}."
        )
    demo_slugs = [spec["slug"] for spec in content.PROGRAMMES] + [
        spec["slug"] for spec in content.STANDARD_PAGES
    ]
    old_pages = list(Page.objects.child_of(home).filter(slug__in=demo_slugs).specific())
    old_programme_ids = [p.pk for p in old_pages if isinstance(p, ProgrammePage)]
    demo_people = User.objects.filter(email__iendswith="@" + EMAIL_DOMAIN)
    enrolments = Enrolment.objects.filter(
        Q(cohort__programme__in=old_programme_ids) | Q(participant__in=demo_people)
    )
    # Certificates protect their enrolments (and hold a stored PDF), and an enrolment may
    # protect the one it replaced: let go of both before the enrolments themselves go.
    for certificate in Certificate.objects.filter(enrolment__in=enrolments).exclude(pdf=""):
        # Once the new load has committed: a load that fails keeps the old one, files and all.
        transaction.on_commit(partial(certificate.pdf.storage.delete, certificate.pdf.name))
    Certificate.objects.filter(enrolment__in=enrolments).delete()
    for field in Enrolment._meta.concrete_fields:
        if field.is_relation and field.related_model is Enrolment and field.null:
            enrolments.exclude(**{field.name: None}).update(**{field.name: None})
    enrolments.delete()
    Cohort.objects.filter(programme__in=old_programme_ids).delete()
    for page in old_pages:
        page.delete()
    Group.objects.filter(
        name__in=[programme_editors_group_name(pk) for pk in old_programme_ids]
    ).delete()
    demo_people.delete()
