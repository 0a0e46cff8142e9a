"""What one edition's MkDocs build is made of, in one place: its navigation and every file of its
docs, the pages rendered from the content and everything else the build adds (glossary,
resources, the checklists' pages, PDFs and fonts, the exports), plus the hand-written pages.

`generated()` is used by the MkDocs hook (`hooks/toolkit.py`), which hands it to MkDocs, and by
the benchmark's baseline, which writes the same files as a plain mkdocs-material project: the
two cannot drift apart. Links in the generated Markdown are to paths under the docs (`iv.md`,
`pdf/checklist-iv-fr.pdf`), which MkDocs checks and writes for the site or the offline bundle.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from . import (bundles, checklist_pages, citation, departures, export, fonts, glossary, mission_data, resources,
               search_index, source_files)
from .catalog import editions as all_editions
from .catalog import load_edition
from .checklist import load_publication
from .edition import Edition
from .errors import ContentError, Problem
from .pdf import Manifest
from .render import rendered_pages

FONTS_CSS = "assets/stylesheets/fonts.css"  # the checklists' @font-face rules (linked by overrides/main.html)
FONTS = "assets/fonts"
MISSION = f"{checklist_pages.CUSTOM_SLUG}.md"


@dataclass(frozen=True)
class Generated:
    """One edition's build: what MkDocs is given."""

    edition: Edition
    site_name: str
    site_description: str
    nav: list  # MkDocs `nav`: `{title: path}` and `{section: [{title: path}, …]}`, paths under the docs
    files: dict[str, str | Path]  # every file, by path under the docs: its text, or the file to copy
    mission: str  # the mission checklist page's body, put in its HTML in place of the marker (`finished`)
    base: str  # the edition's path on its host, `/fr/` (`/toolkit/fr/` under a sub-path): see `not_found_page`
    extra: dict  # what the theme's templates read in MkDocs's `extra`: the language switch (`editions`, every
    # language as `{"lang": "en", "name": "English"}`), the footer, the search, the current mission

    def finished(self, path: str, html: str) -> str:
        """A page's HTML, made by MkDocs from `files[path]`, with what comes after Markdown: the
        mission checklist page gets its body (too large to go through Markdown and the search index)."""
        if path != MISSION:
            return html
        return html.replace(checklist_pages.MISSION_MARKER, self.mission, 1)

    def standalone(self) -> dict[str, str | Path]:
        """`files` for a build without the hook (the benchmark's baseline): the mission body in its
        page's Markdown."""
        return {**self.files, MISSION: self.files[MISSION].replace(checklist_pages.MISSION_MARKER, self.mission)}


def generated(lang: str, root: Path, pdfs: Manifest, *, directory_urls: bool = True) -> Generated:
    """The edition of `lang`: its navigation and its files. `pdfs` are every language's PDFs
    (:func:`tiptoolkit.pdf.build_pdfs`). `directory_urls` is MkDocs's `use_directory_urls`: only
    the links to another language's PDFs need it (see `checklist_pages.other_edition_href`).
    Raises ContentError for invalid content."""
    edition = load_edition(lang, root)
    editions = all_editions(root)
    strings, labels, checklists = edition.strings, edition.strings.labels, edition.strings.checklist
    pages = rendered_pages(edition)
    others = [code for code in editions if code != lang]

    files: dict[str, str | Path] = {}
    for page in pages:
        links = checklist_pages.printable_links(edition, page.slug, pdfs, editions, directory_urls=directory_urls)
        files[f"{page.slug}.md"] = _under_title(page.markdown, links) if links else page.markdown
    files[f"{glossary.PAGE_SLUG}.md"] = glossary.markdown(glossary.load_glossary(root), edition, others)
    files[f"{resources.PAGE_SLUG}.md"] = resources.markdown(resources.check(edition, root), edition)
    files[f"{departures.PAGE_SLUG}.md"] = departures.markdown(departures.check(edition, root), edition)
    files[f"{checklist_pages.CATALOGUE_SLUG}.md"] = checklist_pages.catalogue_page(
        edition, pdfs, editions, directory_urls=directory_urls)
    files[MISSION] = checklist_pages.mission_markdown(edition)
    for pdf in pdfs[lang]:
        files[checklist_pages.pdf_path(pdf)] = pdf.path
        files[checklist_pages.pdf_path(pdf, fillable=True)] = pdf.fillable
    files[FONTS_CSS] = fonts.font_faces(lambda path: posixpath.relpath(f"{FONTS}/{path.name}",
                                                                       posixpath.dirname(FONTS_CSS)))
    for path in fonts.files():
        files[f"{FONTS}/{path.name}"] = path
    files[search_index.LIBRARY] = search_index.library()
    files[search_index.LANGUAGE] = search_index.language_script(lang)
    files[search_index.WORDINGS] = search_index.wordings_script(edition)
    files[mission_data.WORDS] = mission_data.words_script(edition, root)
    files.update(bundles.bundles())  # the project's own code, whatever content `root` holds
    files["questions.json"] = export.to_json(edition)
    files["questions.csv"] = export.to_csv(edition)
    hand_written = _hand_written(root / "content" / lang / "pages", root)
    taken = [Problem(source, "(whole file)", f"`{path}` is a file the build generates", "give this file another name")
             for path, source in hand_written.items() if path in files]
    if taken:
        raise ContentError(taken)

    toolkit_pages = [{p.title: f"{p.slug}.md"} for p in pages if not edition.page(p.slug).document]
    wg_pages = [{p.title: f"{p.slug}.md"} for p in pages if edition.page(p.slug).document]
    nav = [{labels.home: "index.md"}, *toolkit_pages, {strings.wg.section: wg_pages},
           {checklists.catalogue: f"{checklist_pages.CATALOGUE_SLUG}.md"},
           {checklists.custom: MISSION},
           {strings.wg.resources: f"{resources.PAGE_SLUG}.md"},
           {labels.glossary: f"{glossary.PAGE_SLUG}.md"}, {labels.export: "export.md"},
           {strings.about.title: f"{departures.PAGE_SLUG}.md"}]
    languages = [{"lang": code, "name": e.strings.language_name} for code, e in editions.items()]
    citations = citation.page_citations(edition, dict(_titles(nav)), root)
    files.update({cited.script: cited.text for cited in citations.values()})
    return Generated(
        edition=edition, site_name=strings.site_name, site_description=strings.site_description,
        nav=nav, files={**hand_written, **files}, mission=checklist_pages.mission_body(
            edition, list(editions), directory_urls=directory_urls, root=root),
        base=f"{load_publication(root).base}{lang}/",
        extra={"editions": languages, "footer": strings.footer, "search": strings.search,
               "search_files": search_index.FILES, "search_wordings": search_index.other_wordings(lang, list(editions)),
               "mission": {"current": strings.mission.ui["current"],
                           "path": checklist_pages.custom_page(directory_urls=directory_urls)},
               "alternate": True,  # Material then shows partials/alternate.html: ours links page to page
               "citations": {path: cited.extra() for path, cited in citations.items()}})


def _titles(nav: list) -> list[tuple[str, str]]:
    """Every page of `nav` as (path under the docs, title)."""
    return [pair for entry in nav for title, target in entry.items()
            for pair in (_titles(target) if isinstance(target, list) else [(target, title)])]


def _hand_written(folder: Path, root: Path) -> dict[str, Path]:
    """The edition's hand-written files (`content/<lang>/pages/` of the project at `root`), by path
    under the docs, in the order MkDocs finds files; ContentError if one is not the project's own
    (:func:`tiptoolkit.source_files.walk`)."""
    files, problems = source_files.walk(folder, root)
    if problems:
        raise ContentError(problems)
    return {path.relative_to(folder).as_posix(): path for path in files}


def _under_title(markdown: str, block: str) -> str:
    """`block` as the first paragraph under a page's title (its first `# ` line)."""
    end = markdown.index("\n", markdown.index("\n# ") + 1)
    return f"{markdown[:end]}\n\n{block}\n{markdown[end + 1:]}"


def not_found_page(html: str, base: str) -> str:
    """The 404 page, served at any depth, so MkDocs gives it URLs absolute from the host's root
    (`/…`); the edition lives at `base` on its host (`Generated.base`: `/fr/`, `/toolkit/fr/`),
    so they gain that prefix: its links, files and search forms (overrides/404.html), and the
    theme's configuration's base."""
    for attribute in ("href", "src", "action"):
        html = html.replace(f'{attribute}="/', f'{attribute}="{base}')
    return html.replace('"base": "/"', f'"base": "{base}"')
