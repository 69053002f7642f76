"""Question sets as files a peer team takes away: an accessible, tagged PDF (WeasyPrint, PDF/UA)
and a CSV that spreadsheet programs open safely."""

import csv
import io
import re

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}  # Tagged for accessibility; fonts embedded, subset.
# A spreadsheet program runs a cell that starts like a formula (or a tab or carriage return
# that hides one): such a cell gets a leading apostrophe, so it is shown as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class NoFetching(URLFetcher):
    """The question set's PDF needs no file from anywhere (its fonts are the system's): refuse
    every address, so nothing written into a question or a case study title can make the
    server fetch a URL or read a local file."""

    def fetch(self, url, headers=None):
        raise ValueError(f"Question set PDFs fetch nothing, not {url[:80]!r}.")


def spreadsheet_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(headers, rows) -> bytes:
    """A CSV file, every cell neutralised, UTF-8 with a byte-order mark so spreadsheet programs
    read any script. (The one place this app writes a spreadsheet: swap it for a shared writer.)"""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_cell(h) for h in headers])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def filename(question_set, extension):
    council = re.sub(r"[^\w]+", "-", question_set.council, flags=re.ASCII).strip("-").lower()
    return f"question-set-{council or question_set.pk}-{timezone.localdate():%Y-%m-%d}.{extension}"


def question_set_csv(question_set, lines) -> bytes:
    """One row per line of enquiry: its theme, the question, its prompts and the case studies
    (titles and addresses) that show good answers."""
    rows = []
    for n, line in enumerate(lines, start=1):
        rows.append(
            [
                n,
                line.theme.name,
                line.question,
                "\n".join(prompt.text for prompt in line.prompts.all()),
                "\n".join(
                    f"{example.case_study.title} ({example.case_study.full_url or ''})"
                    for example in line.visible_examples
                ),
            ]
        )
    return csv_bytes(["Number", "Theme", "Question", "Prompts", "Case studies"], rows)


def question_set_pdf(question_set, groups) -> bytes:
    """The question set as an A4 PDF, tagged (PDF/UA-1) for screen readers."""
    html = render_to_string(
        "practice/question_set_pdf.html",
        {"question_set": question_set, "groups": groups, "made_on": timezone.localdate()},
    )
    return HTML(string=html, url_fetcher=NoFetching()).write_pdf(**PDF_OPTIONS)
