"""Load test: participants reading modules and their home page and checking in to today's
sessions with the code on the facilitator's screen; facilitators keeping registers (reading the
grid, saving whole registers) and showing the check-in screens; nominators reading their portal,
nominating officers one by one and importing spreadsheets of them (upload, preview, confirm);
programme managers reading the cohort dashboard and their home page.
Run by `make loadtest` (loadtest/run.py) against gunicorn + PostgreSQL on 127.0.0.1 only.

Signed-in sessions are handed over through LOCUST_SESSIONS (a JSON map of role -> list of
[username, session id], made by run.py), so no password is sent and 2FA does not get in the way
of the measurement. Simulated users take the sessions in turn, so the check-ins come from many
participants and no two nominators share a session (an upload waits in its session until it is
confirmed). What the users did, and what the site told them, goes to LOCUST_RESULTS when locust
quits, for run.py to compare with the database.
"""

import itertools
import json
import os
import random
import uuid
from collections import Counter

import parsing
from locust import HttpUser, between, constant, events, task

STATUSES = ["present", "late", "left-early", "absent", "apologies"]
SESSIONS = json.loads(os.environ.get("LOCUST_SESSIONS", "{}"))
PATHS = json.loads(os.environ.get("LOCUST_PATHS", "{}"))
RESULTS_FILE = os.environ.get("LOCUST_RESULTS", "")
OFFICER_EMAIL_DOMAIN = "loadtest.example.org"
FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Eve", "Femi", "Gita", "Huw", "Isla", "Jon"]
LAST_NAMES = ["Ahmed", "Byrne", "Clarke", "Davies", "Evans", "Fox", "Gill", "Hale", "Ince"]

_identities = {role: itertools.cycle(pairs) for role, pairs in SESSIONS.items()}
# The code on each session's check-in screen in the room, as the screen last showed it.
SCREENS = {}
# (username, session id) pairs, and officers' emails, by what happened to them.
CHECK_INS = {"tried": set(), "checked in": set(), "already recorded": set()}
OFFICERS = {"tried": set(), "nominated": set(), "refused": set()}
IMPORTS = Counter()
CHECK_IN_ANSWERS = Counter()


@events.quitting.add_listener
def _write_results(environment, **kwargs):
    if not RESULTS_FILE:
        return
    # The users have stopped by now: these are the final numbers (the CSV files are written
    # once a second, so they can miss the last requests).
    stats = environment.stats
    results = {
        "check_ins": {outcome: sorted(pairs) for outcome, pairs in CHECK_INS.items()},
        "officers": {outcome: sorted(emails) for outcome, emails in OFFICERS.items()},
        "imports": dict(IMPORTS),
        "check_in_answers": dict(CHECK_IN_ANSWERS),
        "requests": [
            {
                "name": entry.name,
                "method": entry.method,
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "rps": entry.total_rps,
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
            }
            for entry in [*sorted(stats.entries.values(), key=lambda e: e.name), stats.total]
        ],
    }
    with open(RESULTS_FILE, "w") as f:
        json.dump(results, f)


def new_officers(count):
    return [
        {
            "first_name": random.choice(FIRST_NAMES),
            "last_name": random.choice(LAST_NAMES),
            "email": f"officer-{uuid.uuid4().hex[:16]}@{OFFICER_EMAIL_DOMAIN}",
            "job_title": "Service Manager",
            "team": "Digital",
        }
        for _ in range(count)
    ]


class _Signed(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 2)

    def on_start(self):
        self.username, key = next(_identities[self.role])
        self.client.cookies.set("sessionid", key)

    def open_form(self, path, *, name):
        """GET a page with a form; None (and a failure) when the form is not there."""
        with self.client.get(path, name=name, catch_response=True) as page:
            if page.status_code == 200 and parsing.csrf_token(page.text) is None:
                page.failure("no form on the page")
            if page.status_code != 200 or parsing.csrf_token(page.text) is None:
                return None
        return page

    def submit(self, path, page, data, *, name, files=None):
        """POST the form read from `page` (a context manager, as with catch_response)."""
        # Production marks the CSRF cookie Secure; over local http it must be handed back here.
        self.client.cookies.set("csrftoken", page.cookies.get("csrftoken") or "")
        data = {"csrfmiddlewaretoken": parsing.csrf_token(page.text), **data}
        return self.client.post(
            path, data=data, files=files, name=name, catch_response=True, allow_redirects=False
        )


class Participant(_Signed):
    role = "participant"
    weight = 6

    @task(3)
    def home(self):
        self.client.get("/my-academy/")

    @task(5)
    def read_module(self):
        self.client.get(random.choice(PATHS["modules"]), name="module page")

    @task(1)
    def check_in(self):
        # A person checks in once to each session, as in the room (the site limits tries to
        # ten a person per five minutes); two simulated users sharing a login may still race.
        done = CHECK_INS["checked in"] | CHECK_INS["already recorded"]
        open_to_them = [(s, code) for s, code in SCREENS.items() if (self.username, s) not in done]
        if not open_to_them:
            return  # no screen shown in the room yet, or checked in to every session
        session_id, code = random.choice(open_to_them)
        path = f"/cohorts/sessions/{session_id}/check-in/"
        # Scanning the QR code opens the check-in page with the code filled in.
        page = self.open_form(f"{path}?code={code}", name="check-in page")
        if page is None:
            return
        pair = (self.username, session_id)
        CHECK_INS["tried"].add(pair)
        with self.submit(path, page, {"code": code}, name="check-in") as response:
            outcome = parsing.checkin_outcome(response.text)
            if response.status_code != 200 or outcome is None:
                response.failure(f"check-in refused: HTTP {response.status_code}")
            else:
                CHECK_INS[outcome].add(pair)
                CHECK_IN_ANSWERS[outcome] += 1


class CheckInScreen(_Signed):
    """The facilitator's screen in the room for each of today's sessions, refreshing itself
    every minute (the code changes every five; the previous code is still accepted)."""

    role = "facilitator"
    fixed_count = 1
    wait_time = constant(60)

    @task
    def show_codes(self):
        for session_id in PATHS["checkins"]:
            with self.client.get(
                f"/cohorts/sessions/{session_id}/check-in-code/",
                name="check-in code screen",
                catch_response=True,
            ) as screen:
                code = parsing.checkin_code(screen.text)
                if code is None:
                    screen.failure(f"no check-in code shown: HTTP {screen.status_code}")
                else:
                    SCREENS[session_id] = code


class Facilitator(_Signed):
    role = "facilitator"
    weight = 2

    @task(2)
    def attendance_grid(self):
        self.client.get(PATHS["grid"], name="cohort attendance grid")

    @task(3)
    def save_register(self):
        path = random.choice(PATHS["registers"])
        page = self.open_form(path, name="register")
        if page is None:
            return
        data = {}
        for enrolment in parsing.register_rows(page.text):
            data[f"status_{enrolment}"] = random.choice(STATUSES)
            data[f"note_{enrolment}"] = ""
        with self.submit(path, page, data, name="register save") as response:
            if response.status_code != 302:
                response.failure(f"register not saved: HTTP {response.status_code}")


class Nominator(_Signed):
    role = "nominator"
    weight = 2

    def on_start(self):
        super().on_start()
        self.seat_lines = []
        self.portal()

    @task(2)
    def portal(self):
        with self.client.get("/cohorts/nominate/", catch_response=True) as page:
            links = parsing.nomination_links(page.text)
            if page.status_code == 200 and not links:
                page.failure("no cohort to nominate for on the portal")
            self.seat_lines = links or self.seat_lines

    @task(1)
    def nominate_officer(self):
        if not self.seat_lines:
            return
        path, _ = random.choice(self.seat_lines)
        page = self.open_form(path, name="nominate officer page")
        if page is None:
            return
        officer = new_officers(1)[0]
        OFFICERS["tried"].add(officer["email"])
        # Past the organisation's seats, the officer goes on the waiting list: still a 302.
        with self.submit(path, page, officer, name="nominate officer") as response:
            if response.status_code == 302:
                OFFICERS["nominated"].add(officer["email"])
            else:
                response.failure(f"officer not nominated: HTTP {response.status_code}")

    @task(2)
    def import_officers(self):
        if not self.seat_lines:
            return
        _, path = random.choice(self.seat_lines)
        page = self.open_form(path, name="import upload page")
        if page is None:
            return
        officers = new_officers(random.randint(1, 4))
        waiting_list = random.random() < 0.5
        upload = {"file": ("officers.csv", parsing.officers_csv(officers), "text/csv")}
        data = {"allow_waiting_list": "on"} if waiting_list else {}
        with self.submit(path, page, data, name="import upload", files=upload) as response:
            if response.status_code != 302:
                response.failure(f"upload not read: HTTP {response.status_code}")
                return
            preview_path = response.headers["Location"]
        with self.client.get(preview_path, name="import preview", catch_response=True) as preview:
            if preview.status_code != 200:
                preview.failure(f"no preview: HTTP {preview.status_code}")
                return
            if not parsing.import_preview_is_ready(preview.text):
                # More officers than seats left, and no waiting list asked for: a clean refusal.
                IMPORTS["refused at preview"] += 1
                return
        emails = {officer["email"] for officer in officers}
        OFFICERS["tried"] |= emails
        with self.submit(preview_path, preview, {}, name="import confirm") as response:
            if response.status_code == 302 and "?cohort=" in response.headers["Location"]:
                IMPORTS["imported"] += 1
                OFFICERS["nominated"] |= emails
            elif response.status_code == 200 and parsing.import_confirm_was_refused(response.text):
                # The seats went between preview and confirm: nothing saved, and said so.
                IMPORTS["refused at confirm"] += 1
                OFFICERS["refused"] |= emails
            else:
                response.failure(f"import not confirmed: HTTP {response.status_code}")


class Manager(_Signed):
    role = "manager"
    weight = 1

    @task(3)
    def dashboard(self):
        self.client.get("/cohorts/dashboard/", name="manager dashboard")

    @task(1)
    def home(self):
        self.client.get("/my-academy/", name="manager home")
