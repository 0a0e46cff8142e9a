"""Shared fixtures: the real French edition, one real site build per test run (in the run's
own temporary folders, never the user's caches), and a scratch copy of the sources.

Every test gets one of the markers `content`, `site` or `browser` from the fixtures it uses
(`browser`: it drives Chromium; `site`: it reads the built site; `content`: neither, so it runs
in seconds: `make test-fast` runs these); tests that read the PDFs are also marked `pdf`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from tiptoolkit import caches
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import ROOT, languages
from tiptoolkit.pdf import Manifest, build_pdfs
from tiptoolkit.site import build_site

SOURCES = ("chapters", "content", "hooks", "overrides", "mkdocs.yml")
BROWSER_FIXTURES = {"browser", "served"}
SITE_FIXTURES = {"site", "pdfs", "page_paths"}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        item.add_marker("browser" if used & BROWSER_FIXTURES else "site" if used & SITE_FIXTURES else "content")


@pytest.fixture(scope="session")
def shared(tmp_path_factory) -> Path:
    """A folder of this run's that its worker processes share (pytest-xdist: `-n`)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def own_caches(shared):
    """The run's caches (PDFs, theme templates) in a folder of its own, for the tests and the
    commands they start."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(caches.VARIABLE, str(shared / "caches"))
        yield


@pytest.fixture(scope="session")
def edition():
    return load_edition("fr")


@pytest.fixture(scope="session")
def pdfs(shared) -> Manifest:
    """Every PDF, built once per run into the run's own cache (the first worker builds them,
    the others find them there)."""
    with FileLock(shared / "pdfs.lock"):
        return build_pdfs(ROOT, cache=caches.folder("pdf"))


@pytest.fixture(scope="session")
def site(shared, pdfs) -> Path:
    """The whole site, built once per run from the repository's content (by the first worker
    that needs it)."""
    folder = shared / "build" / "site"
    with FileLock(shared / "site.lock"):
        if not folder.is_dir():
            folder.parent.mkdir(exist_ok=True)
            build_site(folder, pdfs=pdfs)
    return folder


@pytest.fixture
def sources(tmp_path) -> Path:
    """A scratch copy of the content and build configuration, safe to break."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves as GitHub Pages and most web servers are configured to: an unknown address gets the
    site's 404 page, with status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != http.HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site served over HTTP on 127.0.0.1; its base URL, ending in `/`."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install Debian's `chromium` package (`make test` does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def search():
    """Type a query into the site's search box as a reader does; the result items."""
    def run(page, words: str):
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially(words, delay=30)
        results = page.locator(".md-search-result__item")
        results.first.wait_for()
        return results
    return run


PAGE_GROUPS = (*languages(), "root")  # each edition's pages, then the root's own (language choice, short permalinks)


def page_group(path: str) -> str:
    """Which of PAGE_GROUPS a page of the site is in (tests that visit every page run per group,
    so that test workers share them)."""
    first = path.split("/")[0]
    return first if first in PAGE_GROUPS[:-1] else PAGE_GROUPS[-1]


PERMALINK_SAMPLE = ("q/iv-d-3-o/index.html", "q/annex-e-1-a-ii/index.html", "q/vii-c-1/index.html", "q/iv/index.html")


@pytest.fixture(scope="session")
def page_paths(site) -> list[str]:
    """Every page of the site, but of the hundreds of short permalink pages (all alike) a sample."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for p in paths if not p.startswith("q/") or p in PERMALINK_SAMPLE]
