from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.good_practice, name="good_practice"),
    path("resources/", views.resources, name="resources"),
    path("propose/", views.propose, name="propose"),
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/<int:pk>/change/", views.proposal_change, name="proposal_change"),
    path("questions/", views.question_bank, name="question_bank"),
    path("question-sets/<int:pk>/", views.question_set, name="question_set"),
    path(
        "question-sets/<int:pk>/<str:export_format>/",
        views.question_set_download,
        name="question_set_download",
    ),
]
