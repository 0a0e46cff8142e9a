"""Building and previewing the whole site: every language with MkDocs, plus the root page.

`site/<lang>/` is one MkDocs build per language; `site/index.html` offers the language
choice. A build goes to a temporary folder and replaces `site/` only when every language
succeeded, so a failed build never leaves a half-built or stale-mixed site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import jinja2

from .catalog import ROOT, languages, load_edition
from .render import Renderer

log = logging.getLogger("tiptoolkit")
WATCHED = ("chapters", "content", "hooks", "overrides", "tiptoolkit", "mkdocs.yml")


def _mkdocs_build(lang: str, site_dir: Path, root: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.theme["language"] = lang
    build(config)


def render_root(root: Path) -> str:
    """The language-choice page at the site root."""
    editions = [load_edition(lang, root).strings for lang in languages(root)]
    env = jinja2.Environment(loader=jinja2.PackageLoader("tiptoolkit"), autoescape=True)
    choices = [{"lang": lang, "strings": strings} for lang, strings in zip(languages(root), editions)]
    return env.get_template("root.html").render(choices=choices)


def build_site(site: Path | None = None, root: Path = ROOT) -> Path:
    """Build every language into `site` (default `<root>/site`), atomically."""
    site = site or root / "site"
    for lang in languages(root):  # content errors are reported as such, before MkDocs runs
        Renderer(load_edition(lang, root)).pages()
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        for lang in languages(root):
            log.info("building the %s edition", lang)
            _mkdocs_build(lang, staging / lang, root)
        (staging / "index.html").write_text(render_root(root), encoding="utf-8")
        previous = site.with_name(site.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if site.exists():
            site.rename(previous)
        staging.rename(site)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site


def serve(host: str = "127.0.0.1", port: int = 8000, root: Path = ROOT) -> None:
    """Build the whole site, serve it, and rebuild on every change to the sources (live reload)."""
    from mkdocs.livereload import LiveReloadServer

    site = root / "site"

    def rebuild() -> None:
        try:
            build_site(site, root)
        except Exception as exc:  # keep serving the last good site; the error is shown in the terminal
            log.error("build failed, still serving the previous site:\n%s", exc)

    build_site(site, root)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site), mount_path="/")
    for name in WATCHED:
        server.watch(str(root / name))
    log.info("serving the site at http://%s:%d/", host, port)
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.shutdown()
