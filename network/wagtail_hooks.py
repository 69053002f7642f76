from wagtail import hooks

from notifications.kinds import REGISTER_KINDS

from . import emails


@hooks.register(REGISTER_KINDS)
def notification_kinds():
    return emails.KINDS
