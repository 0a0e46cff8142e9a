"""The site's pages about the checklists: the list of every PDF (“Checklists”), the links to a
chapter's PDFs in both languages on its page, and the mission checklist page where readers
tick chapters, parts or questions and print them from the browser.

Links are Markdown links to paths under the docs (`pdf/checklist-iv-fr.pdf`, `mission.md`),
which MkDocs checks and writes for the site (`../mission/`) and for the offline bundle
(`mission.html`). A language's PDFs are at `<lang>/pdf/` of the site, so another language's
are outside this build's docs: see `other_edition_href`.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import xlsform
from .edition import ANNEX_ID, ROOT, Edition, up_to_site_root
from .checklist import Printer, load_publication
from .markup import escaped
from .mission_data import data_block
from .pdf import Manifest, Pdf
from .templating import TEMPLATES

CATALOGUE_SLUG = "checklists"
CUSTOM_SLUG = "mission"
MISSION_MARKER = "<!-- the mission checklist -->"
PDF_FOLDER = "pdf"  # an edition's PDFs, under its docs
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pdf_path(pdf: Pdf, *, fillable: bool = False) -> str:
    """Where an edition's own PDF is, under its docs: `pdf/checklist-iv-fr.pdf`, or its fillable
    variant `pdf/checklist-iv-fillable-fr.pdf`."""
    return f"{PDF_FOLDER}/{pdf.fillable_name if fillable else pdf.name}"


def other_edition_href(pdf: Pdf, directory_urls: bool, *, fillable: bool = False) -> str:
    """The href, from a page at the docs root (`iv.md`, `checklists.md`), of another language's
    PDF. The one link MkDocs cannot write: it leads out of this build's docs (`../en/pdf/…`),
    and MkDocs resolves only links to files of its own build (it reports any other relative
    link as not found, which fails the strict build). So it is HTML, and says itself how far up
    the edition's root is: `../` from `iv/` on the site, nothing from `iv.html` in the offline
    bundle (`use_directory_urls`)."""
    return f"{up_to_site_root(directory_urls=directory_urls)}{pdf.lang}/{pdf_path(pdf, fillable=fillable)}"


def custom_path(select: str | None = None, *, answer: bool = False) -> str:
    """The mission page, with what to select (`?select=IV`, read by web/mission/) and whether to
    answer it (`&answer`): MkDocs keeps a link's query when it resolves the path
    (`../mission/?select=IV`)."""
    query = "&".join(([f"select={select}"] if select else []) + (["answer"] if answer else []))
    return f"{CUSTOM_SLUG}.md" + (f"?{query}" if query else "")


def custom_page(*, directory_urls: bool) -> str:
    """The mission page's path under the edition, as MkDocs writes it (`mission/`, `mission.html`)."""
    return f"{CUSTOM_SLUG}/" if directory_urls else f"{CUSTOM_SLUG}.html"


def _pdf_link(edition: Edition, pdf: Pdf, text: str, directory_urls: bool, *, download: bool = False,
              fillable: bool = False) -> str:
    """A link to a PDF of any language (or to its fillable variant): to this edition's own, a
    Markdown link (its attributes by `attr_list`); to another's, HTML (see `other_edition_href`),
    with the language of its text."""
    if pdf.lang == edition.lang:
        return (f'[{text}]({pdf_path(pdf, fillable=fillable)}){{ hreflang="{pdf.lang}" type="application/pdf"'
                f'{" download" if download else ""} }}')
    last = " download" if download else f' lang="{pdf.lang}"'
    return (f'<a href="{other_edition_href(pdf, directory_urls, fillable=fillable)}" hreflang="{pdf.lang}" '
            f'type="application/pdf"{last}>{text}</a>')


def _details(pdf: Pdf, edition: Edition, *, fillable: bool = False) -> str:
    """“4 p., 120 ko” in the PDF's own language, of the PDF or of its fillable variant."""
    strings = edition.strings.checklist
    kilobytes = max(1, round((pdf.fillable_size if fillable else pdf.size) / 1000))
    return f"{escaped(strings.pages.replace('{n}', str(pdf.pages)))}, {kilobytes}\u00a0{escaped(strings.kilobytes)}"


def printable_links(edition: Edition, slug: str, manifest: Manifest, editions: dict[str, Edition], *,
                    directory_urls: bool) -> str | None:
    """The paragraph under a chapter's title: its PDF in every language and the mission
    checklist page with the chapter selected; None for a page without a PDF."""
    links = []
    for lang, pdfs in manifest.items():
        pdf = next((p for p in pdfs if p.slug == slug), None)
        if pdf is None:
            return None
        other = editions[lang]
        language = "" if lang == edition.lang else f"{escaped(other.strings.language_name)}, "
        links.append(_pdf_link(edition, pdf, f"{escaped(pdf.kind)} (PDF, {language}{_details(pdf, other)})",
                               directory_urls))
    strings = edition.strings.checklist
    page = edition.page(slug)
    select = page.numeral or (page.document.id if page.document else ANNEX_ID)
    links.append(f"[{escaped(strings.custom_link)}]({custom_path(select)})")
    links.append(f"[{escaped(edition.strings.mission.ui['answer_link'])}]({custom_path(select, answer=True)})")
    return f"**{escaped(strings.printable)}:** " + " · ".join(links) + "\n{: .tk-printable }"


def catalogue_page(edition: Edition, manifest: Manifest, editions: dict[str, Edition], *,
                   directory_urls: bool) -> str:
    """The “Checklists” page: every PDF and its fillable variant in every language, with their
    page counts and sizes, and the document's XLSForm. The table is HTML whose cells are Markdown
    (`md_in_html`), so that MkDocs writes their links."""
    strings = edition.strings.checklist
    langs = list(manifest)
    head = "".join(f'<th scope="col" lang="{lang}">{escaped(editions[lang].strings.language_name)}</th>'
                   for lang in langs) + f'<th scope="col">{escaped(strings.xlsform)}</th>'
    rows = []
    for position, pdf in enumerate(manifest[edition.lang]):
        cells = []
        for lang in langs:
            other = manifest[lang][position]
            words = editions[lang].strings
            link = _pdf_link(edition, other, "PDF", directory_urls, download=True)
            fillable = _pdf_link(edition, other, escaped(words.checklist.fillable), directory_urls, download=True,
                                 fillable=True)
            cells.append(f'<td lang="{lang}" markdown="span">{link}, {_details(other, editions[lang])}<br>'
                         f'{fillable}, {_details(other, editions[lang], fillable=True)}</td>')
        form = up_to_site_root(directory_urls=directory_urls) + xlsform.form_path(pdf.slug)  # at the site root: HTML
        cells.append(f'<td><a href="{form}" type="{XLSX}" download>XLSForm</a></td>')
        label = escaped(pdf.heading) + (f"<br><small>{escaped(pdf.kind)}</small>" if pdf.kind else "")
        rows.append(f'<tr markdown="1"><th scope="row">{label}</th>{"".join(cells)}</tr>')
    return "\n".join([
        "---", f"title: {json.dumps(escaped(strings.catalogue), ensure_ascii=False)}", "---", "",
        f"# {escaped(strings.catalogue)} {{#{CATALOGUE_SLUG}}}", "",
        escaped(strings.catalogue_intro), "", escaped(strings.fillable_intro), "", escaped(strings.xlsform_intro), "",
        f'<table markdown="1"><thead><tr><th scope="col">{escaped(strings.document)}</th>{head}</tr></thead>',
        '<tbody markdown="1">', *rows, "</tbody></table>", "",
        f"[{escaped(strings.custom_link)}]({custom_path()})", ""])


def mission_markdown(edition: Edition) -> str:
    """The mission checklist page as MkDocs reads it: its title, that it shows checklists (their
    styles and script, overrides/main.html), then a marker that the hook replaces with
    `mission_body` once the page is HTML (Markdown and the search index skip it)."""
    strings = edition.strings.checklist
    title = escaped(strings.custom)
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nchecklist: true\nsearch:\n  exclude: true\n---\n\n"
            f"# {title} {{#{CUSTOM_SLUG}}}\n\n{MISSION_MARKER}\n")


def mission_body(edition: Edition, langs: list[str], *, directory_urls: bool, root=ROOT) -> str:
    """The mission page's body: the workspace's bar and data (`mission_data`), the selection
    panel, then every chapter, the annex form and the questions for discussion in the checklist
    layout, each question with a tick box that selects it (web/mission/)."""
    printer = Printer(edition, load_publication(root))
    return TEMPLATES.get_template("mission.html").render(
        t=edition.strings, sections=printer.sections(),
        data=Markup(data_block(edition, langs, directory_urls=directory_urls, root=root)))
