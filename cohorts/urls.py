from django.urls import path

from .views import attendance, invitations, material, mix, nominations

app_name = "cohorts"

urlpatterns = [
    # Attendance (issue 5).
    path("sessions/<int:pk>/register/", attendance.register, name="attendance_register"),
    path("sessions/<int:pk>/check-in-code/", attendance.checkin_code, name="checkin_code"),
    path("sessions/<int:pk>/check-in/", attendance.check_in, name="check_in"),
    path("sessions/<int:pk>/apologies/", attendance.apologies, name="apologies"),
    path(
        "sessions/<int:pk>/attendance-import/",
        attendance.attendance_import,
        name="attendance_import",
    ),
    path("<int:pk>/attendance/", attendance.cohort_attendance, name="cohort_attendance"),
    path(
        "<int:pk>/attendance.<str:export_format>",
        attendance.cohort_attendance_export,
        name="cohort_attendance_export",
    ),
    path("<int:pk>/my-attendance/", attendance.my_attendance, name="my_attendance"),
    path(
        "programmes/<int:pk>/attendance/",
        attendance.programme_attendance,
        name="programme_attendance",
    ),
    path("sessions/<int:pk>/", material.session_detail, name="session_detail"),
    path(
        "sessions/<int:pk>/material/",
        material.session_material_edit,
        name="session_material_edit",
    ),
    # Nominating officers (issue 4).
    path("nominate/", nominations.portal, name="nominate"),
    path(
        "<int:cohort_pk>/nominate/<int:organisation_pk>/",
        nominations.nominate_officer,
        name="nominate_officer",
    ),
    path(
        "<int:cohort_pk>/nominate/<int:organisation_pk>/import/",
        nominations.import_upload,
        name="import_upload",
    ),
    path(
        "<int:cohort_pk>/nominate/<int:organisation_pk>/import/<str:key>/",
        nominations.import_preview,
        name="import_preview",
    ),
    path("enrolments/<int:pk>/resend/", nominations.enrolment_resend, name="enrolment_resend"),
    path(
        "enrolments/<int:pk>/withdraw/", nominations.enrolment_withdraw, name="enrolment_withdraw"
    ),
    path(
        "enrolments/<int:pk>/substitute/",
        nominations.enrolment_substitute,
        name="enrolment_substitute",
    ),
    path("invitation/<str:token>/", invitations.respond, name="invitation"),
    path("<int:pk>/", mix.cohort_overview, name="overview"),
    path("<int:pk>/people/", mix.cohort_people, name="people"),
]
