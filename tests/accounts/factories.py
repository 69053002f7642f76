import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role

PASSWORD = "correct-horse-battery"


def _grant_and_save(user, create, roles):
    if create and roles:
        user.groups.add(*Group.objects.filter(name__in=[Role(r).value for r in roles]))
    if create:
        user.save()


def _granting(*roles):
    return factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _grant_and_save(user, create, extracted or roles)
    )


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
        # A trait must override `roles` with a post-generation declaration: a plain list in a
        # trait replaces the hook below, which then never runs (and the password is not saved).
        programme_manager = factory.Trait(roles=_granting(Role.PROGRAMME_MANAGER))
        facilitator = factory.Trait(roles=_granting(Role.FACILITATOR))
        nominator = factory.Trait(roles=_granting(Role.NOMINATOR))
        participant = factory.Trait(roles=_granting(Role.PARTICIPANT))

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _grant_and_save(self, create, extracted)
