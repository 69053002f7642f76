"""`manage.py load_demo_data`: a small, realistic academy to click around in.

It builds the site's pages, both programmes with their modules, two places and their partner
organisations, four cohorts (one running, one closed with certificates, two open for
enrolment) and the people on them, then prints the demo sign-ins. Running it again replaces
what it made before: the demo programmes (and every cohort of them), the standard pages it
owns and every person with an @academy.example address. Places and organisations are
updated in place, by name. Everything happens in one transaction, so a failure leaves the
database as it was.

It refuses to run unless the settings say DEMO_DATA_ALLOWED (dev and test do; production never).
"""

import datetime as dt
import random
import re
import unicodedata
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from academy_site import demo_content as content
from accounts.roles import Role, grant_role
from cohorts.models import (
    LONDON,
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    EnrolmentEvent,
    Organisation,
    Place,
    SeatAllocation,
)
from content.models import HomePage, StandardPage
from modules.models import ModulePage, ModuleProgress, ProgrammePage
from modules.services import programme_editors_group_name

PASSWORD = "academy-demo"
EMAIL_DOMAIN = "academy.example"
SITE_URL = "http://127.0.0.1:8000"
# Stream block ids are derived from this, so a module's reflection prompts keep their ids
# from one load to the next.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d7c52-2b0e-4a47-9d1a-3c8e5b7a9e10")

MARK_WEIGHTS = [
    (AttendanceMark.Status.PRESENT, 80),
    (AttendanceMark.Status.LATE, 7),
    (AttendanceMark.Status.LEFT_EARLY, 3),
    (AttendanceMark.Status.APOLOGIES, 6),
    (AttendanceMark.Status.ABSENT, 4),
]
MARK_NOTES = {
    AttendanceMark.Status.LATE: "Arrived 20 minutes late: traffic on the M20.",
    AttendanceMark.Status.LEFT_EARLY: "Left at the break for an operational call.",
    AttendanceMark.Status.APOLOGIES: "Sent apologies in advance: operational commitment.",
}
# Transliterations NFKD cannot do, for the ASCII part of demo email addresses.
_ASCII_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"})


def ascii_name(text):
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return re.sub(r"[^a-z]", "", text.encode("ascii", "ignore").decode().lower())


def london(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def next_weekday(day, weekday):
    """The first `weekday` (0 is Monday) on or after `day`."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


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
        with transaction.atomic():
            counts = DemoLoader(now=timezone.now()).load()
        self.print_summary(counts)

    def print_summary(self, counts):
        write = self.stdout.write
        write(self.style.SUCCESS("Demo data loaded: " + ", ".join(counts)))
        write("")
        write(f"  Site:   {SITE_URL}/")
        write(f"  Admin:  {SITE_URL}/admin/")
        write(f"  Every demo person's password is {PASSWORD!r}. Sign in as:")
        write("")
        rows = [("Login", "Email", "Role", "What they see")]
        for login, _first, _last, _title, role, sees in content.LOGINS:
            rows.append((login, f"{login}@{EMAIL_DOMAIN}", Role(role).label, sees))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            write(
                "  "
                + "  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True))
                + "  "
                + row[3]
            )
        write("")


class DemoLoader:
    """Builds the demo academy. Deterministic apart from today's date: dates are set relative
    to `now`, so the running cohort always has sessions behind it and ahead of it."""

    def __init__(self, *, now):
        self.now = now
        self.today = timezone.localdate(now, LONDON)
        self.random = random.Random(2015)  # the year of the paper the academies come from
        self.password = make_password(PASSWORD)  # hashed once: hashing is slow on purpose
        self.people = {}
        self.organisations = {}
        self.modules = {}

    def load(self):
        User = get_user_model()
        home = self.home_page()
        self.remove_previous(home)
        programmes = {
            spec["slug"]: self.programme(home, spec)
            for spec in (content.DIGITAL_ACADEMY, content.MEMBER_LEADERSHIP_ACADEMY)
        }
        self.standard_pages(home)
        digital = programmes[content.DIGITAL_ACADEMY["slug"]]
        members = programmes[content.MEMBER_LEADERSHIP_ACADEMY["slug"]]
        self.completion_rules(digital, members)
        places = self.places_and_organisations()
        self.staff()
        running = self.running_cohort(digital, places["kent"])
        closed = self.closed_cohort(digital, places["kent"])
        self.open_cohort(digital, places["gm"])
        self.member_cohort(members)
        self.running_progress(digital, running)
        self.closed_progress_and_certificates(digital, closed)
        return [
            f"{len(programmes)} programmes",
            f"{sum(len(modules) for modules in self.modules.values())} modules",
            f"{Cohort.objects.filter(programme__in=programmes.values()).count()} cohorts",
            f"{User.objects.filter(email__iendswith='@' + EMAIL_DOMAIN).count()} people",
        ]

    # --- Clearing out the previous load ---------------------------------------------------

    def remove_previous(self, home):
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
        # Certificates protect their enrolments, and an enrolment may protect the one it
        # replaced: let go of both before the enrolments themselves go.
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

    # --- Pages --------------------------------------------------------------------------

    def home_page(self):
        """The academy's home page as the default site's root, replacing Wagtail's welcome
        page. An existing home page is kept (there can be only one) and its content reset."""
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(title=content.HOME["title"], slug="academy")
            Page.get_first_root_node().add_child(instance=home)
        home.title = content.HOME["title"]
        home.intro = content.HOME["intro"]
        home.body = self.stream(content.HOME["body"], key="home")
        home.save_revision().publish()

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Academy"
        site.save()
        # Wagtail's own "Welcome to your new Wagtail site!" page: a plain page no site uses.
        welcome = Page.objects.filter(
            depth=2, content_type=ContentType.objects.get_for_model(Page)
        ).exclude(pk__in=Site.objects.values("root_page"))
        for page in welcome:
            page.delete()
        return HomePage.objects.get(pk=home.pk)

    def standard_pages(self, home):
        for spec in content.STANDARD_PAGES:
            page = StandardPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=self.stream(spec["body"], key=spec["slug"]),
            )
            home.add_child(instance=page)
            page.save_revision().publish()

    def programme(self, home, spec):
        programme = ProgrammePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            aims=spec["aims"],
            audience=spec["audience"],
        )
        home.add_child(instance=programme)
        programme.save_revision().publish()
        modules = []
        for module_spec in spec["modules"]:
            module = ModulePage(
                title=module_spec["title"],
                slug=module_spec["slug"],
                summary=module_spec["summary"],
                estimated_minutes=module_spec["minutes"],
                learning_outcomes=[
                    {"type": "outcome", "value": text, "id": self.block_id(module_spec, f"o{n}")}
                    for n, text in enumerate(module_spec["outcomes"])
                ],
                body=self.module_body(module_spec),
            )
            programme.add_child(instance=module)
            module.save_revision().publish()
            module.session_title = module_spec["session_title"]
            modules.append(module)
        self.modules[spec["slug"]] = modules
        return ProgrammePage.objects.get(pk=programme.pk)

    def block_id(self, module_spec, part):
        return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{module_spec['slug']}/{part}"))

    def module_body(self, spec):
        blocks = [("paragraph", spec["intro"])]
        for heading, text in spec["sections"]:
            blocks += [("heading", {"text": heading, "level": "h2"}), ("paragraph", text)]
        style, heading, text = spec["callout"]
        blocks.append(("callout", {"style": style, "heading": heading, "text": text}))
        title, instructions, prompt = spec["activity"]
        blocks.append(
            (
                "activity",
                {"title": title, "instructions": instructions, "reflection_prompt": prompt},
            )
        )
        blocks.append(("key_takeaways", {"heading": "Key takeaways", "items": spec["takeaways"]}))
        blocks.append(
            (
                "further_reading",
                {
                    "heading": "Further reading",
                    "items": [
                        {"title": title, "url": url, "description": description}
                        for title, url, description in spec["reading"]
                    ],
                },
            )
        )
        return [
            {"type": kind, "value": value, "id": self.block_id(spec, f"b{n}")}
            for n, (kind, value) in enumerate(blocks)
        ]

    def stream(self, blocks, *, key):
        return [
            {"type": kind, "value": value, "id": self.block_id({"slug": key}, f"b{n}")}
            for n, (kind, value) in enumerate(blocks)
        ]

    def completion_rules(self, digital, members):
        rule = CompletionRule.objects.create(
            programme=digital,
            min_share_attended=75,
            late_counts=True,
            left_early_counts=False,
            facilitator_sign_off=True,
            certificates_after_end=True,
        )
        first, _, data_sharing, *_ = self.modules[content.DIGITAL_ACADEMY["slug"]]
        rule.required_modules.set([first, data_sharing])
        CompletionRule.objects.create(programme=members, min_sessions_attended=3)

    # --- Places, organisations, people --------------------------------------------------

    def places_and_organisations(self):
        places = {}
        for key, (name, description) in content.PLACES.items():
            places[key], _ = Place.objects.update_or_create(
                name=name, defaults={"description": description}
            )
        for key, (name, sector, place_key) in content.ORGANISATIONS.items():
            self.organisations[key], _ = Organisation.objects.update_or_create(
                name=name, defaults={"sector": sector, "place": places.get(place_key)}
            )
        return places

    def person(self, first, last, job_title, *, login=None, roles=()):
        User = get_user_model()
        local = login or f"{ascii_name(first)}.{ascii_name(last)}"
        email = f"{local}@{EMAIL_DOMAIN}"
        user = User(
            username=login or email,
            email=email,
            first_name=first,
            last_name=last,
            job_title=job_title,
            password=self.password,
        )
        user.full_clean()
        user.save()
        for role in roles:
            grant_role(user, role)
        self.people[login or email] = user
        return user

    def staff(self):
        for login, first, last, title, role, _sees in content.LOGINS:
            self.person(first, last, title, login=login, roles=[role])
        self.organisations["kent-police"].nominators.set([self.people["nominator"]])
        for key, (first, last, title) in content.NOMINATORS.items():
            organisation = self.organisations[key]
            nominator = self.person(
                first, last, f"{title}, {organisation.name}", roles=[Role.NOMINATOR]
            )
            organisation.nominators.set([nominator])
        self.other_facilitators = [
            self.person(first, last, title, roles=[Role.FACILITATOR])
            for first, last, title in content.OTHER_FACILITATORS
        ]

    def nominator_of(self, organisation_key):
        return self.organisations[organisation_key].nominators.first()

    # --- Cohorts -----------------------------------------------------------------------

    def cohort(
        self,
        *,
        programme,
        name,
        place,
        starts_on,
        ends_on,
        capacity,
        status,
        facilitators,
        allocations,
    ):
        cohort = Cohort(
            programme=programme,
            name=name,
            place=place,
            starts_on=starts_on,
            ends_on=ends_on,
            capacity=capacity,
            status=status,
        )
        cohort.full_clean()
        cohort.save()
        cohort.facilitators.set(facilitators)
        cohort.save()
        SeatAllocation.objects.bulk_create(
            SeatAllocation(cohort=cohort, organisation=self.organisations[key], seats=seats)
            for key, seats in allocations.items()
        )
        return cohort

    def sessions(
        self,
        cohort,
        modules,
        *,
        weekday=1,
        start=(9, 30),
        hours=3.5,
        every=28,
        venues=content.KENT_VENUES,
        online=(5,),
    ):
        """One cohort session per module, `every` days apart from a week after the start."""
        sessions = []
        for n, module in enumerate(modules):
            day = next_weekday(cohort.starts_on + dt.timedelta(days=7 + every * n), weekday)
            starts_at = london(day, *start)
            is_online = n in online
            session = CohortSession(
                cohort=cohort,
                title=module.session_title,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=hours),
                venue="" if is_online else venues[n % len(venues)],
                joining_url=(
                    f"https://meet.{EMAIL_DOMAIN}/{slugify(cohort.name)}-{n + 1}"
                    if is_online
                    else ""
                ),
                joining_instructions=(
                    content.ONLINE_INSTRUCTIONS if is_online else content.JOINING_INSTRUCTIONS
                ),
                pre_reading=(
                    f"<p>Before the session, work through the online module "
                    f"<i>{module.title}</i> (about {module.estimated_minutes} minutes) and "
                    f"come ready to share your answer to its reflection question.</p>"
                ),
                follow_up_actions=content.FOLLOW_UP if starts_at < self.now else "",
            )
            session.full_clean()
            session.save()
            session.modules.set([module])
            session.save()
            sessions.append(session)
        return sessions

    def enrol(self, cohort, organisation_key, participant, status, *, at):
        """An enrolment as the enrolment services would have left it, history included."""
        nominator = self.nominator_of(organisation_key)
        enrolment = Enrolment.objects.create(
            cohort=cohort,
            participant=participant,
            organisation=self.organisations[organisation_key],
            status=status,
            nominated_by=nominator,
        )
        events = [
            EnrolmentEvent(
                enrolment=enrolment,
                actor=nominator,
                at=at,
                action=EnrolmentEvent.Action.NOMINATED,
                to_status=Enrolment.Status.INVITED,
            )
        ]
        if status != Enrolment.Status.INVITED:
            events.append(
                EnrolmentEvent(
                    enrolment=enrolment,
                    actor=participant,
                    at=at + dt.timedelta(days=2, hours=3),
                    action=EnrolmentEvent.Action.CONFIRMED,
                    from_status=Enrolment.Status.INVITED,
                    to_status=Enrolment.Status.CONFIRMED,
                )
            )
        EnrolmentEvent.objects.bulk_create(events)
        Enrolment.objects.filter(pk=enrolment.pk).update(created_at=at, updated_at=at)
        return enrolment

    def marks(self, enrolment, sessions, statuses, recorded_by):
        return [
            AttendanceMark(
                enrolment=enrolment,
                session=session,
                status=status,
                note=MARK_NOTES.get(status, ""),
                method=AttendanceMark.Method.REGISTER,
                recorded_by=recorded_by,
                recorded_at=session.starts_at + dt.timedelta(minutes=40),
            )
            for session, status in zip(sessions, statuses, strict=True)
        ]

    def random_status(self):
        statuses, weights = zip(*MARK_WEIGHTS, strict=True)
        return self.random.choices(statuses, weights)[0]

    def running_cohort(self, digital, kent):
        """The Kent cohort half way through: four sessions behind it, four ahead."""
        starts_on = self.today - dt.timedelta(days=105)
        allocations = {key: len(people) for key, people in content.RUNNING_COHORT.items()}
        allocations["kent-police"] += 1  # the `participant` login
        facilitator = self.people["facilitator"]
        cohort = self.cohort(
            programme=digital,
            name=f"Kent {starts_on:%B %Y}",
            place=kent,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=213),
            capacity=sum(allocations.values()),
            status=Cohort.Status.RUNNING,
            facilitators=[facilitator],
            allocations=allocations,
        )
        sessions = self.sessions(cohort, self.modules[digital.slug])
        past = [s for s in sessions if s.ends_at < self.now]
        enrolled_at = london(starts_on - dt.timedelta(days=42), 11)

        officers = [("kent-police", self.people["participant"])]
        for key, people in content.RUNNING_COHORT.items():
            for first, last, title in people:
                officers.append((key, self.person(first, last, title)))
        marks = []
        self.running_enrolments = []
        for key, officer in officers:
            grant_role(officer, Role.PARTICIPANT)
            enrolment = self.enrol(cohort, key, officer, Enrolment.Status.CONFIRMED, at=enrolled_at)
            self.running_enrolments.append(enrolment)
            if officer == self.people["participant"]:
                statuses = [
                    AttendanceMark.Status.PRESENT,
                    AttendanceMark.Status.PRESENT,
                    AttendanceMark.Status.LATE,
                    AttendanceMark.Status.PRESENT,
                ][: len(past)]
            else:
                statuses = [self.random_status() for _ in past]
            marks += self.marks(enrolment, past, statuses, facilitator)
        AttendanceMark.objects.bulk_create(marks)
        return cohort

    def closed_cohort(self, digital, kent):
        """Last year's Kent cohort: finished, with certificates for those who completed."""
        starts_on = self.today - dt.timedelta(days=440)
        facilitator = self.people["facilitator"]
        cohort = self.cohort(
            programme=digital,
            name=f"Kent {starts_on:%B %Y}",
            place=kent,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=210),
            capacity=sum(content.CLOSED_ALLOCATIONS.values()),
            status=Cohort.Status.CLOSED,
            facilitators=[facilitator],
            allocations=content.CLOSED_ALLOCATIONS,
        )
        sessions = self.sessions(cohort, self.modules[digital.slug])
        enrolled_at = london(starts_on - dt.timedelta(days=40), 10)
        attending = CompletionRule.objects.get(programme=digital).attended_statuses()
        marks = []
        self.closed_enrolments = []
        for key, first, last, title, completed in content.CLOSED_COHORT:
            officer = self.person(first, last, title, roles=[Role.PARTICIPANT])
            enrolment = self.enrol(
                cohort,
                key,
                officer,
                Enrolment.Status.COMPLETED if completed else Enrolment.Status.NOT_COMPLETED,
                at=enrolled_at,
            )
            statuses = [self.random_status() for _ in sessions]
            if completed:
                # Completers met the rule: 75% of 8 sessions is 6, as the rule counts attending.
                while sum(s in attending for s in statuses) < 6:
                    missed = [i for i, s in enumerate(statuses) if s not in attending]
                    statuses[self.random.choice(missed)] = AttendanceMark.Status.PRESENT
            else:
                statuses = [AttendanceMark.Status.PRESENT] * 4 + [
                    AttendanceMark.Status.APOLOGIES,
                    AttendanceMark.Status.ABSENT,
                    AttendanceMark.Status.ABSENT,
                    AttendanceMark.Status.APOLOGIES,
                ]
            enrolment.attended = sum(s in attending for s in statuses)
            enrolment.completed = completed
            self.closed_enrolments.append(enrolment)
            marks += self.marks(enrolment, sessions, statuses, facilitator)
        AttendanceMark.objects.bulk_create(marks)
        return cohort

    def open_cohort(self, digital, greater_manchester):
        """Greater Manchester's first cohort, taking nominations now."""
        starts_on = self.today + dt.timedelta(days=45)
        cohort = self.cohort(
            programme=digital,
            name=f"Greater Manchester {starts_on:%B %Y}",
            place=greater_manchester,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=213),
            capacity=sum(content.OPEN_ALLOCATIONS.values()),
            status=Cohort.Status.OPEN,
            facilitators=[self.other_facilitators[0]],
            allocations=content.OPEN_ALLOCATIONS,
        )
        self.sessions(cohort, self.modules[digital.slug], weekday=2, venues=content.GM_VENUES)
        self.enrol_some(cohort, content.OPEN_ENROLMENTS, at=london(self.today, 9))
        return cohort

    def member_cohort(self, members):
        """Councillors from several places: four afternoon sessions, two of them online."""
        starts_on = self.today + dt.timedelta(days=30)
        cohort = self.cohort(
            programme=members,
            name=f"Senior councillors {starts_on:%B %Y}",
            place=None,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=100),
            capacity=sum(content.MEMBER_ALLOCATIONS.values()),
            status=Cohort.Status.OPEN,
            facilitators=[self.other_facilitators[1]],
            allocations=content.MEMBER_ALLOCATIONS,
        )
        self.sessions(
            cohort,
            self.modules[members.slug],
            weekday=3,
            start=(14, 0),
            hours=3,
            every=21,
            venues=[content.MEMBER_VENUE],
            online=(1, 2),
        )
        self.enrol_some(cohort, content.MEMBER_ENROLMENTS, at=london(self.today, 10))
        return cohort

    def enrol_some(self, cohort, rows, *, at):
        for n, (key, first, last, title, status) in enumerate(rows):
            person = self.person(first, last, title, roles=[Role.PARTICIPANT])
            self.enrol(cohort, key, person, status, at=at - dt.timedelta(days=8 - n))

    # --- Learning progress and certificates ----------------------------------------------

    def running_progress(self, digital, cohort):
        """Participants have worked through the modules of the sessions so far, and some have
        started on the next one."""
        modules = self.modules[digital.slug]
        sessions = list(cohort.sessions.order_by("starts_at"))
        participant = self.people["participant"]
        opened_chance = [0.95, 0.9, 0.85, 0.75, 0.35]
        completed_chance = [0.85, 0.8, 0.7, 0.5, 0.2]
        progress = []
        for enrolment in self.running_enrolments:
            person = enrolment.participant
            for n, (module, session) in enumerate(zip(modules, sessions, strict=True)):
                if n >= len(opened_chance):
                    break
                if person == participant:
                    opened, completed = n <= 3, n <= 2
                else:
                    opened = self.random.random() < opened_chance[n]
                    completed = opened and self.random.random() < completed_chance[n]
                if not opened:
                    continue
                opened_at = min(
                    session.starts_at - dt.timedelta(days=self.random.randint(2, 9), hours=3),
                    self.now - dt.timedelta(days=1),
                )
                completed_at = None
                if completed:
                    completed_at = min(
                        opened_at + dt.timedelta(minutes=module.estimated_minutes + 15),
                        self.now - dt.timedelta(hours=2),
                    )
                reflections = {}
                if person == participant and n <= 1:
                    reflections = {
                        block_id: self.reflection_answer(n)
                        for block_id, _prompt in module.reflection_prompts()
                    }
                progress.append(
                    ModuleProgress(
                        participant=person,
                        module=module,
                        opened_at=opened_at,
                        completed_at=completed_at,
                        reflections=reflections,
                    )
                )
        ModuleProgress.objects.bulk_create(progress)

    def reflection_answer(self, n):
        return [
            "Our digital team hears about service changes after the business case is signed "
            "off. I will ask our ACC to invite the head of digital to the change board.",
            "The journey map showed a victim of domestic abuse repeating her story to four "
            "agencies in a fortnight. None of our own data shows that.",
        ][n]

    def closed_progress_and_certificates(self, digital, cohort):
        modules = self.modules[digital.slug]
        sessions = list(cohort.sessions.order_by("starts_at"))
        facilitator = self.people["facilitator"]
        issued_at = london(cohort.ends_on + dt.timedelta(days=10), 10)
        progress, certificates = [], []
        for enrolment in self.closed_enrolments:
            # Completers finished every module (the rule requires two); the one who did not
            # complete opened three and finished one.
            count = len(modules) if enrolment.completed else 3
            for n, (module, session) in enumerate(
                zip(modules[:count], sessions[:count], strict=True)
            ):
                opened_at = session.starts_at - dt.timedelta(days=self.random.randint(2, 9))
                done = enrolment.completed or n == 0
                progress.append(
                    ModuleProgress(
                        participant=enrolment.participant,
                        module=module,
                        opened_at=opened_at,
                        completed_at=opened_at + dt.timedelta(hours=2) if done else None,
                    )
                )
            if enrolment.completed:
                certificates.append(
                    Certificate(
                        enrolment=enrolment,
                        holder_name=enrolment.participant.get_full_name(),
                        programme_title=digital.title,
                        cohort_name=cohort.name,
                        place_name=cohort.place.name if cohort.place else "",
                        starts_on=cohort.starts_on,
                        ends_on=cohort.ends_on,
                        sessions_attended=enrolment.attended,
                        sessions_scheduled=len(sessions),
                        issued_at=issued_at,
                        issued_by=facilitator,
                    )
                )
        ModuleProgress.objects.bulk_create(progress)
        Certificate.objects.bulk_create(certificates)
