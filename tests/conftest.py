"""Shared fixtures: the real French edition, one real site build per test run (in the run's
own temporary folders, never the user's caches), and a scratch copy of the sources.

Every test gets one of the markers `content`, `site` or `browser` from the fixtures it uses
(`browser`: it drives Chromium; `site`: it reads the built site; `content`: neither, so it runs
in seconds: `make test-fast` runs these); tests that read the PDFs are also marked `pdf`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

from tiptoolkit import caches
from tiptoolkit.catalog import load_edition
from tiptoolkit.checklist import PUBLICATION
from tiptoolkit.edition import ROOT, languages
from tiptoolkit.page_load import CHROMIUM, launch
from tiptoolkit.pdf import Manifest, build_pdfs
from tiptoolkit.site import BUNDLE, BUNDLE_FOLDER, build_site
from tiptoolkit.static_server import serving

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


def copy_sources(target: Path) -> Path:
    """A copy of the content and build configuration in `target`."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture
def sources(tmp_path) -> Path:
    """A scratch copy of the content and build configuration, safe to break."""
    return copy_sources(tmp_path)


SUBPATH = "https://example.org/toolkit/"  # a publication address under a sub-path, as a GitHub Pages project site's


@pytest.fixture(scope="session")
def subpath_sources(shared) -> Path:
    """A copy of the sources published at `SUBPATH`, made once per run (read only)."""
    folder = shared / "subpath-sources"
    with FileLock(shared / "subpath-sources.lock"):
        if not folder.is_dir():
            copy = copy_sources(Path(tempfile.mkdtemp(dir=shared)))
            (copy / PUBLICATION).write_text(f'url: "{SUBPATH}"\n', encoding="utf-8")
            copy.rename(folder)
    return folder


@pytest.fixture(scope="session")
def subpath_site(shared, subpath_sources, pdfs) -> Path:
    """The site built from `subpath_sources`, once per run: the source language's edition, the root
    files and the short permalinks. The other editions' folders are left empty (`build_site`
    builds only the languages in `only` where the others exist): built alike, they would add
    time and show nothing more. Its PDFs are the run's, which print the real address."""
    folder = shared / "subpath" / "site"
    langs = languages(subpath_sources)
    with FileLock(shared / "subpath.lock"):
        if not (folder / "index.html").is_file():
            for lang in langs[1:]:
                (folder / lang).mkdir(parents=True, exist_ok=True)
            build_site(folder, subpath_sources, bundle=False, only=frozenset(langs[:1]), pdfs=pdfs)
    return folder



@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site served over HTTP on 127.0.0.1 (with its 404 page); its base URL, ending in `/`."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install Debian's `chromium` package (`make test` does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def search():
    """Open the site's search and type a query as a reader does; the result links, once shown
    for the whole query."""
    def run(page, words: str):
        if not page.locator("#tk-search").evaluate("dialog => dialog.open"):
            page.locator(".tk-search-open").click()
        field = page.locator(".tk-search-input")
        field.fill("")
        field.press_sequentially(words, delay=20)
        page.wait_for_function("q => document.querySelector('.tk-search-results').dataset.query === q",
                               arg=words.strip())
        return page.locator(".tk-search-results a")
    return run


# A page's script that records every refusal of the page's policy (`window.__violations`).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`));
"""
PAGE_GROUPS = (*(f"{lang}-{half}" for lang in languages() for half in (1, 2)), "root")  # see `pages_in`


def pages_in(group: str, paths: list[str]) -> list[str]:
    """The pages of `paths` in one of PAGE_GROUPS: half an edition's (every other page: `fr-1`,
    `fr-2`) or the root's own (language choice, short permalinks). Tests that visit every page run
    per group, so that test workers share them and none is left alone with a long one at the end."""
    if group == PAGE_GROUPS[-1]:
        return [path for path in paths if path.split("/")[0] not in languages()]
    lang, half = group.rsplit("-", 1)
    return [path for path in paths if path.split("/")[0] == lang][int(half) - 1::2]


PERMALINK_SAMPLE = ("q/iv-d-3-o/index.html", "q/annex-e-1-a-ii/index.html", "q/vii-c-1/index.html", "q/iv/index.html")


@pytest.fixture(scope="session")
def page_paths(site) -> list[str]:
    """Every page of the site, but of the hundreds of short permalink pages (all alike) a sample."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for p in paths if not p.startswith("q/") or p in PERMALINK_SAMPLE]


@pytest.fixture(scope="session")
def served_subpath(subpath_site) -> str:
    """`subpath_site` served over HTTP on 127.0.0.1 under its sub-path, as a GitHub Pages project
    site is (any other address is the host's, not found without the site's page): its address
    there, `http://127.0.0.1:<port>/toolkit/`."""
    with serving(subpath_site, urlsplit(SUBPATH).path) as url:
        yield url


@pytest.fixture(scope="session")
def unpacked(site, tmp_path_factory):
    """The offline bundle, unzipped: its folder (`index.html` and one folder per language)."""
    folder = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(site / BUNDLE) as archive:
        archive.extractall(folder)
    return folder / BUNDLE_FOLDER


@pytest.fixture
def offline_page(browser):
    """A page that may load only `file:` URLs; every other request is recorded and refused, and
    so is every message of the browser about the policy (`page.policy_messages`)."""
    context = browser.new_context()
    requests: list[str] = []
    messages: list[str] = []

    def guard(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    def on_console(message):
        if "Content Security Policy" in message.text:
            messages.append(message.text)

    context.route("**/*", guard)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.on("console", on_console)
    page.outside, page.policy_messages = requests, messages
    yield page
    context.close()
