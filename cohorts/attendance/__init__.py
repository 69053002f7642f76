"""Attendance at cohort sessions: the register (`register`), apologies sent in advance
(`apologies`), self check-in with a rotating code (`checkin`), imports of video-call attendance
lists (`video_import`), and the warnings sent to participants at risk of not completing
(`at_risk`). What counts as attended is the completion rule's one definition
(`cohorts.models.attended_statuses`)."""
