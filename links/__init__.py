"""Absolute links to the site, for everything read away from it: emails, calendar feeds,
certificate PDFs and the QR codes on them. The one place that says which address the site is
reached at (ACADEMY_BASE_URL, else WAGTAILADMIN_BASE_URL), so every message links to the same
host whatever request (or background task) made it."""

from django.conf import settings
from django.urls import reverse


def site_base_url():
    """The site's address without a trailing slash, for example "https://academy.example"."""
    base = getattr(settings, "ACADEMY_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/")


def absolute_url(path):
    """The absolute address of a path on this site ("/cohorts/3/" -> "https://.../cohorts/3/")."""
    return site_base_url() + path


def absolute_reverse(viewname, *args, **kwargs):
    """`reverse()` as an absolute address: `absolute_reverse("cohorts:session_detail", 3)`."""
    return absolute_url(reverse(viewname, args=args or None, kwargs=kwargs or None))
