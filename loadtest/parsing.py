"""What the load test's simulated people read off the pages they are shown: the CSRF token of a
form, the code on the facilitator's check-in screen, the links of the nominator portal, and how
a check-in or an upload turned out. Kept apart from the locustfile (which patches the standard
library through gevent on import) so tests/performance can check it against real pages."""

import csv
import io
import re

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHECKIN_CODE = re.compile(
    r'<p class="academy-checkin__code[^"]*"><span aria-hidden="true">\s*([A-Z0-9]+)\s*</span>'
)
REGISTER_ROW = re.compile(r'name="status_(\d+)"')
NOMINATE_LINK = re.compile(r'href="(/cohorts/\d+/nominate/\d+/)"')
IMPORT_LINK = re.compile(r'href="(/cohorts/\d+/nominate/\d+/import/)"')

CHECKED_IN = "checked in"
ALREADY_RECORDED = "already recorded"
IMPORT_HEADER = ["First name", "Last name", "Email", "Job title", "Team"]


def csrf_token(html):
    match = CSRF_TOKEN.search(html)
    return match.group(1) if match else None


def checkin_code(html):
    """The code on the facilitator's check-in screen, or None outside the check-in window."""
    match = CHECKIN_CODE.search(html)
    return match.group(1) if match else None


def checkin_outcome(html):
    """CHECKED_IN, ALREADY_RECORDED, or None when the check-in page came back with an error."""
    if re.search(r"<h1[^>]*>You are checked in</h1>", html):
        return CHECKED_IN
    if re.search(r"<h1[^>]*>Your attendance is already recorded</h1>", html):
        return ALREADY_RECORDED
    return None


def register_rows(html):
    """The enrolment ids with a row on a register form."""
    return sorted(set(REGISTER_ROW.findall(html)), key=int)


def nomination_links(html):
    """(nominate one officer, upload a spreadsheet) paths for each seat line of the portal."""
    return list(zip(NOMINATE_LINK.findall(html), IMPORT_LINK.findall(html), strict=True))


def import_preview_is_ready(html):
    """True when the preview offers to nominate the officers; False when it lists problems."""
    return "Nominate these " in html and "govuk-error-summary" not in html


def import_confirm_was_refused(html):
    """The confirm page came back (HTTP 200) saying nothing was saved: seats went meanwhile."""
    return "Nothing was saved" in html


def officers_csv(officers):
    """A spreadsheet as a nominator saves it: a header row, then one officer per row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(IMPORT_HEADER)
    for officer in officers:
        writer.writerow(
            [officer["first_name"], officer["last_name"], officer["email"], officer["job_title"]]
            + [officer.get("team", "")]
        )
    return out.getvalue().encode()
