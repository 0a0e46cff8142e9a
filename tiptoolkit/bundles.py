"""The mission workspace's scripts: the ES modules of `web/mission/` and the npm libraries they
import, bundled by esbuild (npm) into classic scripts for the site's assets. Classic, because
the offline bundle runs from `file://`, where module scripts do not load. The page loads the
workspace (`mission.js`); the Word and Excel hand-overs (with `docx` and `write-excel-file`) and the
import's readers of filled PDFs and XLSX exports (with `pdf-lib` and `read-excel-file`) are bundles
of their own, which the workspace loads when they are first asked for.

A bundle is made once for given sources and packages (`web/`, `package-lock.json`), in the
build cache, and reused by every build and language until they change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

from . import caches
from .edition import ROOT

WEB = "web"
ASSETS = "assets/javascripts"
# The site's path of each bundle: its entry module under web/, and the global it defines (None:
# the bundle only runs).
BUNDLES = {
    f"{ASSETS}/mission.js": ("mission/main.js", None),
    f"{ASSETS}/mission-word.js": ("mission/word.js", "tkMissionWord"),
    f"{ASSETS}/mission-excel.js": ("mission/excel.js", "tkMissionExcel"),
    f"{ASSETS}/mission-import-pdf.js": ("mission/import-pdf.js", "tkMissionImportPdf"),  # import-file.js READERS
    f"{ASSETS}/mission-import-xlsx.js": ("mission/import-xlsx.js", "tkMissionImportXlsx"),
}
TARGET = "es2020"  # browsers of the last few years: Chromium, Firefox, Safari on tablets


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256(TARGET.encode())
    for path in sorted((root / WEB).rglob("*.js")) + [root / "package-lock.json"]:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _esbuild(root: Path) -> Path:
    path = root / "node_modules" / ".bin" / "esbuild"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make install` (it runs `npm ci`)")
    return path


def bundles(root: Path = ROOT) -> dict[str, Path]:
    """Each bundle's path on the site -> its file, made if the cache does not hold it yet. `root` is
    the project whose code and packages they are (the checkout), whatever content a build reads."""
    folder = caches.folder("bundles") / _fingerprint(root)
    made = {site_path: folder / Path(site_path).name for site_path in BUNDLES}
    if all(path.exists() for path in made.values()):
        return made
    folder.mkdir(parents=True, exist_ok=True)
    for site_path, (entry, global_name) in BUNDLES.items():
        _bundle(root, entry, global_name, made[site_path])
    return made


def _bundle(root: Path, entry: str, global_name: str | None, out: Path) -> None:
    """esbuild's bundle of `entry`, written whole or not at all (builds of both languages may make it
    at once)."""
    with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
        target = Path(scratch) / out.name
        command = [str(_esbuild(root)), f"{WEB}/{entry}", "--bundle", "--format=iife", "--platform=browser",
                   f"--target={TARGET}", "--minify", "--legal-comments=eof", "--charset=utf8", f"--outfile={target}",
                   *([f"--global-name={global_name}"] if global_name else [])]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"esbuild could not bundle {WEB}/{entry}:\n{result.stderr.strip()}")
        os.replace(target, out)
