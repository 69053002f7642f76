"""Certificates: milliseconds per certificate, for one and for a bulk issue of 200, each against
a plain WeasyPrint render of the same HTML (same options) in the same run, as the floor; and
memory across the bulk issue (resident set size sampled through the run, and its peak).

Aim: issuing within 1.25 times the floor, and memory flat across the bulk issue.

Run with `make bench` (or `.venv/bin/python benchmarks/bench_certificates.py`). It sets Django up
itself: test settings, a temporary SQLite database migrated at start, PDFs stored in a temporary
folder, emails kept in memory, background tasks run at once.
"""

import datetime as dt
import gc
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TMP = tempfile.TemporaryDirectory(prefix="bench-certificates-")
os.environ["DJANGO_SETTINGS_MODULE"] = "academy_site.settings.test"
os.environ["READ_DOT_ENV"] = "false"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/bench.sqlite3"

import django  # noqa: E402
import summary  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

BULK = 200
# Names in many scripts, so the fonts the real thing needs are loaded and subset.
NAMES = ["Siân Llŷr", "Zażółć Gęślą", "Ελένη Παπαδοπούλου", "محمد عبدالله", "王小明", "अनिल शर्मा"]
SINGLE = 11  # one at a time, issue and floor alternating: the median of these
HEAP_EXTRA = 60
SESSIONS = 4


def rss_mib():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class RssSampler(threading.Thread):
    """Samples the resident set size every 20 ms while the bulk issue runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.running = True

    def run(self):
        while self.running:
            self.samples.append((time.perf_counter(), rss_mib()))
            time.sleep(0.02)


def build_world():
    from django.contrib.auth.hashers import make_password
    from wagtail.models import Page

    from accounts.models import User
    from cohorts.models import (
        LONDON,
        AttendanceMark,
        Cohort,
        CohortSession,
        CompletionRule,
        Enrolment,
        Organisation,
        Place,
    )
    from modules.models import ProgrammePage

    root = Page.objects.get(depth=1)
    programme = root.add_child(instance=ProgrammePage(title="Digital Academy", slug="bench"))
    place = Place.objects.create(name="Kent")
    organisation = Organisation.objects.create(name="Kent Police", sector="police")
    starts = dt.date(2025, 1, 6)
    cohort = Cohort.objects.create(
        programme=programme,
        name="Kent 2025",
        place=place,
        starts_on=starts,
        ends_on=starts + dt.timedelta(days=60),
        capacity=BULK + SINGLE + HEAP_EXTRA,
        status=Cohort.Status.CLOSED,
    )
    CompletionRule.objects.create(programme=programme, min_sessions_attended=3)
    sessions = []
    for i in range(SESSIONS):
        at = dt.datetime.combine(starts + dt.timedelta(days=7 * i + 1), dt.time(9, 30), LONDON)
        sessions.append(
            CohortSession.objects.create(
                cohort=cohort,
                title=f"Session {i + 1}",
                starts_at=at,
                ends_at=at + dt.timedelta(hours=3),
            )
        )
    names = NAMES
    password = make_password("bench-password")
    users = User.objects.bulk_create(
        User(
            username=f"p{i}@example.org",
            email=f"p{i}@example.org",
            first_name=names[i % len(names)],
            last_name=f"Number {i}",
            password=password,
        )
        for i in range(BULK + SINGLE + HEAP_EXTRA)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(cohort=cohort, participant=u, organisation=organisation, status="confirmed")
        for u in users
    )
    AttendanceMark.objects.bulk_create(
        AttendanceMark(enrolment=e, session=s, status="present")
        for e in enrolments
        for s in sessions[:3]
    )
    return cohort, enrolments


def plain_render(html):
    from weasyprint import HTML

    from cohorts.certificates.pdf import PDF_OPTIONS

    return HTML(string=html).write_pdf(**PDF_OPTIONS)


def main():
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"Migrated a fresh SQLite database in {time.perf_counter() - started:.1f} s")
    from django.core import mail

    from cohorts.certificates import bulk as bulk_issue
    from cohorts.certificates import pdf, services
    from cohorts.models import Certificate, CertificateBulkIssue, Enrolment

    mail.outbox = []
    cohort, enrolments = build_world()
    singles, bulk = enrolments[:SINGLE], enrolments[SINGLE : SINGLE + BULK]

    # Warm up: templates, the WeasyPrint machinery, and the fonts of every script the names use
    # (the first Arabic or Chinese name loads a large font once; that is not per certificate).
    warm = Certificate(
        enrolment=singles[0],
        verification_code="A" * 16,
        holder_name="Warm Up",
        programme_title="P",
        cohort_name="C",
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        sessions_attended=3,
        sessions_scheduled=4,
    )
    for name in NAMES * 2:
        warm.holder_name = name
        plain_render(pdf.certificate_html(warm))

    # --- One certificate at a time --------------------------------------------------------------
    # Issue and floor alternate, so both see the same load on the (shared, two-core) machine.
    issue_wall, floor_wall, issue_cpu, floor_cpu = [], [], [], []
    for enrolment in singles:
        t, c = time.perf_counter(), time.process_time()
        certificate = services.certificate_issue(enrolment=enrolment, issued_by=None)
        issue_wall.append(time.perf_counter() - t)
        issue_cpu.append(time.process_time() - c)
        html = pdf.certificate_html(certificate)
        t, c = time.perf_counter(), time.process_time()
        plain_render(html)
        floor_wall.append(time.perf_counter() - t)
        floor_cpu.append(time.process_time() - c)
    one = {
        "wall": (statistics.median(issue_wall), statistics.median(floor_wall)),
        "cpu": (statistics.median(issue_cpu), statistics.median(floor_cpu)),
    }

    # --- A bulk issue of 200 --------------------------------------------------------------------
    job = CertificateBulkIssue.objects.create(
        cohort=cohort, enrolment_ids=[e.pk for e in bulk], total=len(bulk)
    )
    sampler = RssSampler()
    rss_before = rss_mib()
    sampler.start()
    t0, c0 = time.perf_counter(), time.process_time()
    bulk_issue.certificate_bulk_issue_process(job=job)
    t1, c1 = time.perf_counter(), time.process_time()
    sampler.running = False
    sampler.join()
    job.refresh_from_db()
    assert job.issued == BULK, f"issued {job.issued} of {BULK}"

    htmls = [
        pdf.certificate_html(c)
        for c in Certificate.objects.filter(enrolment__in=bulk).order_by("pk")
    ]
    floor_rss_before = rss_mib()
    floor_sampler = RssSampler()
    floor_sampler.start()
    t, c = time.perf_counter(), time.process_time()
    for html in htmls:
        plain_render(html)
    floor_t, floor_c = time.perf_counter() - t, time.process_time() - c
    floor_sampler.running = False
    floor_sampler.join()
    floor_growth = rss_mib() - floor_rss_before
    # Growth over each run: its highest resident set size against just before it.
    floor_peak_growth = max(rss for _, rss in floor_sampler.samples + [(0, rss_mib())]) - (
        floor_rss_before
    )
    bulk_peak_growth = max(rss for _, rss in sampler.samples) - rss_before

    # The Python heap across three more bulk issues of 20 (tracemalloc slows everything, so
    # this is kept apart from the timings): it should not grow with the certificates issued.
    extra = Enrolment.objects.filter(cohort=cohort, certificate__isnull=True).order_by("pk")
    heap = []
    tracemalloc.start()
    for _ in range(3):
        chunk = list(extra.values_list("pk", flat=True)[:20])
        bulk_issue.certificate_bulk_issue_process(
            job=CertificateBulkIssue.objects.create(
                cohort=cohort, enrolment_ids=chunk, total=len(chunk)
            )
        )
        gc.collect()
        heap.append(tracemalloc.get_traced_memory()[0] / 1024)
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    # The emails the issues queued (the worker's job in production), timed on their own.
    from cohorts.certificates.emails import certificate_emails_send

    ids = list(Certificate.objects.values_list("pk", flat=True))
    t = time.perf_counter()
    certificate_emails_send.call(certificate_ids=ids)
    email_s = time.perf_counter() - t
    assert len(mail.outbox) == len(ids)
    bulk = {"wall": ((t1 - t0) / BULK, floor_t / BULK), "cpu": ((c1 - c0) / BULK, floor_c / BULK)}

    # Memory: the median resident set size in each quarter of the bulk issue.
    quarters = []
    span = t1 - t0
    for q in range(1, 5):
        window = [
            rss for at, rss in sampler.samples if t0 + span * (q - 1) / 4 <= at <= t0 + span * q / 4
        ]
        quarters.append(statistics.median(window) if window else rss_mib())
    growth = quarters[-1] - quarters[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def line(label, measured):
        mine, floor = measured
        return (
            f"{label:<22} {mine * 1000:7.1f} ms per certificate   plain WeasyPrint "
            f"{floor * 1000:7.1f} ms   ratio {mine / floor:.2f}"
        )

    print()
    print("CPU time of this process (steady on a busy machine) and wall-clock time (what a")
    print("person waits, including the disk and whatever else the machine is running):")
    print(line("One certificate (CPU)", one["cpu"]))
    print(line("One certificate (wall)", one["wall"]))
    print(line(f"Bulk of {BULK} (CPU)", bulk["cpu"]))
    print(line(f"Bulk of {BULK} (wall)", bulk["wall"]))
    print(f"Bulk issue of {BULK}: {t1 - t0:.1f} s in all")
    print(
        f"Emails on issue (a background task, timed apart): {len(ids)} sent in "
        f"{email_s * 1000:.0f} ms"
    )
    print(
        "Memory (RSS, MiB), median in each quarter of the bulk issue: "
        + ", ".join(f"{q:.0f}" for q in quarters)
        + f"  (before {rss_before:.0f}; first to last quarter {growth:+.1f} MiB;"
        f" peak RSS of the process {peak:.0f} MiB)"
    )
    print(
        "Python heap (tracemalloc) after each of three more bulk issues of 20: "
        + ", ".join(f"{h:.0f}" for h in heap)
        + f" KiB (peak {heap_peak:.1f} MiB while rendering)"
    )
    print(f"Plain WeasyPrint alone changed RSS by {floor_growth:+.1f} MiB over {BULK} renders.")
    aim = 1.25
    for label, (mine, floor) in (
        ("one (CPU)", one["cpu"]),
        ("bulk (CPU)", bulk["cpu"]),
        ("bulk (wall)", bulk["wall"]),
    ):
        verdict = "within" if mine / floor <= aim else "OVER"
        print(f"  {label}: ratio {mine / floor:.2f}, {verdict} the aim of {aim}x the floor")
    heap_growth = heap[-1] - heap[0]
    print(
        f"  memory: highest RSS over the bulk of {BULK} {bulk_peak_growth:+.1f} MiB above where "
        f"it started, plain WeasyPrint over {BULK} renders {floor_peak_growth:+.1f} MiB"
    )
    summary.save(
        "certificates",
        {
            "single_ratio": one["wall"][0] / one["wall"][1],
            "single_ms": one["wall"][0] * 1000,
            "single_floor_ms": one["wall"][1] * 1000,
            "single_cpu_ratio": one["cpu"][0] / one["cpu"][1],
            "bulk_ratio": bulk["wall"][0] / bulk["wall"][1],
            "bulk_cpu_ratio": bulk["cpu"][0] / bulk["cpu"][1],
            "bulk_rss_growth": bulk_peak_growth,
            "floor_rss_growth": floor_peak_growth,
        },
    )
    print(
        f"  memory: Python heap {'flat' if heap_growth < 512 else 'GROWING'} "
        f"({heap_growth:+.0f} KiB over 40 certificates); RSS {growth:+.1f} MiB across the bulk "
        f"issue, against {floor_growth:+.1f} MiB for plain WeasyPrint (native font caches)"
    )


if __name__ == "__main__":
    with override_settings(
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": f"{TMP.name}/media"},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        MEDIA_ROOT=f"{TMP.name}/media",
        # Background tasks are queued, not run inline: the emails are timed apart.
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    ):
        main()
    TMP.cleanup()
