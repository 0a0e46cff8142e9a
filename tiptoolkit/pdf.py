"""The PDFs, made with WeasyPrint from the checklist markup (:mod:`tiptoolkit.checklist`): per
language, a checklist per chapter II–XI, the annex interview form, and the full mission pack
(title page, contents page, every chapter and the annex form; PDF bookmarks for chapters
and parts). They are tagged PDFs (PDF/UA-1) with their fonts embedded. Each has a fillable
variant, the same pages with form fields: per item a radio group `IV.D.3.o.response` (the
response scale's codes, `yes`…, or an annex scale's option numbers, `1`…, as its export values)
and a multi-line text field `IV.D.3.o.notes`; the cover's `mission.country`, `mission.dates`,
`mission.institution`, `mission.interlocutors`, `mission.assessor`. It is not PDF/UA: WeasyPrint's
form widgets do not pass it yet (its issue #2726). Both come from one layout, written twice:
first without the widgets (the tagged PDF), then with them.

A PDF is rebuilt only when its fingerprint changes (its HTML with the styles inline, the font
files, the WeasyPrint version, this module): built PDFs are kept in a cache folder
(:mod:`tiptoolkit.caches`), named by fingerprint. The PDFs load nothing but their font files.

They are made in worker processes, each keeping one WeasyPrint font configuration for all the
PDFs it makes: it decodes the WOFF2 font files once, not once per PDF (2 s of CPU a PDF, half
the build), and the PDFs are the same, byte for byte. The mission pack is typeset whole, not
assembled from the chapter PDFs: its pages differ from theirs (“page X of Y”, heading levels
in the tags, and no body margin above a chapter's first page, so a chapter may break
differently: the English 2019 paper's checklist takes 6 pages alone, 5 in the pack).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import multiprocessing
import os
import re
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import caches, processes
from .catalog import editions as all_editions
from .checklist import STYLESHEET, Printer, Section, load_publication
from .edition import ROOT, Edition
from .errors import ContentError, Problem
from .markup import quoted
from .loader import line_of
from .fonts import PACKAGES, check_installed, files as font_files, font_faces, missing_glyphs
from .templating import TEMPLATES

log = logging.getLogger("tiptoolkit")
KEEP_DAYS = 30  # cached PDFs not used for this long are removed
PAGE_CSS = """
@page {{
  size: A4;
  margin: 17mm 15mm 19mm;
  font-family: "Noto Sans", sans-serif;
  font-size: 7pt;
  color: #333;
  @top-left {{ content: string(tk-section); }}
  @bottom-left {{ content: {edition}; }}
  @bottom-center {{ content: {page_of}; }}
  @bottom-right {{ content: {online} string(tk-link); }}
}}
.tk-cl-section {{ break-before: page; string-set: tk-link attr(data-link); }}
.tk-cl-front {{ string-set: tk-link attr(data-link); }}
.tk-cl-title {{ string-set: tk-section attr(data-bookmark); }}
h1, h2, h3, h4 {{ bookmark-level: none; }}
.tk-cl-section .tk-cl-title, .tk-cl-contents h2 {{ bookmark-level: 1; bookmark-label: attr(data-bookmark); }}
.tk-cl-part-title {{ bookmark-level: 2; bookmark-label: attr(data-bookmark); }}
.tk-cl-front .tk-cl-title {{ margin-top: 40mm; font-size: 20pt; }}
.tk-cl-contents {{ break-before: page; }}
.tk-cl-contents h2 {{ font-size: 14pt; margin: 0 0 8pt; }}
.tk-cl-contents ol {{ list-style: none; margin: 0; padding: 0; }}
.tk-cl-contents > ol > li {{ margin-top: 7pt; font-weight: 700; }}
.tk-cl-contents li li {{ margin: 2pt 0 0 6mm; font-weight: 400; }}
.tk-cl-contents a {{ color: inherit; text-decoration: none; }}
.tk-cl-contents a::after {{ content: leader(".") target-counter(attr(href url), page); }}
"""


@dataclass(frozen=True)
class Printed:
    """What a PDF is."""

    name: str  # file name: `checklist-iv-fr.pdf`
    lang: str
    slug: str | None  # the page it prints (`iv`, `annex`); None for the mission pack
    heading: str  # `IV. Identification …`, `Dossier de mission complet`
    kind: str | None  # `Liste de contrôle`, `Formulaire d’entretien`; None for the mission pack

    @property
    def title(self) -> str:
        return f"{self.heading} — {self.kind}" if self.kind else self.heading

    def described(self) -> dict:
        """Its fields as `Printed`, to make a `Document` or a `Pdf` of the same thing."""
        return {f.name: getattr(self, f.name) for f in fields(Printed)}


@dataclass(frozen=True)
class Document(Printed):
    """A PDF to build, from this HTML."""

    html: str


@dataclass(frozen=True)
class Pdf(Printed):
    """A built PDF, in the cache."""

    path: Path  # the tagged PDF (PDF/UA-1)
    fillable: Path  # the same pages with form fields
    pages: int

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def fillable_name(self) -> str:
        return file_name(self.lang, self.slug, fillable=True)

    @property
    def fillable_size(self) -> int:
        return self.fillable.stat().st_size


Manifest = dict[str, list[Pdf]]  # language -> its PDFs, chapters in order, then the annex form and the mission pack


def document_stem(slug: str | None) -> str:
    """How a printable document's files are named, whatever their format: `checklist-iv`,
    `interview-form` (the annex), `mission-pack` (None)."""
    if slug is None:
        return "mission-pack"
    return "interview-form" if slug == "annex" else f"checklist-{slug}"


def file_name(lang: str, slug: str | None, *, fillable: bool = False) -> str:
    """`checklist-iv-fr.pdf`; its fillable variant `checklist-iv-fillable-fr.pdf`."""
    return f"{document_stem(slug)}{'-fillable' if fillable else ''}-{lang}.pdf"


def _page_css(edition: Edition) -> str:
    """The page rules: running header with the section, footer with the edition, “page X of Y”
    and the short permalink."""
    strings = edition.strings.checklist
    literal = re.split(r"(\{page\}|\{pages\})", strings.page_of)
    page_of = " ".join({"{page}": "counter(page)", "{pages}": "counter(pages)"}.get(part) or quoted(part)
                       for part in literal if part)
    return PAGE_CSS.format(edition=quoted(strings.edition), page_of=page_of,
                           online=quoted(f"{strings.online}: "))


def _html(edition: Edition, printer: Printer, sections: list[Section], title: str, pack: bool, root: Path) -> str:
    css = "\n".join([font_faces(lambda path: path.relative_to(PACKAGES).as_posix()),
                     (root / STYLESHEET).read_text(encoding="utf-8"), _page_css(edition)])
    return TEMPLATES.get_template("checklist-pdf.html").render(
        lang=edition.lang, t=edition.strings, title=title, sections=sections, pack=pack, css=css,
        root_link=printer.url)


def documents(edition: Edition, root: Path = ROOT) -> list[Document]:
    """Every PDF of one edition."""
    printer = Printer(edition, load_publication(root))
    sections = printer.sections()
    strings = edition.strings
    out = []
    for section in sections:
        name = file_name(edition.lang, section.slug)
        what = Printed(name, edition.lang, section.slug, section.bookmark, section.kind)
        source = _html(edition, printer, [section], f"{what.title} — {strings.site_name}", pack=False, root=root)
        out.append(Document(**what.described(), html=source))
    what = Printed(file_name(edition.lang, None), edition.lang, None, strings.checklist.mission_pack, None)
    source = _html(edition, printer, sections, f"{what.title} — {strings.site_name}", pack=True, root=root)
    out.append(Document(**what.described(), html=source))
    return out


_TAG = re.compile(r"<style>.*?</style>|<[^>]+>", re.S)


def _where(edition: Edition, char: str, root: Path) -> tuple[Path, str, int | None]:
    """The file, item and line where a character is written: an item's text, else the first
    content file of the edition that has it."""
    for item in edition.items:
        for name, text in item.texts().items():
            if char in text:
                page = edition.page(item.page)
                return page.file, item.id, line_of(page.node, (*item.loc, name), char)
    for path in [*(page.file for page in edition.pages), root / "content" / edition.lang / "site.yml"]:
        text = path.read_text(encoding="utf-8")
        if char in text:
            return path, "(text)", text[:text.index(char)].count("\n") + 1
    return root / "content" / edition.lang / "site.yml", "(text)", None


def glyph_problems(edition: Edition, document: Document, root: Path = ROOT) -> list[Problem]:
    """A character the fonts do not have would print as an empty box: say where it is."""
    problems = []
    for char in missing_glyphs(html.unescape(_TAG.sub(" ", document.html))):
        path, item, line = _where(edition, char, root)
        problems.append(Problem(path, item, f"the character “{char}” (U+{ord(char):04X}) has no glyph in the "
                                "checklist fonts: the PDFs would print it as an empty box",
                                "write the character the source prints, or add a font that has it to "
                                "tiptoolkit/fonts.py (FACES)", line=line))
    return problems


def _local_fonts_only():
    """WeasyPrint's URL fetcher, limited to the font files: a PDF loads nothing else
    (made on call: WeasyPrint is imported only where PDFs are made)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class LocalFontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(PACKAGES.resolve()):
                raise FatalURLFetchingError(
                    f"a checklist PDF may load only its font files, and it asked for {url}: remove that address "
                    "from overrides/assets/stylesheets/checklist.css or tiptoolkit/templates/checklist*.html")
            return super().fetch(url, headers)

    return LocalFontsOnly()


_font_config = None  # a worker's WeasyPrint font configuration (`_start_worker`); None elsewhere


def _start_worker(scratch: str) -> None:
    """Set up a worker process: one font configuration for every PDF it makes (they all declare
    the same `@font-face` rules), its decoded font files in `scratch`, which the build removes."""
    from weasyprint.text.fonts import FontConfiguration

    global _font_config
    tempfile.tempdir = scratch  # where WeasyPrint writes the fonts: the worker ends without cleaning up
    _font_config = FontConfiguration()


def _radio_buttons_are_widgets(_document, pdf) -> None:
    """WeasyPrint gives each button of a radio group the group's name (`/T`) and lists it among the
    form's fields, which makes it a field of its own, `IV.C.1.response.IV.C.1.response`, for PDF
    readers (pypdf, pdf-lib, Acrobat): a button is only a widget of its group's field, so it loses
    the name and leaves the list."""
    buttons = set()
    for thing in pdf.objects:
        if isinstance(thing, dict) and "Parent" in thing and thing.get("FT") == "/Btn":
            for key in ("T", "TU", "FT"):
                thing.pop(key, None)
            buttons.add(thing.reference)
    form = pdf.catalog["AcroForm"]
    form["Fields"] = type(form["Fields"])(field for field in form["Fields"] if field not in buttons)


def _render(source: str, target: str, fillable: str) -> int:
    """Make one PDF and its fillable variant, with the worker's font configuration (outside a
    worker, a new one); return their page count."""
    from weasyprint import HTML

    document = HTML(string=source, base_url=PACKAGES.as_uri() + "/", url_fetcher=_local_fonts_only()).render(
        font_config=_font_config, pdf_forms=True)
    widgets = [page.forms for page in document.pages]
    for page in document.pages:
        page.forms = {None: []}  # the tagged PDF: the fields' boxes and lines, no widgets
    document.write_pdf(f"{target}.part", pdf_variant="pdf/ua-1", pdf_tags=True)
    for page, forms in zip(document.pages, widgets):
        page.forms = forms
    document.write_pdf(f"{fillable}.part", pdf_tags=True, finisher=_radio_buttons_are_widgets)
    os.replace(f"{fillable}.part", fillable)
    os.replace(f"{target}.part", target)  # last: a tagged PDF in the cache has its fillable variant
    return len(document.pages)


def _fingerprint(document: Document, fonts: str, engine: str) -> str:
    return hashlib.sha256("\0".join([engine, fonts, document.html]).encode("utf-8")).hexdigest()


def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in font_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _fillable(target: Path) -> Path:
    """Where the fillable variant of the cached PDF `target` is."""
    return target.with_suffix(".fillable.pdf")


def _prune(cache: Path, used: set[Path]) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for path in cache.glob("*"):
        if path not in used and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Plan:
    """Every PDF of every language, and the file of each in the cache (named by its fingerprint)."""

    documents: list[tuple[Edition, Document]]
    targets: dict[str, Path]  # a document's name -> its tagged PDF in the cache

    @property
    def todo(self) -> list[Document]:
        """The documents whose PDFs the cache does not hold yet."""
        return [document for _, document in self.documents
                if not all(path.is_file() for path in _files(self.targets[document.name]))]


def _files(target: Path) -> tuple[Path, Path, Path]:
    """A cached PDF's files: the tagged PDF, its fillable variant, its page count."""
    return target, _fillable(target), target.with_suffix(".json")


def plan(root: Path = ROOT, cache: Path | None = None) -> Plan:
    """What `build_pdfs` has to make. ContentError for a character the fonts lack. `cache`
    defaults to the `pdf` cache folder (:mod:`tiptoolkit.caches`)."""
    import weasyprint

    editions = list(all_editions(root).values())
    planned = [(edition, document) for edition in editions for document in documents(edition, root)]
    problems = [p for edition, document in planned for p in glyph_problems(edition, document, root)]
    if problems:
        raise ContentError(list(dict.fromkeys(problems)))  # a text is in a chapter's PDF and in the pack
    cache = cache or caches.folder("pdf")
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # how this module writes them
    fonts, engine = _fonts_digest(), f"weasyprint {weasyprint.__version__} {code}"
    return Plan(planned, {document.name: cache / f"{_fingerprint(document, fonts, engine)}.pdf"
                          for _, document in planned})


def build_pdfs(root: Path = ROOT, cache: Path | None = None) -> Manifest:
    """Build (or reuse) every PDF of every language; report progress; return them by language.
    `cache` defaults to the `pdf` cache folder (:mod:`tiptoolkit.caches`)."""
    check_installed()
    cache = cache or caches.folder("pdf")
    cache.mkdir(parents=True, exist_ok=True)
    wanted = plan(root, cache)
    targets, todo = wanted.targets, wanted.todo
    log.info("PDF checklists: %d to build, %d unchanged (reused)", len(todo), len(targets) - len(todo))
    if todo:
        todo.sort(key=lambda d: -len(d.html))  # the longest first: the mission packs
        started = time.perf_counter()
        workers = min(len(todo), os.cpu_count() or 1)
        with tempfile.TemporaryDirectory(prefix="tiptoolkit-fonts-") as scratch, ProcessPoolExecutor(
                workers, mp_context=processes.forking() or multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(scratch,)) as pool:
            jobs = {pool.submit(_render, document.html, str(targets[document.name]),
                                str(_fillable(targets[document.name]))): document for document in todo}
            for done, job in enumerate(as_completed(jobs), start=1):
                document = jobs[job]
                pages = job.result()
                targets[document.name].with_suffix(".json").write_text(json.dumps({"pages": pages}))
                log.info("PDF %d/%d: %s, %d pages (%.0f s)", done, len(todo), document.name, pages,
                         time.perf_counter() - started)
    manifest: Manifest = {}
    for edition, document in wanted.documents:
        target = targets[document.name]
        target.touch()  # recently used: kept by the pruning
        pages = json.loads(target.with_suffix(".json").read_text())["pages"]
        manifest.setdefault(edition.lang, []).append(
            Pdf(**document.described(), path=target, fillable=_fillable(target), pages=pages))
    _prune(cache, {path for target in targets.values() for path in _files(target)})
    return manifest
