"""Cohort session material: a session's own page (its joining instructions, pre-reading, slides
and follow-up actions, for those on or running the cohort) and the form its facilitators use to
edit that material."""
