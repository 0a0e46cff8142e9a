"""What a reader's browser loads and waits for, measured on a built site served on 127.0.0.1
(:mod:`tiptoolkit.static_server`) in Debian's Chromium, driven by Playwright (the tests' own
browser): the bytes a page loads while nobody searches, a search from a cold page, and
Lighthouse's scores (its npm package, run by npx). For `make benchmark`."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]  # no request to Google's hosts
LIGHTHOUSE = "lighthouse@12.8.2"  # the newest release that runs on Node.js 18 and 20
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Opens the search as a reader does, types `query` at once, and resolves with the milliseconds
# until its results are shown: the library, the index and the engine loaded, the units indexed.
_SEARCH = """query => new Promise(resolve => {
  const start = performance.now(), list = document.querySelector('.tk-search-results');
  new MutationObserver(() => list.dataset.query === query && resolve(performance.now() - start))
    .observe(list, {attributes: true});
  document.querySelector('.tk-search-open').click();
  const field = document.querySelector('.tk-search-input');
  field.value = query;
  field.dispatchEvent(new Event('input'));
})"""


def launch(playwright):
    """Debian's Chromium (no browser download)."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's `chromium` package")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def _fresh_page(url: str, then: Callable) -> tuple[dict[str, int], object]:
    """A fresh page at `url`, loaded until the network is idle: the bytes of every response it
    received, by URL, and what `then(page)` gives."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        sizes = {response.url: len(response.body()) for response in responses}
        found = then(page)
        browser.close()
    return sizes, found


def first_load(url: str) -> dict[str, int]:
    """The bytes of every response a fresh page at `url` receives until the network is idle, by URL."""
    return _fresh_page(url, lambda page: None)[0]


LONG_TASKS = """() => new Promise(resolve => { const seen = [];
  new PerformanceObserver(list => seen.push(...list.getEntries().map(task => task.duration)))
    .observe({type: 'longtask', buffered: true});
  setTimeout(() => resolve(seen), 300); })"""  # the main thread's tasks over 50 ms since the page began


def busy_page(url: str) -> dict:
    """A fresh page at `url` once loaded: its bytes (every response until the network is idle), its
    elements and its main thread's longest task (ms; 0 if none took over 50 ms)."""
    sizes, found = _fresh_page(url, lambda page: {
        "elements": page.evaluate("document.getElementsByTagName('*').length"),
        "longest_task": round(max(page.evaluate(LONG_TASKS), default=0))})
    return {"bytes": sum(sizes.values()), **found}


def cold_search(url: str, query: str, runs: int) -> list[float]:
    """Seconds from opening the search on a freshly loaded page at `url` to the results of
    `query`, each time in a new browser context (nothing cached)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            times.append(page.evaluate(_SEARCH, query) / 1000)
            context.close()
        browser.close()
    return times


def lighthouse(url: str) -> dict[str, int] | str:
    """Lighthouse's score (0-100) of each category for `url`, or why it could not run."""
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        try:
            subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
                            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                           env=env, check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as exc:
            output = getattr(exc, "stderr", b"") or b""
            return f"not measured: {exc} {output.decode(errors='replace')[-300:]}".strip()
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
