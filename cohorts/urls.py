from django.urls import path

from .attendance import views as attendance
from .calendar import views as calendar_views
from .certificates import views as certificate_views
from .enrolment import change_views
from .enrolment import invitation_views as invitations
from .enrolment import overview_views as overview
from .enrolment import views as nominations
from .history import views as history
from .material import views as material
from .reports import views as reports
from .scheduling import views as scheduling

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
    path("<int:pk>/attendance/", reports.cohort_attendance, name="cohort_attendance"),
    path(
        "<int:pk>/attendance.<str:export_format>",
        reports.cohort_attendance_export,
        name="cohort_attendance_export",
    ),
    path("<int:pk>/my-attendance/", attendance.my_attendance, name="my_attendance"),
    path(
        "programmes/<int:pk>/attendance/",
        reports.programme_attendance,
        name="programme_attendance",
    ),
    path("<int:pk>/progress/", reports.cohort_progress, name="cohort_progress"),
    path("dashboard/", reports.cohort_dashboard, name="dashboard"),
    path("sessions/<int:pk>/", material.session_detail, name="session_detail"),
    path(
        "sessions/<int:pk>/material/",
        material.session_material_edit,
        name="session_material_edit",
    ),
    # A cohort's sessions over their life (issue 23).
    path("<int:pk>/sessions/", scheduling.cohort_sessions, name="cohort_sessions"),
    path(
        "<int:pk>/sessions/pattern/",
        scheduling.sessions_from_pattern,
        name="sessions_from_pattern",
    ),
    path("sessions/<int:pk>/move/", scheduling.session_move, name="session_move"),
    path("sessions/<int:pk>/cancel/", scheduling.session_cancel, name="session_cancel"),
    # Calendars (issue 7).
    path("calendar/", calendar_views.my_calendar, name="my_calendar"),
    path("calendar/<int:pk>/reset/", calendar_views.calendar_reset, name="calendar_reset"),
    path("calendar/feed/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
    path("<int:pk>/calendar/", calendar_views.cohort_calendar, name="cohort_calendar"),
    path("sessions/<int:pk>/calendar.ics", calendar_views.session_ics, name="session_ics"),
    # Nominating officers (issue 4).
    path("nominate/", nominations.portal, name="nominate"),
    path(
        "nominate/template.<str:export_format>",
        nominations.nomination_template,
        name="nomination_template",
    ),
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
    path("enrolments/<int:pk>/resend/", change_views.enrolment_resend, name="enrolment_resend"),
    path(
        "enrolments/<int:pk>/withdraw/", change_views.enrolment_withdraw, name="enrolment_withdraw"
    ),
    path(
        "enrolments/<int:pk>/substitute/",
        change_views.enrolment_substitute,
        name="enrolment_substitute",
    ),
    path("enrolments/<int:pk>/move/", change_views.enrolment_move, name="enrolment_move"),
    path("invitation/<str:token>/", invitations.respond, name="invitation"),
    path("<int:pk>/", overview.cohort_overview, name="overview"),
    path("<int:pk>/people/", overview.cohort_people, name="people"),
    path("<int:pk>/history/", history.cohort_history, name="cohort_history"),
    # Completion and certificates (issue 6).
    path("certificates/", certificate_views.my_certificates, name="my_certificates"),
    path("<int:pk>/completion/", certificate_views.cohort_completion, name="cohort_completion"),
    path(
        "enrolments/<int:pk>/sign-off/",
        certificate_views.enrolment_sign_off,
        name="enrolment_sign_off",
    ),
    path(
        "enrolments/<int:pk>/sign-off/withdraw/",
        certificate_views.enrolment_sign_off_withdraw,
        name="enrolment_sign_off_withdraw",
    ),
    path(
        "enrolments/<int:pk>/certificate/",
        certificate_views.certificate_issue,
        name="certificate_issue",
    ),
    path(
        "<int:pk>/certificates/issue/", certificate_views.bulk_issue, name="certificate_bulk_issue"
    ),
    path(
        "certificate-runs/<int:pk>/",
        certificate_views.bulk_issue_progress,
        name="certificate_bulk_progress",
    ),
    path(
        "<int:pk>/certificates.<str:export_format>",
        certificate_views.cohort_certificates_download,
        name="cohort_certificates_download",
    ),
    path(
        "certificates/<int:pk>/download/",
        certificate_views.certificate_download,
        name="certificate_download",
    ),
    path(
        "certificates/<int:pk>/reissue/",
        certificate_views.certificate_reissue,
        name="certificate_reissue",
    ),
    path(
        "certificates/<int:pk>/revoke/",
        certificate_views.certificate_revoke,
        name="certificate_revoke",
    ),
]
