"""The pages issue 22 measures, each with the person who uses it, found in a benchmark database
(shared by bench_pages.py and profile_pages.py)."""

import _stack

SIGNED_OUT = "bare StandardPage, signed out"
ROLES = ["participant", "facilitator", "nominator", "manager"]


def bare_as(role):
    return f"bare StandardPage as {role}"


def _strip(url_path):
    """url_path starts with the root page's slug."""
    return "/" + url_path.split("/", 2)[2]


def pages(db):
    """{name: (username or None, path)}: the bare page signed out and as each role, then the
    pages under test, each requested by the role that uses it."""

    def one(sql):
        value = _stack.query(db, sql)
        if not value:
            raise SystemExit(f"Nothing found for the benchmark: {sql}")
        return value

    # The facilitator's newest running cohort: at national scale it is a full one.
    cohort = one(
        "SELECT c.id FROM cohorts_cohort c JOIN cohorts_cohort_facilitators f ON f.cohort_id=c.id "
        "JOIN accounts_user u ON u.id=f.user_id WHERE u.username='facilitator' "
        "AND c.status='running' ORDER BY c.id DESC LIMIT 1"
    )
    module = one(
        "SELECT p.url_path FROM wagtailcore_page p JOIN modules_modulepage m ON m.page_ptr_id=p.id "
        "JOIN cohorts_cohort c ON p.path LIKE (SELECT path FROM wagtailcore_page "
        "WHERE id=c.programme_id) || '%' JOIN cohorts_enrolment e ON e.cohort_id=c.id "
        "JOIN accounts_user u ON u.id=e.participant_id WHERE u.username='participant' AND p.live "
        "ORDER BY p.path LIMIT 1"
    )
    session = one(
        "SELECT s.id FROM cohorts_cohortsession s JOIN cohorts_enrolment e "
        "ON e.cohort_id=s.cohort_id JOIN accounts_user u ON u.id=e.participant_id "
        "WHERE u.username='participant' AND e.status='confirmed' AND s.cancelled_at IS NULL "
        "ORDER BY s.starts_at LIMIT 1"
    )
    standard = one(
        "SELECT p.url_path FROM wagtailcore_page p JOIN content_standardpage s "
        "ON s.page_ptr_id=p.id WHERE p.live ORDER BY p.path LIMIT 1"
    )
    practice = one(
        "SELECT p.url_path FROM wagtailcore_page p JOIN practice_goodpracticeindexpage g "
        "ON g.page_ptr_id=p.id WHERE p.live LIMIT 1"
    )
    bare = _strip(standard)
    return {
        SIGNED_OUT: (None, bare),
        **{bare_as(role): (role, bare) for role in ROLES},
        "participant home": ("participant", "/my-academy/"),
        "module page": ("participant", _strip(module)),
        "session page": ("participant", f"/cohorts/sessions/{session}/"),
        # The full list (every officer of the organisation, some 300 at national scale), its
        # first page.
        "nominator portal": ("nominator", "/cohorts/nominate/"),
        "attendance grid": ("facilitator", f"/cohorts/{cohort}/attendance/"),
        "completion page": ("facilitator", f"/cohorts/{cohort}/completion/"),
        "manager dashboard": ("manager", "/cohorts/dashboard/"),
        "good practice search": ("participant", f"{_strip(practice)}?q=data"),
    }
