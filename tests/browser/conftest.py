"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

They need /usr/bin/chromium (`make browser-deps` installs it as root with apt) and axe-core
(`make frontend`, from package.json). Without either they skip and say why. One browser is
started per test session; each test gets fresh browser contexts (cookies) from it.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.2 level A and AA, as axe-core tags them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DEMO_PASSWORD = "academy-demo"
SIGN_IN = "/accounts/login/"


def _missing():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (uv sync --group dev)."
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return "chromium is not installed: `make browser-deps` (root with apt) installs it."
    if not AXE.exists():
        return "axe-core is not installed: `make frontend` (needs npm) installs it."
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_for_every_connection(django_db_setup):
    """serialized_rollback restores what the migrations made (root page, role groups) from a
    snapshot kept on the database connection object. Playwright's sync API switches greenlets,
    which can hand Django's per-context connection handler a fresh connection object without
    that snapshot, so the next test would start from an empty database: keep it on the class."""
    from django.db import connections

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is not None:
        type(connection)._test_serialized_contents = contents
    yield
    if contents is not None and "_test_serialized_contents" in type(connection).__dict__:
        del type(connection)._test_serialized_contents


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django
    # refuse database calls from it. The tests' own database calls are ordinary sync code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh context (its own cookies): new_page() for each person."""
    contexts = []

    def make(*, width=1024, height=800):
        # axe-core is injected by Playwright, so the site's Content Security Policy (no inline
        # scripts) must not block it; the site itself still runs under its policy.
        context = browser.new_context(
            base_url=live_server.url,
            bypass_csp=True,
            viewport={"width": width, "height": height},
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, email, password=DEMO_PASSWORD):
    page.goto(SIGN_IN)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    assert SIGN_IN not in page.url, f"{email} could not sign in"


def axe_violations(page):
    """axe-core's WCAG 2.2 AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => await axe.run(document, {runOnly: {type: "tag", values: tags}})""",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"][:5]],
            "html": [n["html"][:200] for n in v["nodes"][:2]],
        }
        for v in result["violations"]
    ]
