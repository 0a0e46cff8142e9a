"""The site's pages about the checklists: the list of every PDF (“Checklists”), the links to a
chapter's PDFs in both languages on its page, and the mission checklist page where readers
tick chapters, parts or questions and print them from the browser.

Pages are at `<lang>/<slug>/` on the site and `<lang>/<slug>.html` in the offline bundle
(`directory_urls`); a language's PDFs are at `<lang>/pdf/`.
"""

from __future__ import annotations

import html
import json

from .catalog import ANNEX_ID, ROOT, Edition
from .checklist import Printer, load_publication
from .pdf import Manifest, Pdf
from .templating import TEMPLATES

CATALOGUE_SLUG = "checklists"
CUSTOM_SLUG = "mission"
MISSION_MARKER = "<!-- the mission checklist -->"


def _up(directory_urls: bool) -> str:
    """From a page of an edition to the edition's root."""
    return "../" if directory_urls else ""


def pdf_href(edition: Edition, pdf: Pdf, directory_urls: bool) -> str:
    own = pdf.lang == edition.lang
    return f"{_up(directory_urls)}{'' if own else f'../{pdf.lang}/'}pdf/{pdf.name}"


def custom_href(directory_urls: bool, select: str | None = None) -> str:
    page = f"../{CUSTOM_SLUG}/" if directory_urls else f"{CUSTOM_SLUG}.html"
    return page + (f"?select={select}" if select else "")


def _details(pdf: Pdf, edition: Edition) -> str:
    """“4 p., 120 ko” in the PDF's own language."""
    strings = edition.strings.checklist
    kilobytes = max(1, round(pdf.size / 1000))
    return f"{strings.pages.replace('{n}', str(pdf.pages))}, {kilobytes}\u00a0{strings.kilobytes}"


def printable_links(edition: Edition, slug: str, manifest: Manifest, editions: dict[str, Edition],
                    directory_urls: bool) -> str | None:
    """The line under a chapter's title: its PDF in every language and the mission checklist
    page with the chapter selected; None for a page without a PDF."""
    links = []
    for lang, pdfs in manifest.items():
        pdf = next((p for p in pdfs if p.slug == slug), None)
        if pdf is None:
            return None
        other = editions[lang]
        name = html.escape(pdf.kind)
        language = "" if lang == edition.lang else f"{html.escape(other.strings.language_name)}, "
        attributes = "" if lang == edition.lang else f' lang="{lang}"'
        links.append(f'<a href="{pdf_href(edition, pdf, directory_urls)}" hreflang="{lang}" type="application/pdf"'
                     f'{attributes}>{name} (PDF, {language}{_details(pdf, other)})</a>')
    strings = edition.strings.checklist
    page = edition.page(slug)
    select = page.numeral or (page.document.id if page.document else ANNEX_ID)
    links.append(f'<a href="{custom_href(directory_urls, select)}">{html.escape(strings.custom_link)}</a>')
    return f'<p class="tk-printable"><strong>{html.escape(strings.printable)}:</strong> ' + " · ".join(links) + "</p>"


def catalogue_page(edition: Edition, manifest: Manifest, editions: dict[str, Edition], directory_urls: bool) -> str:
    """The “Checklists” page: every PDF in every language, with its page count and size."""
    strings = edition.strings.checklist
    langs = list(manifest)
    head = "".join(f'<th scope="col" lang="{lang}">{html.escape(editions[lang].strings.language_name)}</th>'
                   for lang in langs)
    rows = []
    for position, pdf in enumerate(manifest[edition.lang]):
        cells = []
        for lang in langs:
            other = manifest[lang][position]
            cells.append(f'<td lang="{lang}"><a href="{pdf_href(edition, other, directory_urls)}" hreflang="{lang}" '
                         f'type="application/pdf" download>PDF</a>, {_details(other, editions[lang])}</td>')
        label = html.escape(pdf.heading) + (f"<br><small>{html.escape(pdf.kind)}</small>" if pdf.kind else "")
        rows.append(f'<tr><th scope="row">{label}</th>{"".join(cells)}</tr>')
    return "\n".join([
        "---", f"title: {json.dumps(strings.catalogue, ensure_ascii=False)}", "---", "",
        f"# {html.escape(strings.catalogue, quote=False)} {{#{CATALOGUE_SLUG}}}", "",
        html.escape(strings.catalogue_intro, quote=False), "",
        f'<table><thead><tr><th scope="col">{html.escape(strings.document)}</th>{head}</tr></thead>',
        "<tbody>", *rows, "</tbody></table>", "",
        f'<p><a href="{custom_href(directory_urls)}">{html.escape(strings.custom_link)}</a></p>', ""])


def mission_markdown(edition: Edition) -> str:
    """The mission checklist page as MkDocs reads it: its title, then a marker that the hook
    replaces with `mission_body` once the page is HTML (Markdown and the search index skip it)."""
    strings = edition.strings.checklist
    return (f"---\ntitle: {json.dumps(strings.custom, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n"
            f"# {html.escape(strings.custom, quote=False)} {{#{CUSTOM_SLUG}}}\n\n{MISSION_MARKER}\n")


def mission_body(edition: Edition, root=ROOT) -> str:
    """The mission checklist page's body: the selection panel, then every chapter and the annex
    form in the checklist layout, each question with a tick box that selects it (checklist.js)."""
    printer = Printer(edition, load_publication(root))
    return TEMPLATES.get_template("mission.html").render(t=edition.strings, sections=printer.sections())
