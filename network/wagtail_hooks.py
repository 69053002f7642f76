from wagtail import hooks

from notifications.kinds import REGISTER_KINDS
from personal_data import registry as personal_data_registry

from . import emails, personal_data, reminders

hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=60)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=60)
hooks.register("register_scheduled_jobs", reminders.jobs)


@hooks.register(REGISTER_KINDS)
def notification_kinds():
    return [*emails.KINDS, reminders.KIND]
