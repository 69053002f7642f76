"""A task for the worker tests: it records each run in a plain table the test creates."""

import os
import time

from django.db import connection
from django_tasks import task

RUNS_TABLE = "perf_task_runs"


@task()
def record_run(*, number):
    # Long enough that one worker cannot finish the lot before the other has started.
    time.sleep(0.1)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RUNS_TABLE} (number, worker_pid) VALUES (%s, %s)",  # noqa: S608
            [number, os.getpid()],
        )
