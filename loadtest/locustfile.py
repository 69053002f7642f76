"""Load test: participants reading modules and their home page, facilitators keeping registers
(reading the grid, saving whole registers), nominators reading their portal. Run by
`make loadtest` (loadtest/run.py) against gunicorn + PostgreSQL on 127.0.0.1 only.

Sessions are handed over through LOCUST_SESSIONS (a JSON map of role -> list of session ids,
made by run.py), so no password is sent and 2FA does not get in the way of the measurement.
"""

import json
import os
import random
import re

from locust import HttpUser, between, task

STATUSES = ["present", "late", "left-early", "absent", "apologies"]
SESSIONS = json.loads(os.environ.get("LOCUST_SESSIONS", "{}"))
PATHS = json.loads(os.environ.get("LOCUST_PATHS", "{}"))


class _Signed(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.cookies.set("sessionid", random.choice(SESSIONS[self.role]))


class Participant(_Signed):
    role = "participant"
    weight = 6

    @task(3)
    def home(self):
        self.client.get("/my-academy/")

    @task(5)
    def read_module(self):
        self.client.get(random.choice(PATHS["modules"]), name="module page")


class Facilitator(_Signed):
    role = "facilitator"
    weight = 2

    @task(2)
    def attendance_grid(self):
        self.client.get(PATHS["grid"], name="cohort attendance grid")

    @task(3)
    def save_register(self):
        path = random.choice(PATHS["registers"])
        page = self.client.get(path, name="register")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if token is None:
            return
        # Production marks the CSRF cookie Secure; over local http it must be handed back here.
        self.client.cookies.set("csrftoken", page.cookies.get("csrftoken") or "")
        data = {"csrfmiddlewaretoken": token.group(1)}
        for enrolment in sorted(set(re.findall(r'name="status_(\d+)"', page.text))):
            data[f"status_{enrolment}"] = random.choice(STATUSES)
            data[f"note_{enrolment}"] = ""
        with self.client.post(
            path, data=data, name="register save", catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 302:
                response.failure(f"register not saved: HTTP {response.status_code}")


class Nominator(_Signed):
    role = "nominator"
    weight = 2

    @task
    def portal(self):
        self.client.get("/cohorts/nominate/")
