"""A real OpenID Connect provider for the tests: panva's node-oidc-provider (npm package
`oidc-provider`, an OpenID Certified implementation) started by scripts/oidc-provider.mjs on
127.0.0.1 with the clients and accounts a test gives it, and a small driver that signs in on
its pages the way a browser would (requests, following its redirects)."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "oidc-provider.mjs"
PACKAGE = ROOT / "node_modules" / "oidc-provider"
PROVIDER_PASSWORD = "provider-password-1"


def missing():
    if not shutil.which("node"):
        return "Node.js is not installed: the SSO tests run a real OpenID Connect provider on it."
    if not PACKAGE.exists():
        return "node_modules/oidc-provider is missing: `make frontend` (npm ci) installs it."
    return None


def require_provider():
    """Skip, saying why, when the provider cannot run; under CI (CI=true) fail instead."""
    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_provider(*, clients, accounts):
    require_provider()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as config:
        json.dump(
            {"host": "127.0.0.1", "port": 0, "clients": clients, "accounts": accounts}, config
        )
    process = subprocess.Popen(
        ["node", str(SCRIPT), config.name],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("The OpenID Connect provider did not start.")
        yield json.loads(line)["issuer"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        os.unlink(config.name)


def account(email, *, verified=True, given="Sam", family="Officer"):
    return {
        "email": email,
        "password": PROVIDER_PASSWORD,
        "given_name": given,
        "family_name": family,
        "email_verified": verified,
    }


def sign_in_at_provider(
    authorize_url, email, password=PROVIDER_PASSWORD, back_to="http://testserver"
):
    """Follow the provider's pages from the authorisation request to the redirect back to the
    academy, signing in on its form. Returns the URL the provider sends the browser back to."""
    import requests

    browser = requests.Session()
    url, method, data = authorize_url, "GET", None
    for _ in range(10):
        response = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
        if response.is_redirect:
            url, method, data = urljoin(url, response.headers["Location"]), "GET", None
            if url.startswith(back_to):
                return url
            continue
        assert response.status_code == 200, response.text[:500]
        assert 'name="password"' in response.text, response.text[:500]
        form_action = response.text.split('action="', 1)[1].split('"', 1)[0]
        url, method = urljoin(url, form_action), "POST"
        data = {"email": email, "password": password}
    raise AssertionError("The provider never sent the browser back.")


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
