from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Notifications: the one place the platform sends email from. Each app registers the kinds
    of notification it sends (`kinds`); the programme team words them per programme (a snippet,
    `NotificationWording`); every notification sent is recorded (`Notification`), once per
    recipient, and shown to those who may see it."""

    name = "notifications"
    label = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"
