"""Building and previewing the whole site: every language with MkDocs, plus the root page.

`site/<lang>/` is one MkDocs build per language, with its PDF checklists in `site/<lang>/pdf/`
(built first, see :mod:`tiptoolkit.pdf`); `site/index.html` offers the language choice;
`site/q/` holds the short permalinks; `site/toolkit-offline.zip` is the offline bundle: the
same site built to be opened from `file://` (plain `.html` links, search index as a script,
the search worker in an iframe). A build goes to a temporary folder and replaces `site/` only
when everything succeeded, so a failed build never leaves a half-built or stale-mixed site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import jinja2

from .catalog import ROOT, files_state, languages
from .catalog import editions as all_editions
from .csp import with_policy
from .pdf import Manifest, build_pdfs
from .render import plain_text
from .templating import TEMPLATES
from .validate import validate

log = logging.getLogger("tiptoolkit")
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)  # its INFO lines on every build
WATCHED = ("chapters", "content", "hooks", "overrides", "tiptoolkit", "mkdocs.yml")
BUNDLE_FOLDER = "toolkit-offline"   # the folder the zip unpacks to
BUNDLE = f"{BUNDLE_FOLDER}.zip"
SHIM = "assets/javascripts/iframe-worker.js"
SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


def theme_cache() -> jinja2.BytecodeCache:
    """Compiled theme templates, kept between builds in the system's temporary folder (a
    template is compiled again when its source changes)."""
    folder = Path(tempfile.gettempdir()) / f"tiptoolkit-templates-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _mkdocs_build(lang: str, site_dir: Path, root: Path, pdfs: Manifest, *, offline: bool = False,
                  bundle: bool = False) -> None:
    """One edition, with its PDFs; `offline` builds it for `file://`; `bundle` says the site has the zip."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.theme["language"] = lang
    config.extra["bundle_href"] = f"../{BUNDLE}" if bundle else None
    config.extra["pdfs"] = pdfs
    if offline:
        config.plugins["material/offline"].config.enabled = True
        config.extra["polyfills"] = [SHIM]  # served from the bundle, not from unpkg.com
    build(config)
    if offline:
        shutil.copyfile(SHIM_SOURCE, site_dir / SHIM)


def render_root(root: Path, *, offline: bool = False, bundle: bool = False) -> str:
    """The language-choice page at the site root."""
    choices = [{"lang": lang, "strings": edition.strings} for lang, edition in all_editions(root).items()]
    html = TEMPLATES.get_template("root.html").render(choices=choices, index="index.html" if offline else "",
                                                  bundle=BUNDLE if bundle else None)
    return with_policy(html, offline=offline)


def _short_permalinks(site: Path, root: Path) -> None:
    """`q/<anchor>/index.html` for every item and `q/<slug>/index.html` for every page (`q/iv/`,
    printed on the checklists): a page that sends the reader to the item or page in their
    language (`q/permalink.js`), with a plain link per language."""
    editions = list(all_editions(root).values())
    template = TEMPLATES.get_template("permalink.html")
    folder = site / "q"
    folder.mkdir()
    (folder / "permalink.js").write_text(TEMPLATES.loader.get_source(TEMPLATES, "permalink.js")[0], encoding="utf-8")
    targets = [(item.anchor, item.id, [{"href": f"../../{item.path(e.lang)}",
                                        "read": e.strings.labels.read_question.replace("{id}", item.id),
                                        "text": plain_text(e.item(item.id).text, e.strings.labels.country)}
                                       for e in editions]) for item in editions[0].items]
    targets += [(page.slug, page.numeral or plain_text(page.content.title, editions[0].strings.labels.country),
                 [{"href": f"../../{e.lang}/{page.slug}/", "read": e.strings.labels.read_page,
                   "text": plain_text(e.page(page.slug).content.title, e.strings.labels.country)} for e in editions])
                for page in editions[0].pages]
    for anchor, name, links in targets:
        choices = [{"lang": e.lang, "site_name": e.strings.site_name, **link} for e, link in zip(editions, links)]
        page = folder / anchor / "index.html"
        page.parent.mkdir()
        page.write_text(with_policy(template.render(id=name, choices=choices)), encoding="utf-8")


def _offline_bundle(target: Path, root: Path, pdfs: Manifest) -> None:
    """Build every language for `file://` and zip it, with its own root page, into `target`."""
    if not SHIM_SOURCE.is_file():
        raise FileNotFoundError(f"{SHIM_SOURCE} is missing: run `make install` (it runs `npm ci`)")
    work = Path(tempfile.mkdtemp(prefix=".site-bundle-", dir=target.parent.parent))
    try:
        folder = work / BUNDLE_FOLDER
        for lang in languages(root):
            log.info("building the %s edition for the offline bundle", lang)
            _mkdocs_build(lang, folder / lang, root, pdfs, offline=True)
        (folder / "index.html").write_text(render_root(root, offline=True), encoding="utf-8")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_site(site: Path | None = None, root: Path = ROOT, bundle: bool = True,
               keep: frozenset[str] = frozenset(), pdfs: Manifest | None = None) -> Path:
    """Build every language into `site` (default `<root>/site`), atomically; with `bundle`,
    also the offline zip. The PDFs are built (or reused, see :mod:`tiptoolkit.pdf`) unless
    given (live reload keeps those of its first build). Languages in `keep` are copied from
    the current `site` instead of being built again (live reload, when none of their sources changed)."""
    site = site or root / "site"
    validate(root)  # content errors are reported as such, before MkDocs runs
    if pdfs is None:
        pdfs = build_pdfs(root)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        for lang in languages(root):
            if lang in keep and (site / lang).is_dir():
                shutil.copytree(site / lang, staging / lang)
                continue
            log.info("building the %s edition", lang)
            _mkdocs_build(lang, staging / lang, root, pdfs, bundle=bundle)
        (staging / "index.html").write_text(render_root(root, bundle=bundle), encoding="utf-8")
        _short_permalinks(staging, root)
        if bundle:
            _offline_bundle(staging / BUNDLE, root, pdfs)
        previous = site.with_name(site.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if site.exists():
            site.rename(previous)
        staging.rename(site)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site


def _source_states(root: Path) -> dict[str | None, tuple]:
    """The state of the sources: per language, of its own files; under `None`, of what every
    language is built from."""
    states: dict[str | None, tuple] = {
        lang: files_state(root / "content" / lang, root / "chapters" / lang) for lang in languages(root)}
    states[None] = files_state(*(root / name for name in WATCHED if name not in ("chapters", "content")))
    return states


def serve(host: str = "127.0.0.1", port: int = 8000, root: Path = ROOT) -> None:
    """Build the whole site, serve it, and rebuild on every change to the sources (live reload)."""
    from mkdocs.livereload import LiveReloadServer

    site = root / "site"
    built = _source_states(root)
    pdfs = build_pdfs(root)  # once: reloads keep these (`make build` makes them anew)

    def rebuild() -> None:
        nonlocal built
        now = _source_states(root)
        unchanged = {lang for lang in languages(root) if now.get(lang) == built.get(lang)}
        try:
            build_site(site, root, bundle=False, keep=frozenset(unchanged if now[None] == built[None] else ()),
                       pdfs=pdfs)
            built = now
        except Exception as exc:  # keep serving the last good site; the error is shown in the terminal
            log.error("build failed, still serving the previous site:\n%s", exc)

    build_site(site, root, pdfs=pdfs)  # the first build is complete; reloads skip the offline bundle
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
