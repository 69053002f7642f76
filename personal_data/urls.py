"""Personal data pages, at /accounts/ beside the sign-in pages (their addresses are unchanged)."""

from django.urls import path

from . import access_log, views

app_name = "personal_data"

urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.<str:export_format>", views.my_data_download, name="my_data_download"),
    path("people/<int:pk>/erase/", views.person_erase, name="person_erase"),
    path("access-log/", access_log.access_log, name="access_log"),
    path(
        "access-log.<str:export_format>",
        access_log.access_log_export,
        name="access_log_export",
    ),
]
