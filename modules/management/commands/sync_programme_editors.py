from django.core.management.base import BaseCommand

from modules.models import ProgrammePage
from modules.services import programme_editors_sync


class Command(BaseCommand):
    help = (
        "Give each programme's facilitators (and only them) draft-and-submit rights on its pages. "
        "This happens by itself whenever a cohort changes; run it once after loading data."
    )

    def handle(self, *args, **options):
        count = 0
        for programme in ProgrammePage.objects.all():
            programme_editors_sync(programme=programme)
            count += 1
        self.stdout.write(f"Synchronised the editors of {count} programme(s).")
