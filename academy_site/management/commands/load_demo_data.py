"""`manage.py load_demo_data`: a small, realistic academy to click around in.

It builds the site's pages, both programmes with their modules, two places and their partner
organisations, four cohorts (one running, one closed with certificates, two open for
enrolment) and the people on them, through the same services real people use
(`academy_site.demo`), then prints the demo sign-ins. Running it again replaces what it made
before. Everything happens in one transaction, so a failure leaves the database as it was.

It refuses to run unless the settings say DEMO_DATA_ALLOWED (dev and test do; production never).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from academy_site.demo import content, load_demo
from academy_site.demo.world import EMAIL_DOMAIN, PASSWORD, SITE_URL
from accounts.roles import Role
from cohorts.models import Cohort
from single_sign_on.demo import demo_config

# The demo's people have made-up addresses: the emails the services send while it loads
# (invitations, at-risk warnings) are kept in memory and counted, never sent.
KEEP_EMAILS = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load (or reload) the demo academy: pages, both programmes, cohorts, people and four "
        f"sign-ins with the password {PASSWORD!r}. Refused unless DEMO_DATA_ALLOWED is set."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "Demo data is not allowed with these settings: it replaces the demo programmes, "
                "their cohorts and every @academy.example person. Use the dev settings "
                "(DJANGO_SETTINGS_MODULE=academy_site.settings.dev)."
            )
        with override_settings(EMAIL_BACKEND=KEEP_EMAILS):
            outbox = getattr(mail, "outbox", None)
            sent_before = len(outbox) if outbox is not None else 0
            with transaction.atomic():
                world = load_demo(now=timezone.now())
            kept = len(getattr(mail, "outbox", [])) - sent_before
        self.print_summary(world, kept)

    def print_summary(self, world, kept):
        User = get_user_model()
        programmes = world.programmes.values()
        counts = [
            f"{len(programmes)} programmes",
            f"{sum(len(modules) for modules in world.modules.values())} modules",
            f"{Cohort.objects.filter(programme__in=programmes).count()} cohorts",
            f"{User.objects.filter(email__iendswith='@' + EMAIL_DOMAIN).count()} people",
            *world.summary,
        ]
        write = self.stdout.write
        write(self.style.SUCCESS("Demo data loaded: " + ", ".join(counts)))
        write("")
        write(f"  Site:   {SITE_URL}/")
        write(f"  Admin:  {SITE_URL}/admin/")
        write(f"  Every demo person's password is {PASSWORD!r}. Sign in as:")
        write("")
        rows = [("Email", "Role", "What they see")]
        for login, _first, _last, _title, role, sees in content.LOGINS:
            rows.append((f"{login}@{EMAIL_DOMAIN}", Role(role).label, sees))
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        for row in rows:
            write(
                "  "
                + "  ".join(cell.ljust(w) for cell, w in zip(row[:2], widths, strict=True))
                + "  "
                + row[2]
            )
        write("")
        provider = demo_config()
        write(
            '  Or "Sign in with Kent Police" (the local identity provider `make demo` starts on '
            f"http://{provider['host']}:{provider['port']}) as a Kent Police officer, for example "
            f"{provider['accounts'][0]['email']}, with the provider's password "
            f"{provider['accounts'][0]['password']!r}."
        )
        write("")
        if kept:
            write(f"  ({kept} emails the story sent to its made-up addresses were kept back.)")
            write("")
