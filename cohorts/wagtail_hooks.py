"""What cohorts adds to Wagtail: its admin screens (`viewsets`) and reports menu
(`reports.menu`), its answers to the questions the modules app asks through hooks (`learning`)
and the personal-data app asks about a person (`personal_data`), the kinds of notification it
sends and whose notifications a nominator may see (`notifications`), and its scheduled jobs
(`scheduled_jobs`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from modules import participation
from notifications.kinds import REGISTER_KINDS
from notifications.querysets import VISIBLE_PEOPLE
from personal_data import registry as personal_data_registry

from . import learning, personal_data, scheduled_jobs
from .attendance import emails as attendance_emails
from .calendar import reminders
from .certificates import emails as certificate_emails
from .enrolment import emails as enrolment_emails
from .enrolment.selectors import officers_in_care_of
from .reports.menu import cohort_reports_menu_item
from .scheduling import admin as scheduling_admin
from .scheduling import emails as scheduling_emails
from .viewsets import AcademyViewSetGroup, CertificateDesignViewSet

register_snippet(AcademyViewSetGroup)
register_snippet(CertificateDesignViewSet)
hooks.register("register_admin_menu_item", cohort_reports_menu_item)

hooks.register(participation.PARTICIPATING_PROGRAMMES, learning.participating_programme_ids)
hooks.register(participation.LEARNER_RECORD, learning.learner_record)
hooks.register(participation.RUN_PROGRAMMES, learning.run_programme_ids)
hooks.register(participation.MODULES_NOT_YET_OPEN, learning.modules_not_yet_open)
hooks.register(participation.SESSIONS_COVERING_MODULE, learning.sessions_covering_module)
hooks.register(participation.PROGRAMME_COHORTS, learning.programme_cohorts)
hooks.register(participation.PROGRAMME_RUNNERS, learning.programme_runner_ids)
hooks.register(participation.DOCUMENT_PERMISSION, learning.document_permission)

hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=10)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=10)
hooks.register(personal_data_registry.RETENTION, personal_data.past_retention)

# Sessions moved on the admin's cohort screen are announced like those moved on the site.
hooks.register("before_edit_snippet", scheduling_admin.remember_sessions)
hooks.register("after_edit_snippet", scheduling_admin.announce_moved_sessions)

hooks.register(VISIBLE_PEOPLE, officers_in_care_of)
hooks.register("register_scheduled_jobs", scheduled_jobs.jobs)


@hooks.register(REGISTER_KINDS)
def notification_kinds():
    return [
        *enrolment_emails.KINDS,
        *scheduling_emails.KINDS,
        reminders.KIND,
        *attendance_emails.KINDS,
        *certificate_emails.KINDS,
    ]
