"""What a transaction leaves to do when it commits, as tests read it."""

from cohorts.record_versions import versions_bump


def tasks_queued(callbacks):
    """The on-commit callbacks other than moving cohorts' record versions (which every write to
    a cohort's record leaves, `cohorts.record_versions`)."""
    return [c for c in callbacks if getattr(c, "func", None) is not versions_bump]
