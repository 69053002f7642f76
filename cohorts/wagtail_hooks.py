"""What cohorts adds to Wagtail: its admin screens (`viewsets`) and reports menu
(`reports.menu`), and its answers to the questions the modules app asks through hooks
(`learning`) and the personal-data app asks about a person (`personal_data`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from modules import participation
from personal_data import registry as personal_data_registry

from . import learning, personal_data
from .reports.menu import cohort_reports_menu_item
from .viewsets import AcademyViewSetGroup, CertificateDesignViewSet

register_snippet(AcademyViewSetGroup)
register_snippet(CertificateDesignViewSet)
hooks.register("register_admin_menu_item", cohort_reports_menu_item)

hooks.register(participation.PARTICIPATING_PROGRAMMES, learning.participating_programme_ids)
hooks.register(participation.RUN_PROGRAMMES, learning.run_programme_ids)
hooks.register(participation.MODULES_NOT_YET_OPEN, learning.modules_not_yet_open)
hooks.register(participation.SESSIONS_COVERING_MODULE, learning.sessions_covering_module)
hooks.register(participation.PROGRAMME_COHORTS, learning.programme_cohorts)
hooks.register(participation.PROGRAMME_RUNNERS, learning.programme_runner_ids)
hooks.register(participation.DOCUMENT_PERMISSION, learning.document_permission)

hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=10)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=10)
hooks.register(personal_data_registry.RETENTION, personal_data.past_retention)
