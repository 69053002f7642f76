import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A person. Traits give a role: UserFactory(programme_manager=True)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda o: o.email)
    job_title = "Head of Service"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        programme_manager = factory.Trait(roles=[Role.PROGRAMME_MANAGER])
        facilitator = factory.Trait(roles=[Role.FACILITATOR])
        nominator = factory.Trait(roles=[Role.NOMINATOR])
        participant = factory.Trait(roles=[Role.PARTICIPANT])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[Role(r).value for r in extracted]))
        if create:
            self.save()
