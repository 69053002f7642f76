"""Attendance at cohort sessions: the register (`register`), apologies sent in advance
(`apologies`), self check-in with a rotating code (`checkin`), imports of video-call attendance
reports (`video_reports` reads them, `video_import` previews and saves them), and the warnings
sent to participants at risk of not completing (`at_risk`). What counts as attended is the
completion rule's one definition (`cohorts.models.attended_statuses`); when a mark may be
recorded is `AttendanceMark.refusal` (marks follow time)."""
