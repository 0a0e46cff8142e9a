"""Benchmark of the site build, printed as one table: `python scripts/benchmark.py [--runs N] [--json FILE]`.

Measured in one run: the HTML build of every language against a baseline (a plain
mkdocs-material build of the same Markdown and files, without hooks or macros), the offline
bundle, the PDF checklists (from scratch, and with nothing changed), live reload under `serve`,
the weight of a chapter page and each language's search index; in Chromium, what a chapter page
loads while nobody searches, a search from a cold page, and Lighthouse's scores of a few pages.
Where a target is missed, one profiled build says where the time goes. Only 127.0.0.1 is
contacted, but by npx, which fetches Lighthouse from the npm registry on first use.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import logging
import os
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import yaml
from pydantic import BaseModel

from .catalog import forget_loaded
from .checklist import load_publication
from .edition import ROOT, languages
from .generated import generated
from . import page_load, search_index
from .pdf import Manifest, build_pdfs
from .site import WATCHED, build_site, not_found_texts
from .static_server import free_port, serving

RATIO_TARGET = 0.8  # real HTML build (languages in parallel) / baseline (one after the other)
RELOAD_TARGET = 1.5  # seconds from saving a chapter file to the page showing it
PDF_TARGET = 30.0  # seconds for every PDF from an empty cache
PAGE = ("fr", "iv")  # the chapter page weighed
FIRST_LOAD_TARGET = 350_000  # bytes the chapter page loads, uncompressed, while nobody searches
MISSION_PAGE = "en/mission/"
ELEMENTS_TARGET, TASK_TARGET = 2000, 200  # the mission page at load: elements, longest task (ms)
SEARCHED = {"fr": "periode de reflexion", "en": "reflection period"}  # a cold search, per language, on PAGE's page
LIGHTHOUSE_PAGES = ("", "fr/", "fr/iv/", "en/mission/", "en/recommendations/")
LIGHTHOUSE_TARGET = 100  # accessibility, best practices and SEO; performance is reported
EDITED = ("en", "iv")  # the page edited for live reload: a translation (editing the French makes
                       # its translation stale, which stops the build until the review is recorded)
QUESTION_TEXT = re.compile(r'^(\s*text: ".*)"$', re.M)
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


@dataclass
class Row:
    measure: str
    value: str
    target: str = ""
    result: str = ""


# --- PDF checklists ----------------------------------------------------------------------

def pdf_builds(cache: Path, runs: int, root: Path) -> dict:
    """Every PDF built from scratch into an empty cache (once: it takes a while), then the same
    build with nothing changed (`runs` times), and what was built."""
    started = time.perf_counter()
    manifest = build_pdfs(root, cache=cache)
    cold = time.perf_counter() - started
    unchanged = []
    for _ in range(runs):
        forget_loaded()
        started = time.perf_counter()
        build_pdfs(root, cache=cache)
        unchanged.append(time.perf_counter() - started)
    files = [pdf for pdfs in manifest.values() for pdf in pdfs]
    largest = max(files, key=lambda pdf: pdf.size)
    return {"cold": cold, "unchanged": unchanged, "workers": min(len(files), os.cpu_count() or 1),
            "count": len(files), "pages": sum(pdf.pages for pdf in files), "bytes": sum(pdf.size for pdf in files),
            "fillable_bytes": sum(pdf.fillable_size for pdf in files),
            "largest": {"name": largest.name, "pages": largest.pages, "bytes": largest.size}}


# --- HTML build: real against baseline ---------------------------------------------------

def write_baseline(lang: str, folder: Path, root: Path, pdfs: Manifest) -> Path:
    """A plain mkdocs-material project of one edition: the navigation and files of the real
    build (:func:`tiptoolkit.generated.generated`), the hand-written pages with their macros
    unexpanded and the mission checklist inline (plain MkDocs has no hook to put it in after
    Markdown); the real build's Markdown extensions and link validation. Returns its mkdocs.yml."""
    edition = generated(lang, root, pdfs)
    docs = folder / "docs"
    for path, source in edition.standalone().items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copy(source, target)
        else:
            target.write_text(source, encoding="utf-8")
    real = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": edition.site_name,
        "site_description": edition.site_description,
        "site_dir": str(folder / "site"),
        "nav": edition.nav,
        "theme": {**real["theme"], "custom_dir": str(root / real["theme"]["custom_dir"]), "language": lang},
        "extra": {**{name: value.model_dump() if isinstance(value, BaseModel) else value  # as the real build's
                     for name, value in edition.extra.items()},
                  "address": f"{load_publication(root).url}{lang}/", "not_found": not_found_texts(root, lang)},
        "extra_css": real.get("extra_css", []),
        "markdown_extensions": real["markdown_extensions"],
        "validation": real["validation"],
        "plugins": ["search"],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_baseline(configs: list[Path]) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for config in configs:
        build(load_config(str(config)))


def time_alternating(sides: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Each side `runs` times, in turn; the seconds of every run."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, build in sides.items():
            start = time.perf_counter()
            build()
            times[name].append(time.perf_counter() - start)
    return times


# --- live reload -------------------------------------------------------------------------

def _wait_for(url: str, marker: str, server: subprocess.Popen, log: Path, timeout: float) -> None:
    """Poll `url` every 50 ms until its body contains `marker`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the preview server stopped:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with LOCAL.open(url, timeout=5) as response:
                if marker in response.read().decode("utf-8"):
                    return
        except OSError:  # not serving yet
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {marker!r} within {timeout:.0f} s")


def _logged_after(log: Path, event: str, since: float) -> float:
    """When the server first logged `event` after `since`."""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        stamp, _, message = line.partition(" ")
        if message.endswith(event) and float(stamp) >= since:
            return float(stamp)
    raise RuntimeError(f"the preview server never logged {event!r}")


def live_reload(work: Path, runs: int, root: Path) -> list[dict[str, float]]:
    """Serve a copy of the sources (all that `serve` watches); `runs` times, append a marker word
    to a question of the page and time from the file write to the marker being served, split
    (from the server's log) into noticing the change, rebuilding, and serving the new page."""
    copy = work / "live"
    for name in WATCHED:
        (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, copy / name)
    lang, slug = EDITED
    port = free_port()
    url = f"http://127.0.0.1:{port}/{lang}/{slug}/"
    code = ("import logging; from pathlib import Path; from tiptoolkit.site import serve; "
            "logging.basicConfig(level=logging.INFO, format='%(created)f %(message)s'); "
            f"serve(root=Path({str(copy)!r}), port={port})")
    log = work / "serve.log"
    with log.open("wb") as stderr:
        server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        _wait_for(url, "", server, log, timeout=300)
        source = copy / "chapters" / lang / f"{slug}.yml"
        times = []
        for _ in range(runs):
            marker = f"bench{uuid.uuid4().hex[:8]}"
            edited, found = QUESTION_TEXT.subn(rf'\1 {marker}"', source.read_text(encoding="utf-8"), count=1)
            if not found:
                raise RuntimeError(f"no `text: \"…\"` line to edit in {source.relative_to(copy)}")
            written = time.time()  # the save begins (the server may notice it before it ends)
            source.write_text(edited, encoding="utf-8")
            _wait_for(url, marker, server, log, timeout=120)
            shown = time.time()
            detected, rebuilt = (_logged_after(log, event, written) for event in ("Detected file changes",
                                                                                "Reloading browsers"))
            times.append({"total": shown - written, "notice": detected - written,
                          "rebuild": rebuilt - detected, "serve": shown - rebuilt})
        return times
    finally:
        server.send_signal(signal.SIGINT)  # serve() shuts the server down on KeyboardInterrupt
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- weights -----------------------------------------------------------------------------

class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def _size(data: bytes) -> dict[str, int]:
    return {"bytes": len(data), "gzip": len(gzip.compress(data, compresslevel=6))}


def page_weight(site: Path) -> dict:
    """The chapter page's HTML, and the HTML with every CSS and JS file it loads (each compressed alone)."""
    lang, slug = PAGE
    page = site / lang / slug / "index.html"
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    files = [page, *((page.parent / url.split("?")[0]).resolve() for url in parser.urls)]
    sizes = [_size(path.read_bytes()) for path in files]
    return {"html": sizes[0], "assets": len(files) - 1,
            "total": {key: sum(size[key] for size in sizes) for key in ("bytes", "gzip")}}


def search_indexes(site: Path, langs: list[str]) -> dict[str, dict[str, int]]:
    return {lang: _size((site / lang / search_index.INDEX).read_bytes()) for lang in langs}


def in_browser(site: Path, runs: int) -> dict:
    """The site served locally: what PAGE's page loads, cold searches, Lighthouse's scores."""
    lang, slug = PAGE
    with serving(site) as url:
        return {"first_load": page_load.first_load(f"{url}{lang}/{slug}/"),
                "mission": page_load.busy_page(url + MISSION_PAGE),
                "cold_search": {code: page_load.cold_search(f"{url}{code}/{slug}/", query, runs)
                                for code, query in SEARCHED.items()},
                "lighthouse": {path: page_load.lighthouse(url + path) for path in LIGHTHOUSE_PAGES}}


def _lighthouse_row(path: str, scores: dict[str, int] | str) -> Row:
    measure = f"Lighthouse /{path}: " + ", ".join(page_load.CATEGORIES)
    if isinstance(scores, str):
        return Row(measure, scores, f"{LIGHTHOUSE_TARGET} but performance", "not measured")
    low = [name for name in page_load.CATEGORIES[1:] if scores[name] < LIGHTHOUSE_TARGET]
    return Row(measure, " / ".join(str(scores[name]) for name in page_load.CATEGORIES),
               f"{LIGHTHOUSE_TARGET} but performance", "ok" if not low else f"below: {', '.join(low)}")


# --- profile -----------------------------------------------------------------------------

def _package(file: str) -> str:
    """Who a profiled function belongs to: a project folder, an installed package or a stdlib module."""
    path = Path(file)
    for base in (Path(sysconfig.get_paths()["purelib"]), ROOT, Path(sysconfig.get_paths()["stdlib"])):
        if path.is_relative_to(base):
            return path.relative_to(base).parts[0].removesuffix(".py")
    return "other"


def profile_build(root: Path, site: Path) -> dict:
    """One profiled HTML build: the share of time per package (a C built-in counted with its
    caller) and the project's costliest functions, by cumulative time."""
    profile = cProfile.Profile()
    forget_loaded()
    profile.runcall(build_site, site, root, bundle=False)
    stats = pstats.Stats(profile).stats  # (file, line, function) -> (calls, ncalls, self, cumulative, callers)
    shares: Counter[str] = Counter()
    for (file, _, _), (_, _, own, _, callers) in stats.items():
        if file == "~":
            for (caller, _, _), timing in callers.items():
                shares[_package(caller)] += timing[2]
        else:
            shares[_package(file)] += own
    total = sum(shares.values())
    project = sorted((cumulative, calls, f"{Path(file).relative_to(ROOT)}:{function}",
                      sorted(f"{Path(c_file).name}:{c_line}({c_function})" for c_file, c_line, c_function in callers))
                     for (file, _, function), (_, calls, _, cumulative, callers) in stats.items()
                     if _package(file) in ("tiptoolkit", "hooks"))
    return {
        "packages": {name: round(100 * t / total, 1) for name, t in shares.most_common(6)},
        "project": [{"function": name, "calls": calls, "called_by": callers, "percent": round(100 * cumulative / total, 1)}
                    for cumulative, calls, name, callers in reversed(project[-6:-1])],  # [-1] is build_site itself
    }


def _profile_summary(profile: dict) -> str:
    packages = ", ".join(f"{name} {share:.0f}%" for name, share in list(profile["packages"].items())[:3])
    top = profile["project"][0]
    return (f"profile of one real build: {packages} of the time; {top['function']} ×{top['calls']} "
            f"(from {', '.join(top['called_by'])}) {top['percent']:.0f}%")


# --- the table ---------------------------------------------------------------------------

def _seconds(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s, min {min(times):.2f} s"


def _bytes(size: dict[str, int]) -> str:
    return f"{size['bytes']:,} B (gzip {size['gzip']:,} B)"


def _verdict(value: float, target: float, why: Callable[[], str]) -> str:
    return "ok" if value <= target else f"missed by {100 * (value / target - 1):.0f}% — {why()}"


def run(runs: int = 3, root: Path = ROOT) -> tuple[list[Row], dict]:
    """Every measure; the table's rows and the raw results."""
    langs = languages(root)
    with tempfile.TemporaryDirectory(prefix="tiptoolkit-benchmark-") as tmp:
        work = Path(tmp)
        site = work / "site"
        load = [os.getloadavg()]
        cache = work / "pdf-cache"
        pdf = pdf_builds(cache, runs, root)
        pdfs = build_pdfs(root, cache=cache)
        configs = [write_baseline(lang, work / "baseline" / lang, root, pdfs) for lang in langs]
        build_site(site, root, bundle=False, pdfs=pdfs)  # warm-up: imports and first-use caches, untimed
        times = time_alternating({
            "real": lambda: (forget_loaded(), build_site(site, root, bundle=False, pdfs=pdfs)),
            "bundle": lambda: (forget_loaded(), build_site(site, root, bundle=True, pdfs=pdfs)),
            "baseline": lambda: build_baseline(configs),
        }, runs)
        edits = live_reload(work, runs, root)
        weight, indexes = page_weight(site), search_indexes(site, langs)
        browser = in_browser(site, runs)
        real, baseline = statistics.median(times["real"]), statistics.median(times["baseline"])
        reload = {part: statistics.median(edit[part] for edit in edits) for part in edits[0]}
        ratio = real / baseline
        load.append(os.getloadavg())
        profile = profile_build(root, site) if ratio > RATIO_TARGET or reload["total"] > RELOAD_TARGET else None

    bundle = statistics.median(times["bundle"]) - real
    bundle_min = min(times["bundle"]) - min(times["real"])  # less exposed to a busy machine
    names = ", ".join(langs)
    lang, slug = PAGE
    first_load = sum(browser["first_load"].values())
    rows = [
        Row(f"Machine: {os.cpu_count()} cores, load average (1, 5, 15 min) at start and end",
            " → ".join("/".join(f"{value:.2f}" for value in sample) for sample in load)),
        Row(f"HTML build ({names}): real, build_site(bundle=False)", _seconds(times["real"])),
        Row(f"HTML build ({names}): baseline, plain mkdocs-material", _seconds(times["baseline"])),
        Row("HTML build: ratio real / baseline (medians)", f"{ratio:.2f}", f"≤ {RATIO_TARGET}",
            _verdict(ratio, RATIO_TARGET, lambda: _profile_summary(profile))),
        Row("Offline bundle: build_site(bundle=True) − HTML only",
            f"medians {bundle:.2f} s, mins {bundle_min:.2f} s (whole build with bundle: {_seconds(times['bundle'])})"),
        Row(f"PDF checklists: all {pdf['count']} and their fillable variants from scratch ({pdf['workers']} worker processes)",
            f"{pdf['cold']:.1f} s", f"≤ {PDF_TARGET:g} s",
            _verdict(pdf["cold"], PDF_TARGET, lambda: "see the PDF log lines (`PDF n/N: …`) for the slowest")),
        Row("PDF checklists: nothing changed (fingerprints checked, every PDF reused)", _seconds(pdf["unchanged"])),
        Row("PDF checklists: files", f"{pdf['count']} PDFs, {pdf['pages']} pages, {pdf['bytes'] / 1e6:.1f} MB (fillable variants "
            f"{pdf['fillable_bytes'] / 1e6:.1f} MB); "
            f"largest {pdf['largest']['name']}: {pdf['largest']['pages']} pages, {pdf['largest']['bytes'] / 1e3:.0f} kB"),
        Row(f"Live reload: save chapters/{EDITED[0]}/{EDITED[1]}.yml → /{EDITED[0]}/{EDITED[1]}/ shows it ({runs} edits)",
            _seconds([edit["total"] for edit in edits]), f"≤ {RELOAD_TARGET:g} s",
            _verdict(reload["total"], RELOAD_TARGET, lambda: (
                f"server log, medians: {reload['notice']:.2f} s to notice the change, {reload['rebuild']:.2f} s "
                f"rebuilding the edited language, {reload['serve']:.2f} s to serve it; the rebuild is the real HTML "
                f"build: {_profile_summary(profile)}"))),
        Row(f"Page weight /{lang}/{slug}/: HTML", _bytes(weight["html"])),
        Row(f"Page weight /{lang}/{slug}/: HTML + its {weight['assets']} CSS/JS files", _bytes(weight["total"])),
        Row(f"First load of /{lang}/{slug}/ without searching (Chromium, uncompressed): "
            f"{len(browser['first_load'])} files", f"{first_load:,} B", f"≤ {FIRST_LOAD_TARGET:,} B",
            _verdict(first_load, FIRST_LOAD_TARGET, lambda: "largest: {0} ({1:,} B)".format(
                *max(browser["first_load"].items(), key=lambda file: file[1])))),
        *(Row(f"Search index /{code}/{search_index.INDEX} (loaded on the first search)", _bytes(size))
          for code, size in indexes.items()),
        *(Row(f"Search from a cold /{code}/{slug}/: open, load, index, show “{SEARCHED[code]}”", _seconds(times))
          for code, times in browser["cold_search"].items()),
        Row(f"Mission page /{MISSION_PAGE} at load (Chromium): bytes, elements, longest task",
            f"{browser['mission']['bytes']:,} B, {browser['mission']['elements']:,} elements, "
            f"{browser['mission']['longest_task']} ms", f"≤ {ELEMENTS_TARGET:,} elements, ≤ {TASK_TARGET} ms",
            _verdict(max(browser["mission"]["elements"] / ELEMENTS_TARGET, browser["mission"]["longest_task"] / TASK_TARGET),
                     1, lambda: "parts are rendered as the reader reaches them (web/mission/sheet.js)")),
        *(_lighthouse_row(path, scores) for path, scores in browser["lighthouse"].items()),
    ]
    results = {"languages": langs, "runs": runs, "load_average": load, "seconds": {**times, "live_reload": edits},
               "ratio": ratio, "bundle_seconds": {"median": bundle, "min": bundle_min}, "pdf": pdf, "page_weight": weight,
               "search_index": indexes, "browser": browser, "profile": profile}
    return rows, results


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, columns aligned."""
    cells = [["measure", "value", "target", "result"], *([r.measure, r.value, r.target, r.result] for r in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmark", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds per side, and live-reload edits (default 3)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    rows, results = run(args.runs)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"rows": [asdict(r) for r in rows], **results}, indent=2, ensure_ascii=False),
                             encoding="utf-8")
    return 0
