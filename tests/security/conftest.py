import pytest


@pytest.fixture(autouse=True)
def axes_reset(db):
    """Sign-in lock-out stays on in tests; each security test starts with no failed attempts
    on record (in case an earlier test in the same transaction left some)."""
    from axes.utils import reset

    reset()
    yield
    reset()
