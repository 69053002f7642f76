import datetime as dt

import factory
from django.utils import timezone

from network.models import ChampionProfile, RoundTable, RoundTableInvitation
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import OrganisationFactory


class ChampionFactory(factory.django.DjangoModelFactory):
    """A champion listed in the directory, offering mentoring to two mentees. Traits give the
    other states: ChampionFactory(offered=True), (withdrawn=True)."""

    class Meta:
        model = ChampionProfile
        skip_postgeneration_save = True

    person = factory.SubFactory(UserFactory)
    role = "Chief executive"
    organisation = factory.SubFactory(OrganisationFactory)
    region = "south-east"
    offers_mentoring = True
    offers_speaking = True
    mentee_capacity = 2
    statement = "I led our move to digital services."
    status = ChampionProfile.Status.LISTED

    class Params:
        offered = factory.Trait(status=ChampionProfile.Status.OFFERED)
        withdrawn = factory.Trait(status=ChampionProfile.Status.WITHDRAWN)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class RoundTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundTable

    title = factory.Sequence(lambda n: f"Round table {n}")
    region = "south-east"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    venue = "Sessions House, Maidstone"
    joining_url = "https://meet.example.org/round-table"
    joining_instructions = "Ask for the Cabinet Room at reception."


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundTableInvitation

    round_table = factory.SubFactory(RoundTableFactory)
    person = factory.SubFactory(UserFactory)
    token_hash = factory.Sequence(lambda n: f"{n:064d}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
