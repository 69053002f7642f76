"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

They need /usr/bin/chromium (`make browser-deps` installs it as root with apt) and axe-core
(`make frontend`, from package.json). Without either they skip and say why, except under CI
(`CI=true`), where they fail: a green CI must mean they ran. One browser is started per test
session; each test gets fresh browser contexts (cookies) from it.

`screenshot(page, name)` saves the page as it is into test-results/screenshots/ (git-ignored);
the run ends by saying how many were saved there.
"""

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
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


@cache
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


def _under_ci():
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _browser_requirements():
    """Skip when chromium or axe-core is missing on a developer's machine; fail under CI."""
    reason = _missing()
    if reason and _under_ci():
        pytest.fail(f"{reason} Under CI the browser tests must run, not skip.")
    if reason:
        pytest.skip(reason)


_saved = set()


def screenshot(page, name):
    """Save the whole page, as it is now, as test-results/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=True)
    _saved.add(path)
    return path


def pytest_terminal_summary(terminalreporter):
    if _saved:
        where = SCREENSHOTS.relative_to(ROOT)
        terminalreporter.write_line(f"Screenshots: {len(_saved)} pages saved in {where}/")


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

    def make(*, width=1024, height=800, javascript=True):
        # axe-core is injected by Playwright, so the site's Content Security Policy (no inline
        # scripts) must not block it; the site itself still runs under its policy.
        context = browser.new_context(
            base_url=live_server.url,
            bypass_csp=True,
            viewport={"width": width, "height": height},
            accept_downloads=True,
            java_script_enabled=javascript,
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


def layout_problems(page):
    """What a person on this screen would trip over that axe does not check: a page wider than
    the window (it scrolls sideways), or a link, button or field of the main content that sits
    partly off-screen. A region that scrolls on its own (named and focusable) may be wider."""
    problems = []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append({"id": "horizontal-scroll", "overflow_px": overflow})
    off_screen = page.evaluate(
        """() => [...document.querySelectorAll(
                "main a, main button, main input:not([type=hidden]), main select, main textarea")]
            .filter((el) => !el.closest(".academy-scroll"))
            .filter((el) => {
                const box = el.getBoundingClientRect();
                return box.width > 1 && (box.right > window.innerWidth + 1 || box.left < -1);
            })
            .map((el) => el.outerHTML.slice(0, 160))"""
    )
    if off_screen:
        problems.append({"id": "off-screen", "elements": off_screen[:5]})
    return problems
