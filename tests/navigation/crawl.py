"""Following links as one person would: from a start page, every link (`<a href>`) and every
GET form (submitted as it stands, with its default values) on each page reached, with the Django
test client, breadth first and bounded.

The Wagtail admin is entered only where a page links to it, and only its menu (the sidebar's
items) is followed from its home; from an admin page, only links leading out of the admin count.
Uploaded files and static files are never fetched. Nothing is ever posted: a crawl changes
nothing a person could not change by opening pages.
"""

import json
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.urls import Resolver404, resolve

ADMIN = "/admin/"
NOT_FETCHED = ("/static/", "/media/", "/documents/")
SIDEBAR_PROPS = "wagtail-sidebar-props"
INPUTS_SENT = {"text", "search", "hidden", "number", "email", "date", "tel", "url", ""}


class _PageLinks(HTMLParser):
    """The links, GET forms (as URLs) and Wagtail admin menu addresses on one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.menu = []
        self._form = None
        self._select = None
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            self._form = {"action": attrs.get("action") or "", "fields": []}
            if method == "get":
                self.forms.append(self._form)
        elif self._form is not None and tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "").lower()
            if kind in INPUTS_SENT or (kind in ("checkbox", "radio") and "checked" in attrs):
                self._form["fields"].append((attrs["name"], attrs.get("value") or ""))
        elif self._form is not None and tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "first": None, "selected": None}
        elif self._select is not None and tag == "option":
            value = attrs.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["selected"] = value
        elif self._form is not None and tag == "textarea" and attrs.get("name"):
            self._form["fields"].append((attrs["name"], ""))
        elif tag == "script" and attrs.get("id") == SIDEBAR_PROPS:
            self._script = []

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["selected"]
            if chosen is None:
                chosen = self._select["first"] or ""
            self._form["fields"].append((self._select["name"], chosen))
            self._select = None
        elif tag == "script" and self._script is not None:
            self.menu.extend(_menu_urls(json.loads("".join(self._script) or "{}")))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def _menu_urls(props):
    """Every "url" in the admin sidebar's menu description."""
    if isinstance(props, dict):
        for key, value in props.items():
            if key == "url" and isinstance(value, str):
                yield value
            else:
                yield from _menu_urls(value)
    elif isinstance(props, list):
        for item in props:
            yield from _menu_urls(item)


def _local(base, href):
    """The path and query of `href` on this site (fragment dropped, query sorted), or None."""
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("http", "https", "") or url.netloc not in ("", "testserver"):
        return None
    if url.path.startswith(NOT_FETCHED):
        return None
    query = urlencode(sorted(parse_qsl(url.query, keep_blank_values=True)))
    return url.path + (f"?{query}" if query else "")


def url_name(url):
    """The URL's name ("namespace:name"), or "" for a path nothing serves."""
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return ""


@dataclass
class Crawl:
    """What one person reached by following links from their start page."""

    start: str
    fetched: dict = field(default_factory=dict)  # url -> status
    linked_from: dict = field(default_factory=dict)  # url -> the page linking to it
    by_form: set = field(default_factory=set)  # urls only a GET form led to
    reached: dict = field(default_factory=dict)  # url name -> first url that answered 200

    def refusals(self):
        """Links that answered with a refusal or an error: (url, status, page linking to it).
        A GET form answering 400 is a form with its errors shown, not a refusal; Wagtail's
        404 for a page the test world has not made (the accessibility statement) is not one
        either."""
        found = []
        for url, status in self.fetched.items():
            if status in (200, 301, 302):
                continue
            if status == 400 and url in self.by_form:
                continue
            if status == 404 and url_name(url) == "wagtail_serve":
                continue
            found.append((url, status, self.linked_from.get(url)))
        return found


def crawl(client, start, *, max_pages=500, per_name=12):
    """Breadth first from `start`, as whoever `client` is signed in as. Each URL name is
    fetched at most `per_name` times (a list's pages, one cohort and the next), and no more
    than `max_pages` pages in all."""
    result = Crawl(start=start)
    queue = deque([start])
    queued = {start}
    per = Counter()

    def add(url, source, *, form=False):
        if url is None or url in queued:
            return
        queued.add(url)
        result.linked_from[url] = source
        if form:
            result.by_form.add(url)
        queue.append(url)

    while queue and len(result.fetched) < max_pages:
        url = queue.popleft()
        name = url_name(url)
        if per[name] >= per_name:
            continue
        per[name] += 1
        response = client.get(url)
        result.fetched[url] = response.status_code
        if response.status_code in (301, 302):
            add(_local(url, response["Location"]), url)
            continue
        if response.status_code != 200:
            continue
        result.reached.setdefault(name, url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = _PageLinks()
        page.feed(response.content.decode("utf-8", errors="replace"))
        in_admin = url.startswith(ADMIN)
        for href in page.links:
            target = _local(url, href)
            # From inside the admin, only links leading out of it (and its menu, below).
            if target and not (in_admin and target.startswith(ADMIN)):
                add(target, url)
        if in_admin and urlsplit(url).path == ADMIN:
            for href in page.menu:
                add(_local(url, href), url)
        for form in page.forms:
            action = _local(url, form["action"] or url)
            if action is None or (in_admin and action.startswith(ADMIN)):
                continue
            base, _, _ = action.partition("?")
            query = urlencode(sorted(form["fields"]))
            add(base + (f"?{query}" if query else ""), url, form=True)
    return result
