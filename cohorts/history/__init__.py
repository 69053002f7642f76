"""A cohort's history: every change to its attendance marks, sign-offs, enrolments and
certificates on one screen (`selectors.cohort_history`, `views.cohort_history`), for programme
managers and the cohort's facilitators."""
