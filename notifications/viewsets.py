"""The admin screen where the programme team words each programme's notifications."""

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet

from .models import NotificationWording


class NotificationWordingViewSet(SnippetViewSet):
    """Each programme's own subject and body per notification, with its placeholders listed
    beside them and a preview with example values."""

    model = NotificationWording
    icon = "mail"
    menu_label = "Notification wording"
    add_to_admin_menu = True
    menu_order = 152
    list_display = ["programme", "kind", "subject", "updated_at"]
    list_filter = ["programme", "kind"]
    search_fields = ["subject", "body"]

    def get_queryset(self, request):
        return NotificationWording.objects.select_related("programme")
