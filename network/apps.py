from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The digital champions' network (champions, mentoring, open sessions) and the chief
    executive round tables (invitation-only, under the Chatham House rule): the paper's two
    ways, beside the academies, for leaders to learn from each other (section 5)."""

    name = "network"
    label = "network"
    verbose_name = "Champions and round tables"
    default_auto_field = "django.db.models.BigAutoField"
