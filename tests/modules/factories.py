import factory
from wagtail.models import Page

from modules.models import ModulePage, ModuleProgress, ProgrammePage
from tests.accounts.factories import UserFactory


class _PageFactory(factory.Factory):
    """Wagtail pages are created as children of a parent page (the site's home page by default)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            parent = cls._default_parent()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish() if page.live else page.save_revision()
        return model_class.objects.get(pk=page.pk)

    @classmethod
    def _default_parent(cls):
        from content.models import HomePage

        home = HomePage.objects.first()
        return home if home is not None else Page.objects.get(depth=1)


class ProgrammePageFactory(_PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Digital Academy {n}")
    summary = "A place-based leadership programme."


class ModulePageFactory(_PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    estimated_minutes = 45

    @classmethod
    def _default_parent(cls):
        return ProgrammePageFactory()


class ModuleProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleProgress

    participant = factory.SubFactory(UserFactory)
    module = factory.SubFactory(ModulePageFactory)
