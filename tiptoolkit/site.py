"""Building and previewing the whole site: every language with MkDocs, plus the root page.

`site/<lang>/` is one MkDocs build per language, with its PDF checklists in `site/<lang>/pdf/`
(built first, see :mod:`tiptoolkit.pdf`); `site/index.html` offers the language choice;
`site/404.html` is the page servers give for unknown addresses; `site/robots.txt` and
`site/sitemap.xml` are for search engines (absolute addresses, under the one in
`content/publication.yml`, which may put the site under a folder of its host: the 404 pages'
addresses, absolute from the host's root, start with its path, and so does the preview's);
`site/q/` holds the short permalinks; `site/toolkit-offline.zip` is
the offline bundle: the same site built to be opened from `file://` (plain `.html` links; its
search loads classic scripts, which `file://` allows, as on the served site). The languages are built
at the same time, one process each. A build goes to a folder of its own next to `site/` and
replaces `site/` only when everything succeeded, so a failed build never leaves a half-built or
stale-mixed site; a live reload's build replaces only the languages it rebuilt, and writes only
the short permalinks that changed. The site's folders and files get the modes any new folder or
file gets (0755 and 0644 under the usual umask), so that a web server running as another user
can read them. A build removes the folders that killed builds left.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from . import build_inputs, caches, csp, processes, schema, xlsform
from .catalog import editions as all_editions
from .checklist import load_publication
from .edition import ROOT, languages
from .errors import os_problem
from .loader import files_state
from .markup import PERMALINKS, permalink_path, plain_text
from .page_cache import PageCache
from .pdf import Manifest, build_pdfs
from .templating import TEMPLATES
from .validate import validate

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer
log = logging.getLogger("tiptoolkit")
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)  # its INFO lines on every build
WATCHED = ("chapters", "content", "hooks", "overrides", "tiptoolkit", "mkdocs.yml")
BUNDLE_FOLDER = "toolkit-offline"   # the folder the zip unpacks to
BUNDLE = f"{BUNDLE_FOLDER}.zip"
SCHEMAS = "schema"  # the mission files' JSON Schemas, at the site root
POLLING = 0.1  # seconds between two looks at the sources for changes (MkDocs's default: 0.5)
LIVE_RELOAD = "/.tiptoolkit-live-reload.js"  # the preview's reload script, as a file: the policy allows no inline one
STAGING = re.compile(r"\.site-(?:(\d+)-[0-9a-f]{8}|[a-z0-9_]{8})(?:-bundle)?")  # a build's folders (see _staging)


def theme_cache() -> jinja2.BytecodeCache:
    """Compiled theme templates, kept between builds (a template is compiled again when its
    source changes)."""
    return jinja2.FileSystemBytecodeCache(str(caches.folder("templates")))


def _mkdocs_build(lang: str, site_dir: Path, root: Path, pdfs: Manifest, *, offline: bool = False,
                  bundle: bool = False, pages: PageCache | None = None) -> None:
    """One edition, with its PDFs; `offline` builds it for `file://`; `bundle` says the site has
    the zip; `pages` keeps converted pages for the next build (live reload)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.theme["language"] = lang
    config.extra["bundle_href"] = f"../{BUNDLE}" if bundle else None
    config.extra["address"] = None if offline else f"{load_publication(root).url}{lang}/"  # canonical addresses
    config.extra["not_found"] = not_found_texts(root, lang)
    config.use_directory_urls = not offline  # from file://, a link must name the page's file
    build_inputs.attach(config, build_inputs.BuildInputs(pdfs=pdfs, pages=pages, offline=offline))
    if pages:
        pages.starting(config)
    try:
        build(config)
    except BaseException:
        if pages:
            pages.failed()
        raise
    if pages:
        pages.succeeded()


def _build_language(lang: str, root: Path, pdfs: Manifest, targets: list[tuple[Path, bool]], bundle: bool,
                    pages: PageCache | None = None) -> None:
    """Every build of one language: (folder, offline) for each target."""
    for site_dir, offline in targets:
        log.info("building the %s edition%s", lang, " for the offline bundle" if offline else "")
        _mkdocs_build(lang, site_dir, root, pdfs, offline=offline, bundle=bundle and not offline,
                      pages=None if offline else pages)


def _parallel() -> BaseContext | None:
    """Processes forked from this one, which inherit its loaded editions (new processes would
    take longer to start than a language takes to build); None on one core or where forking is
    not safe."""
    return processes.forking() if (os.cpu_count() or 1) > 1 else None


def _build_editions(root: Path, pdfs: Manifest, targets: dict[str, list[tuple[Path, bool]]], bundle: bool,
                    pages: PageCache | None) -> None:
    """The MkDocs builds of every language in `targets`, one process per language where possible
    (as FastAPI's docs script builds its languages); in this process if `pages` is to keep its pages."""
    context = _parallel() if len(targets) > 1 and pages is None else None
    if context is None:
        for lang, folders in targets.items():
            _build_language(lang, root, pdfs, folders, bundle, pages)
        return
    with ProcessPoolExecutor(min(len(targets), os.cpu_count() or 1), mp_context=context) as pool:
        jobs = [pool.submit(_build_language, lang, root, pdfs, folders, bundle) for lang, folders in targets.items()]
        for job in jobs:
            job.result()  # the first failure, as raised in its process


def render_root(root: Path, *, offline: bool = False, bundle: bool = False) -> str:
    """The language-choice page at the site root."""
    choices = [{"lang": lang, "strings": edition.strings} for lang, edition in all_editions(root).items()]
    html = TEMPLATES.get_template("root.html").render(choices=choices, index="index.html" if offline else "",
                                                  bundle=BUNDLE if bundle else None,
                                                  address=load_publication(root).url)
    return csp.with_policy(html, root=root, page="index.html", offline=offline)


def not_found_texts(root: Path, lang: str) -> dict[str, str]:
    """What the 404 pages say in `lang` (`content/<lang>/site.yml`, `not_found`), with `home` (the
    edition's word for its home page) and the sentence on short permalinks around its `example`
    (the first sub-item's, as printed: `example_text`)."""
    edition = all_editions(root)[lang]
    texts = edition.strings.not_found.model_dump()
    item = next(item for item in edition.items if item.depth == 1)
    example = f"{load_publication(root).url}{permalink_path(item.id)}"
    before, _, after = texts["permalinks"].partition("{example}")
    return {**texts, "home": edition.strings.labels.home, "permalinks_before": before, "permalinks_after": after,
            "example": example, "example_text": example.removeprefix("https://")}


def _edition_paths(folder: Path) -> list[str]:
    """Each page of the edition built into `folder`, by its path under the edition: `""`, `"iv/"` …"""
    return sorted("" if p.parent == folder else f"{p.parent.relative_to(folder).as_posix()}/"
                  for p in folder.rglob("index.html"))


def _root_files(root: Path, paths: list[str], bundle: bool, forms: dict[str, bytes]) -> dict[str, str | bytes]:
    """The files at the site root: the language choice, the 404 page (every language; its addresses
    absolute from the host's root, as servers give it at any depth), robots.txt and the sitemap
    (every page of every language, `paths` under each edition's folder, with its alternates), the
    JSON Schema of each mission file format, and the XLSForms `forms` (`tiptoolkit.xlsform`)."""
    publication, editions = load_publication(root), all_editions(root)
    address = publication.url
    sections = [{"lang": lang, "strings": edition.strings, "texts": not_found_texts(root, lang)}
                for lang, edition in editions.items()]
    not_found = TEMPLATES.get_template("not-found.html").render(sections=sections, base=publication.base)
    langs = list(editions)
    groups = [{**{lang: f"{address}{lang}/{path}" for lang in langs},  # a page in every language, and `x-default`:
               "x-default": address if path == "" else f"{address}{langs[0]}/{path}"}  # the choice, else the source
              for path in paths]
    home = groups[paths.index("")]  # the language choice's alternates are the home pages'
    urls = [(address, home), *((group[lang], group) for group in groups for lang in langs)]
    return {
        "index.html": render_root(root, bundle=bundle),
        "404.html": csp.with_policy(not_found, root=root, page="404.html"),
        "robots.txt": f"User-agent: *\nAllow: {publication.base}\n\nSitemap: {address}sitemap.xml\n",
        "sitemap.xml": TEMPLATES.get_template("sitemap.xml").render(urls=urls),
        **{f"{SCHEMAS}/{name}": text for name, text in schema.file_schemas().items()},
        **forms,
    }


def _put(target: Path, content: str | bytes) -> None:
    """Write a text (UTF-8) or bytes to `target`, its folder made if missing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def _short_permalinks(root: Path) -> dict[str, str]:
    """`q/<anchor>/index.html` and `q/<ID as printed>/index.html` (the same page) for every item,
    and `q/<slug>/index.html` for every page (`q/iv/`, printed on the checklists): a page that
    sends the reader to the item or page in their language (`q/permalink.js`), with a plain link
    per language; and `q/anchors.json`, every anchor, for the 404 page, which sends a short
    permalink written in another form (`q/iv.d.3.o/`) to its anchor's. By path under the site."""
    editions = list(all_editions(root).values())
    source, address = editions[0], load_publication(root).url
    out = {f"{PERMALINKS}/permalink.js": TEMPLATES.loader.get_source(TEMPLATES, "permalink.js")[0]}
    targets = [(item.anchor, item.id, f"{item.page}/",
                [{"href": f"../../{item.path(e.lang)}", "read": e.strings.labels.read_question.replace("{id}", item.id),
                  "text": plain_text(e.item(item.id).text, e.strings.labels.country)} for e in editions])
               for item in source.items]
    targets += [(page.slug, page.numeral or plain_text(page.content.title, source.strings.labels.country),
                 f"{page.slug}/", [{"href": f"../../{e.lang}/{page.slug}/", "read": e.strings.labels.read_page,
                                    "text": plain_text(e.page(page.slug).content.title, e.strings.labels.country)}
                                   for e in editions])
                for page in source.pages]
    for anchor, name, path, links in targets:
        choices = tuple(tuple({"lang": e.lang, "site_name": e.strings.site_name, **link}.items())
                        for e, link in zip(editions, links))
        out[f"{permalink_path(anchor)}index.html"] = _permalink_page(root, name, f"{address}{source.lang}/{path}",
                                                                     choices)
    for item in source.items:
        out[f"{permalink_path(item.id)}index.html"] = out[f"{permalink_path(item.anchor)}index.html"]
    out[f"{PERMALINKS}/anchors.json"] = json.dumps(sorted(anchor for anchor, *_ in targets), separators=(",", ":"))
    return out


@lru_cache(maxsize=4096)  # a live reload makes again only the pages whose texts changed
def _permalink_page(root: Path, name: str, canonical: str, choices: tuple[tuple[tuple[str, str], ...], ...]) -> str:
    template = TEMPLATES.get_template("permalink.html")
    html = template.render(id=name, canonical=canonical, choices=[dict(choice) for choice in choices])
    return csp.with_policy(html, root=root, page=f"the short permalink page of {name}")


class _Written:
    """What `_write` last wrote or read, in the last folder it wrote to: per file, its text and
    its (mtime, size) then. A file is read again only if it changed since."""

    folder: str | None = None
    files: dict[str, tuple[str, tuple[int, int]]] = {}

    @classmethod
    def unchanged(cls, target: str, text: str) -> bool:
        """Whether the file `target` holds `text`."""
        try:
            status = os.stat(target)
        except FileNotFoundError:
            return False
        known = cls.files.get(target)
        if known and known[1] == (status.st_mtime_ns, status.st_size):
            return known[0] == text
        with open(target, encoding="utf-8") as file:
            if file.read() != text:
                return False
        cls.files[target] = (text, (status.st_mtime_ns, status.st_size))
        return True

    @classmethod
    def wrote(cls, target: str, text: str) -> None:
        status = os.stat(target)
        cls.files[target] = (text, (status.st_mtime_ns, status.st_size))


def _write(site: Path, files: dict[str, str]) -> None:
    """Write `files` (by path under `site`) where their content differs, and remove the other
    files of the folders they are in (live reload: only what the edit changed is written).
    Paths are strings here: there are a thousand of them at every reload."""
    if _Written.folder != str(site):
        _Written.folder, _Written.files = str(site), {}
    for path, text in files.items():
        target = os.path.join(site, path)
        if not _Written.unchanged(target, text):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as file:
                file.write(text)
            _Written.wrote(target, text)
    start = len(str(site)) + 1
    for folder in {path.split("/")[0] for path in files}:
        for here, _, names in os.walk(os.path.join(site, folder)):
            for name in names:
                if f"{here[start:]}/{name}".replace(os.sep, "/") not in files:
                    os.unlink(os.path.join(here, name))


def _zip(folder: Path, target: Path) -> None:
    """The offline bundle: `folder` (every language built for `file://`, and its root page) zipped."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(folder.parent))


def _swap(staging: Path, site: Path, whole: bool) -> None:
    """Put what `staging` holds in place of `site` (`whole`), or of the same entries of `site`
    (the other languages stay as they are): each by renaming, nothing copied."""
    previous = site.with_name(site.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if whole or not site.is_dir():
        if site.exists():
            site.rename(previous)
        staging.rename(site)
    else:
        previous.mkdir()
        for entry in sorted(staging.iterdir()):
            if (site / entry.name).exists():
                (site / entry.name).rename(previous / entry.name)
            entry.rename(site / entry.name)
    shutil.rmtree(previous, ignore_errors=True)


def _staging(parent: Path) -> Path:
    """A new folder for a build's output in `parent`, named after this process (see
    :func:`_remove_stale`), with the modes of any new folder (`mkdtemp` would give 0700: a web
    server running as another user could read nothing of the site)."""
    folder = parent / f".site-{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    return folder


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        pass
    return True


def _remove_stale(parent: Path) -> None:
    """Remove the folders of builds that are no longer running from `parent` (a killed build
    leaves them; a build that ends removes its own, even when it fails). A folder whose name
    gives no process is from an older version of this module, whose builds named none."""
    for path in parent.glob(".site-*"):
        match = STAGING.fullmatch(path.name)
        if match and not (match[1] and _running(int(match[1]))):
            log.info("removing %s, left by a build that was stopped", path)
            shutil.rmtree(path, ignore_errors=True)


def build_site(site: Path | None = None, root: Path = ROOT, bundle: bool = True,
               only: frozenset[str] | None = None, pdfs: Manifest | None = None,
               forms: dict[str, bytes] | None = None, pages: PageCache | None = None) -> Path:
    """Build every language into `site` (default `<root>/site`), atomically; with `bundle`,
    also the offline zip. The PDFs are built (or reused, see :mod:`tiptoolkit.pdf`) unless
    given (live reload keeps those of its first build), and so are the XLSForms. With `only`, just
    those languages are built again (with the root page and the short permalinks); the others stay
    as they are, and so does the offline zip.
    `pages` converts only the pages it does not have yet (live reload)."""
    site = site or root / "site"
    _remove_stale(site.parent)
    staging = _staging(site.parent)  # first: a folder that cannot be written to fails before any work
    offline = staging.with_name(staging.name + "-bundle") / BUNDLE_FOLDER
    try:
        validate(root)  # content errors are reported as such, before MkDocs runs
        if pdfs is None:
            pdfs = build_pdfs(root)
        if forms is None:
            forms = xlsform.workbooks(all_editions(root), root)
        langs = [lang for lang in languages(root) if only is None or lang in only or not (site / lang).is_dir()]
        whole = len(langs) == len(languages(root))
        linked = bundle or (not whole and (site / BUNDLE).is_file())  # a live reload keeps the first build's zip
        targets = {lang: [(staging / lang, False), *([(offline / lang, True)] if bundle else [])] for lang in langs}
        _build_editions(root, pdfs, targets, linked, pages)
        source = languages(root)[0]  # every edition has the same pages: the source's, built now or before
        paths = _edition_paths((staging if source in langs else site) / source)
        for name, content in _root_files(root, paths, linked, forms).items():
            _put(staging / name, content)
        permalinks = _short_permalinks(root)
        if whole:
            _write(staging, permalinks)
        if bundle:
            (offline / "index.html").write_text(render_root(root, offline=True), encoding="utf-8")
            for name, content in forms.items():  # the Checklists pages link them there too
                _put(offline / name, content)
            _zip(offline, staging / BUNDLE)
        _swap(staging, site, whole)
        if not whole:
            _write(site, permalinks)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(offline.parent, ignore_errors=True)
    return site


def _source_states(root: Path) -> dict[str | None, tuple]:
    """The state of the sources: per language, of its own files; under `None`, of everything
    else that is watched (what every language is built from). Python's bytecode caches are not
    sources (importing the hooks writes one)."""
    langs = languages(root)
    own = {lang: (root / "content" / lang, root / "chapters" / lang) for lang in langs}
    folders = [path for name in WATCHED for path in ((root / name).iterdir() if name in ("chapters", "content")
                                                   else [root / name])]
    shared = [path for path in folders if path not in {p for paths in own.values() for p in paths}]
    states = {lang: files_state(*paths) for lang, paths in own.items()}
    states[None] = files_state(*shared)
    return {key: tuple(entry for entry in state if "__pycache__" not in Path(entry[0]).parts)
            for key, state in states.items()}


def preview_server(site: Path, root: Path, host: str, port: int, rebuild: Callable[[], None]) -> LiveReloadServer:
    """A server of the built `site` as it will be published: under the site root's path on its
    host (`/toolkit/` for `https://example.org/toolkit/`; the host's root `/` leads there), with
    the site's 404 page for any unknown address; `rebuild` runs when a watched file changes.
    MkDocs's server, but its reload script, which it writes into each page, is a file the page
    loads (`LIVE_RELOAD`, with the page's build and request in its query), which the pages'
    policy allows; MkDocs 1.6's code for it is private, pinned by requirements.lock."""
    from mkdocs import livereload

    class Preview(livereload.LiveReloadServer):
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            script = f'<script src="{LIVE_RELOAD}?{epoch}-{livereload._timestamp()}"></script>'.encode()
            return content[:end] + script + content[end:]

        def _serve_request(self, environ, start_response):
            if environ["PATH_INFO"] != LIVE_RELOAD:
                return super()._serve_request(environ, start_response)
            epoch, _, request = environ.get("QUERY_STRING", "").partition("-")
            if not (epoch.isdigit() and request.isdigit()):
                return None
            body = livereload._SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request).encode()
            start_response("200 OK", [("Content-Type", "application/javascript"), ("Content-Length", str(len(body)))])
            return [body]

    def error_page(code: int) -> bytes | None:
        page = site / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    server = Preview(builder=rebuild, host=host, port=port, root=str(site),
                     mount_path=load_publication(root).base, polling_interval=POLLING)
    server.error_handler = error_page
    return server


def serve(host: str = "127.0.0.1", port: int = 8000, root: Path = ROOT) -> None:
    """Build the whole site, serve it, and rebuild on every change to the sources (live reload):
    only the languages whose own files changed, unless a file they share did."""
    site = root / "site"
    built = _source_states(root)
    pdfs = build_pdfs(root)  # once: reloads keep these (`make build` makes them anew), and these XLSForms
    forms = xlsform.workbooks(all_editions(root), root)
    pages = PageCache()

    def rebuild() -> None:
        nonlocal built, pages
        now = _source_states(root)
        changed = {lang for lang in languages(root) if now.get(lang) != built.get(lang)}
        if now[None] != built[None]:  # the code or the theme changed: every page may be converted otherwise
            pages, changed = PageCache(), None
            csp.shipped.cache_clear()  # the templates may ship other inline code
        try:
            build_site(site, root, bundle=False, only=None if changed is None else frozenset(changed), pdfs=pdfs,
                       forms=forms, pages=pages)
            built = now
        except Exception as exc:  # keep serving the last good site; the error is shown in the terminal
            shown = f"- {os_problem(exc, site)}" if isinstance(exc, OSError) else exc
            log.error("build failed, still serving the previous site:\n%s", shown)

    build_site(site, root, pdfs=pdfs, forms=forms, pages=pages)  # complete; reloads keep its PDFs, forms, zip
    server = preview_server(site, root, host, port, rebuild)
    for name in WATCHED:
        server.watch(str(root / name))
    publication = load_publication(root)
    log.info("serving the site at %s%s", server.url, "" if publication.base == "/" else
             f" (under {publication.base}, as at {publication.url}; http://{host}:{port}/ leads there)")
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.shutdown()
