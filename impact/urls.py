from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "export/<slug:figure>.<str:export_format>",
        views.dashboard_export,
        name="dashboard_export",
    ),
    path("self-assessment/<int:pk>/", views.self_assessment, name="self_assessment"),
    path("my-capabilities/", views.my_capabilities, name="my_capabilities"),
    path("sessions/<int:pk>/feedback/", views.session_feedback, name="session_feedback"),
    path("cohorts/<int:pk>/feedback/", views.cohort_feedback, name="cohort_feedback"),
]
