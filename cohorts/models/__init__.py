"""The cohorts app's models, one module per area. Every model is imported here, so Django finds
them all under the app label `cohorts` (same tables, same migrations) and callers import them
from `cohorts.models` whichever module defines them."""

from .attendance import Apology, AttendanceMark, AttendanceMarkChange, AttendanceNotification
from .calendar import CalendarFeed, new_calendar_token
from .certificates import (
    Certificate,
    CertificateBulkIssue,
    CertificateDesign,
    CertificateEvent,
    new_verification_code,
)
from .cohorts import (
    FACILITATOR_CHOICES,
    LONDON,
    Cohort,
    CohortSession,
    SeatAllocation,
    check_allocations,
    check_facilitators,
    check_session_modules,
)
from .completion import (
    CompletionRule,
    CompletionSignOff,
    CompletionSignOffEvent,
    attended_statuses,
)
from .enrolment import Enrolment, EnrolmentEvent, Invitation
from .places import Organisation, Place, Sector

__all__ = [
    "FACILITATOR_CHOICES",
    "LONDON",
    "Apology",
    "AttendanceMark",
    "AttendanceMarkChange",
    "AttendanceNotification",
    "CalendarFeed",
    "Certificate",
    "CertificateBulkIssue",
    "CertificateDesign",
    "CertificateEvent",
    "Cohort",
    "CohortSession",
    "CompletionRule",
    "CompletionSignOff",
    "CompletionSignOffEvent",
    "Enrolment",
    "EnrolmentEvent",
    "Invitation",
    "Organisation",
    "Place",
    "SeatAllocation",
    "Sector",
    "attended_statuses",
    "check_allocations",
    "check_facilitators",
    "check_session_modules",
    "new_calendar_token",
    "new_verification_code",
]
