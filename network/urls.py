from django.urls import path

from . import open_session_views, round_table_views, views

app_name = "network"

urlpatterns = [
    path("champions/", views.directory, name="directory"),
    path("champions/mine/", views.my_profile, name="my_profile"),
    path("champions/mine/listing/", views.profile_listing, name="profile_listing"),
    path("champions/make/", views.champion_make, name="champion_make"),
    path("champions/waiting/", views.applications, name="applications"),
    path("champions/<int:pk>/", views.champion, name="champion"),
    path("champions/<int:pk>/ask/", views.mentoring_request, name="mentoring_request"),
    path("champions/<int:pk>/approve/", views.champion_approve, name="champion_approve"),
    path("mentoring/", views.mentoring, name="mentoring"),
    path("mentoring/matches/", views.matches, name="matches"),
    path("mentoring/<int:pk>/answer/", views.mentoring_answer, name="mentoring_answer"),
    path("mentoring/<int:pk>/close/", views.mentoring_close, name="mentoring_close"),
    path("round-tables/", round_table_views.round_table_list, name="round_tables"),
    path("round-tables/new/", round_table_views.round_table_edit, name="round_table_create"),
    path("round-tables/summaries/", round_table_views.summaries, name="summaries"),
    path("round-tables/invitation/<str:token>/", round_table_views.invitation, name="invitation"),
    path("round-tables/<int:pk>/", round_table_views.round_table, name="round_table"),
    path(
        "round-tables/<int:pk>/change/",
        round_table_views.round_table_edit,
        name="round_table_change",
    ),
    path(
        "round-tables/<int:pk>/answer/",
        round_table_views.round_table_answer,
        name="round_table_answer",
    ),
    path(
        "round-tables/<int:pk>/invite/",
        round_table_views.round_table_invite,
        name="round_table_invite",
    ),
    path(
        "round-tables/<int:pk>/calendar.ics",
        round_table_views.round_table_calendar,
        name="round_table_ics",
    ),
    path(
        "round-tables/<int:pk>/notes/",
        round_table_views.round_table_notes,
        name="round_table_notes",
    ),
    path(
        "round-tables/<int:pk>/summary/",
        round_table_views.round_table_summary,
        name="round_table_summary",
    ),
    path("open-sessions/", open_session_views.open_session_list, name="open_sessions"),
    path("open-sessions/new/", open_session_views.open_session_create, name="open_session_create"),
    path("open-sessions/<int:pk>/", open_session_views.open_session, name="open_session"),
    path(
        "open-sessions/<int:pk>/booking/",
        open_session_views.open_session_booking,
        name="open_session_booking",
    ),
    path(
        "open-sessions/<int:pk>/register/",
        open_session_views.open_session_register,
        name="open_session_register",
    ),
    path(
        "open-sessions/<int:pk>/calendar.ics",
        open_session_views.open_session_calendar,
        name="open_session_ics",
    ),
]
