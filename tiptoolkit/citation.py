"""Citations of the edition, of each of its pages and of each item, in the page's language.

Each names the original publication (`content/citation.yml`: UNODC, its title, place and date, its
number V.09-87519), or for a Working Group document its title and symbol, then the part cited
(the page, or the item by its ID: `question IV.D.3.o`), this online edition, its short permalink
and the date of access. Four forms: the text in United Nations style (the Editorial Manual's
order: author, *title* (place, year), number, part; “Available at <URL> (accessed on <date>)”),
BibTeX, RIS and CSL-JSON, for reference managers; and the page's `citation_*` meta tags, which
they read (Highwire Press tags, as Google Scholar and Zotero do). `cff()` is the CITATION.cff of
the repository, written by `make schema` from the same facts.

The date of access is the reader's, known only in the browser: a page carries its citations with
tokens in place of the date and, for the items, of the item's name and anchor
(`assets/javascripts/cite.js` fills them in; `filled()` is the same substitution). The values put
in their place are letters, digits, dots, dashes and spaces (the `kinds` wordings are words,
IDs and anchors are ASCII): no format needs them escaped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from .checklist import load_publication
from .edition import ROOT, Edition, Item, Page
from .errors import ContentError, Problem
from .loader import line_of, load_model
from .markup import page_title, permalink_path, plain_text
from .models import Original

CITATION = Path("content") / "citation.yml"
CFF = Path("CITATION.cff")
DATE, ISO, SLASHED, YEAR, MONTH, DAY = "@@DATE@@", "@@ISO@@", "@@RIS@@", "@@Y@@", "@@M@@", "@@D@@"  # date of access
LOCATOR, ANCHOR = "@@ITEM@@", "@@ANCHOR@@"  # an item: `question IV.D.3.o`, `iv-d-3-o`
ITEM_TOKENS = {"locator": LOCATOR, "anchor": ANCHOR}
_SYMBOL_YEAR = re.compile(r"/(\d{4})/")


def _load(root: Path) -> tuple[Original, object]:
    path = root / CITATION
    if not path.exists():
        raise ContentError([Problem(path, "(whole file)", "the facts of the original publication are missing",
                                    f"restore it (`git checkout -- {CITATION}`)")])
    return load_model(path, Original, root)


def load_original(root: Path = ROOT) -> Original:
    """`content/citation.yml`; ContentError if it is missing or invalid."""
    return _load(root)[0]


def problems(languages: list[str], root: Path = ROOT) -> list[Problem]:
    """`content/citation.yml` missing or invalid, or not naming the author or place in a language
    the site has."""
    try:
        original, node = _load(root)
    except ContentError as exc:
        return exc.problems
    return [Problem(CITATION, field, f"no `{lang}` entry: citations in that language cannot name it",
                    f"add `\"{lang}\": \"…\"` to `{field}`", line_of(node, (field,)))
            for field in ("author", "short_author", "place") for lang in languages
            if lang not in getattr(original, field)]


@dataclass(frozen=True)
class Accessed:
    """A date of access as the formats write it."""

    text: str  # as the reader's language writes it: `31 January 2025` (filled in by the browser)
    iso: str  # `2025-01-31`
    slashed: str  # `2025/01/31` (RIS)
    year: str
    month: str
    day: str

    @classmethod
    def on(cls, day: date, text: str) -> Accessed:
        return cls(text, day.isoformat(), day.strftime("%Y/%m/%d"), str(day.year), str(day.month), str(day.day))


TOKENS = Accessed(DATE, ISO, SLASHED, YEAR, MONTH, DAY)
TOKEN_NAMES = {**{name: getattr(TOKENS, name) for name in Accessed.__dataclass_fields__}, **ITEM_TOKENS}  # for cite.js


@dataclass(frozen=True)
class Reference:
    """One thing to cite, in one language: the publication (or a Working Group document), the part
    of it (a page) and the item, where it is online."""

    lang: str
    key: str  # BibTeX key and CSL id
    title: str  # the publication's or the document's title, as printed
    english_title: str | None  # the publisher's English title, in brackets (English citations of the toolkit)
    author: str | None  # an institution; None for a Working Group document (cited by title and symbol)
    subtitle: str | None  # a document's: “Document d’information établi par le Secrétariat”
    place: str | None
    issued: str | None  # `2010-08`, `2019`
    number: str | None  # `V.09-87519`, a document's symbol
    part: str | None  # the page cited within the publication: `IV. Enquêtes …`; None for the whole
    locator: str | None  # the item: `question IV.D.3.o`
    edition: str  # `Online edition`
    available: str  # `Available at {url} (accessed on {date})`
    quoted: str  # `“{text}”`
    url: str  # the short permalink (or, for a page without one, its address)

    @property
    def year(self) -> str | None:
        return self.issued[:4] if self.issued else None

    @property
    def whole(self) -> str:
        """The publication's title as cited: with the English title in brackets if any."""
        return f"{self.title} [{self.english_title}]" if self.english_title else self.title

    @property
    def cited(self) -> str | None:
        """What is cited within the publication, as a title: `question IV.D.3.o`, `IV. Enquêtes …`."""
        return self.locator or (self.part if self.author else None)


def text(ref: Reference, accessed: Accessed) -> list[str]:
    """The citation in United Nations style, in three runs: before the title, the title (in italics),
    after it."""
    where = ref.available.replace("{url}", ref.url).replace("{date}", accessed.text)
    if ref.author:
        publication = ", ".join(filter(None, [ref.place, ref.year]))
        head = f" [{ref.english_title}]" if ref.english_title else ""
        tail = ", ".join(filter(None, [f"{head} ({publication})", ref.number, ref.locator or ref.part]))
        return [f"{ref.author}, ", ref.title, f"{tail}. {ref.edition}. {where}."]
    document = ref.quoted.replace("{text}", ref.title)
    described = ", ".join(filter(None, [document, ref.subtitle]))
    symbol = f" ({ref.number})" if ref.number else ""
    return ["", "", ", ".join(filter(None, [described + symbol, ref.locator])) + f". {ref.edition}. {where}."]


def _bib(value: str) -> str:
    return re.sub(r"([\\{}%&$#_^~])", lambda m: "\\textbackslash{}" if m[1] == "\\" else "\\" + m[1], value)


def bibtex(ref: Reference, accessed: Accessed) -> str:
    """A BibTeX (biblatex) entry: a part of the publication as `@incollection`, the whole as `@book`,
    a Working Group document as `@misc`."""
    if ref.author:
        kind = "incollection" if ref.cited else "book"
        fields = [("author", "{" + _bib(ref.author) + "}"), ("title", _bib(ref.cited or ref.whole)),
                  ("booktitle", _bib(ref.whole) if ref.cited else None), ("publisher", _bib(ref.author)),
                  ("address", _bib(ref.place or "")), ("year", ref.year), ("number", ref.number)]
    else:
        kind = "misc"
        fields = [("title", _bib(ref.title)), ("note", _bib(", ".join(filter(None, [ref.subtitle, ref.locator])))),
                  ("number", ref.number), ("year", ref.year)]
    fields += [("edition", _bib(ref.edition)), ("language", ref.lang), ("url", ref.url), ("urldate", accessed.iso)]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{ref.key},\n{body}\n}}\n"


def ris(ref: Reference, accessed: Accessed) -> str:
    """A RIS record (EndNote, Zotero, Mendeley): `CHAP`, `BOOK`, or `RPRT` for a document."""
    if ref.author:
        kind = "CHAP" if ref.cited else "BOOK"
        tags = [("AU", ref.author), ("TI", ref.cited or ref.whole), ("T2", ref.whole if ref.cited else None),
                ("PB", ref.author), ("CY", ref.place), ("PY", ref.year), ("DA", ref.issued.replace("-", "/") + "/"),
                ("M1", ref.number)]
    else:
        kind = "RPRT"
        tags = [("TI", ref.title), ("M3", ref.subtitle), ("M1", ref.number), ("PY", ref.year),
                ("N1", ref.locator)]
    tags += [("ET", ref.edition), ("LA", ref.lang), ("UR", ref.url),
             ("Y2", accessed.slashed)]
    lines = [f"TY  - {kind}", *(f"{tag}  - {value}" for tag, value in tags if value), "ER  - "]
    return "\r\n".join(lines) + "\r\n"


def csl(ref: Reference, accessed: Accessed) -> str:
    """A CSL-JSON array of one item (Zotero, Mendeley, Pandoc, citeproc)."""
    if ref.author:
        item = {"type": "chapter" if ref.cited else "book", "title": ref.cited or ref.whole,
                "container-title": ref.whole if ref.cited else None, "author": [{"literal": ref.author}],
                "publisher": ref.author, "publisher-place": ref.place}
    else:
        item = {"type": "report", "title": ref.title, "genre": ref.subtitle, "note": ref.locator}
    issued = [int(part) for part in ref.issued.split("-")] if ref.issued else None
    item = {"id": ref.key, **item, "number": ref.number, "issued": {"date-parts": [issued]} if issued else None,
            "edition": ref.edition, "language": ref.lang, "URL": ref.url,
            "accessed": {"date-parts": [[int(p) if p.isdigit() else p
                                         for p in (accessed.year, accessed.month, accessed.day)]]}}
    out = json.dumps([{k: v for k, v in item.items() if v is not None}], ensure_ascii=False, indent=2)
    return re.sub(r'"(@@[YMD]@@)"', r"\1", out) + "\n"  # the tokens of a template, numbers once filled in


def formats(ref: Reference, accessed: Accessed) -> dict:
    return {"text": text(ref, accessed), "bibtex": bibtex(ref, accessed), "ris": ris(ref, accessed),
            "csl": csl(ref, accessed)}


def filled(template: str, values: dict[str, str]) -> str:
    """A template with its tokens replaced (as `cite.js` does)."""
    for token, value in values.items():
        template = template.replace(token, value)
    return template


def date_values(accessed: Accessed) -> dict[str, str]:
    return {getattr(TOKENS, name): getattr(accessed, name) for name in Accessed.__dataclass_fields__}


def item_values(item: Item, edition: Edition) -> dict[str, str]:
    """What an item's “Cite” button puts in place of the item tokens: `question IV.D.3.o`, `iv-d-3-o`."""
    return {LOCATOR: f"{edition.strings.citation.kinds[item.kind]} {item.id}", ANCHOR: item.anchor}


class Citer:
    """The references of one edition's pages and items."""

    def __init__(self, edition: Edition, root: Path = ROOT):
        self.edition, self.original = edition, load_original(root)
        self.address = load_publication(root).url
        self.strings = edition.strings.citation

    def canonical(self, slug: str) -> str:
        """The page's own address: `<address>fr/glossary/`, `<address>fr/` for the home page."""
        return f"{self.address}{self.edition.lang}/{'' if slug == 'index' else slug + '/'}"

    def page(self, slug: str, title: str) -> Reference:
        """The reference of a page of the edition (`iv`, `glossary`, `index` …), named `title`."""
        lang, original, page = self.edition.lang, self.original, self.edition.page(slug)
        url = f"{self.address}{permalink_path(slug)}" if page else self.canonical(slug)
        common = {"lang": lang, "key": f"tiptoolkit-{lang}-{slug}", "edition": self.strings.edition,
                  "available": self.strings.available, "quoted": self.strings.quoted, "url": url, "locator": None}
        if page and page.document:
            symbol = page.document.symbol
            return Reference(**common, title=self._plain(page.content.title), english_title=None, author=None,
                             subtitle=self._plain(page.content.subtitle) if getattr(page.content, "subtitle", None)
                             else None, place=None, issued=_SYMBOL_YEAR.search(symbol)[1] if symbol else None,
                             number=symbol, part=None)
        return Reference(**common, title=original.title, english_title=original.english_title if lang == "en" else None,
                         author=original.author[lang], subtitle=None, place=original.place[lang],
                         issued=original.date, number=original.number,
                         part=None if slug == "index" else title)

    def item_template(self, page: Reference) -> Reference:
        """The reference of any item of that page, with the item's tokens."""
        return replace(page, key=f"tiptoolkit-{self.edition.lang}-{ANCHOR}", locator=LOCATOR,
                       url=f"{self.address}{permalink_path(ANCHOR)}")

    def _plain(self, raw: str) -> str:
        return plain_text(raw, self.edition.strings.labels.country)

    def title_of(self, page: Page) -> str:
        return self._plain(page_title(page, self.edition.strings.labels))

    def meta(self, ref: Reference, slug: str) -> list[tuple[str, str]]:
        """The page's `citation_*` meta tags (Highwire Press, as Google Scholar and Zotero read them)."""
        title = ref.title if not ref.author else f"{ref.whole}: {ref.part}" if ref.part else ref.whole
        issued = ref.issued.replace("-", "/") if ref.issued else None
        tags = [("citation_title", title), ("citation_author", ref.author),
                ("citation_publisher", ref.author), ("citation_publication_date", issued),
                ("citation_technical_report_number", ref.number),
                ("citation_language", ref.lang), ("citation_public_url", ref.url),
                ("citation_abstract_html_url", self.canonical(slug))]
        return [(name, value) for name, value in tags if value]

    def script(self, ref: Reference, items: list[Item]) -> str:
        """What the page's “Cite” buttons show (`cite.js`), as a classic script that sets
        `window.tkCitation` (loaded on first use, from `file://` too): the page's citation and, if it
        has items, the template of theirs and each item's name by anchor, with the window's wordings."""
        strings = self.strings
        data = {"locale": strings.date_locale, "tokens": TOKEN_NAMES,
                "labels": {"dialog": strings.dialog, "copy": strings.copy_text, "copied": strings.copied,
                           "download": strings.download, "close": strings.close},
                "page": {"key": ref.key, **formats(ref, TOKENS)}}
        if items:
            template = self.item_template(ref)
            data["item"] = {"key": template.key, **formats(template, TOKENS)}
            data["items"] = {item.anchor: item_values(item, self.edition)[LOCATOR] for item in items}
        return f"window.tkCitation = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


SCRIPTS = "assets/javascripts/citations"  # each page's citations: `<SCRIPTS>/iv.js`


@dataclass(frozen=True)
class PageCitation:
    meta: list[tuple[str, str]]  # the `citation_*` meta tags
    label: str  # the page's “Cite” button
    item_label: str  # an item's, `{id}` to replace
    script: str  # the path of its citations' script under the docs
    text: str  # the script

    def extra(self) -> dict:
        """What the templates read (`config.extra.citations`): plain data, as a plain mkdocs.yml
        could hold it (the benchmark's baseline writes one)."""
        return {"meta": [list(pair) for pair in self.meta], "label": self.label, "item_label": self.item_label,
                "script": self.script}


def page_citations(edition: Edition, titles: dict[str, str], root: Path = ROOT) -> dict[str, PageCitation]:
    """For each page (path under the docs: `iv.md`, named in the navigation `titles`), its meta tags
    and its “Cite” buttons' script, for overrides/main.html and partials/actions.html."""
    citer, out = Citer(edition, root), {}
    for path, title in titles.items():
        slug = path.removesuffix(".md")
        page = edition.page(slug)
        ref = citer.page(slug, citer.title_of(page) if page else title)
        out[path] = PageCitation(citer.meta(ref, slug), citer.strings.cite_page, citer.strings.cite,
                                 f"{SCRIPTS}/{slug}.js", citer.script(ref, [i for i in edition.items if i.page == slug]))
    return out


def cff(root: Path = ROOT) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of this edition: a dataset published at the site's
    address, with the original publication among its references."""
    original, address = load_original(root), load_publication(root).url
    author = {"name": original.author["en"]}
    data = {
        "cff-version": "1.2.0",
        "message": "To cite this online edition, cite it as below. To cite one of its pages or questions, use "
                   "the “Cite” button beside it on the site: it names the original publication, the item and "
                   "its permanent link.",
        "type": "dataset",
        "title": f"{original.title} (online edition, with an English translation)",
        "authors": [dict(author)],
        "url": address,
        "keywords": ["trafficking in persons", "criminal justice", "needs assessment"],
        "references": [{
            "type": "book", "title": original.title, "authors": [dict(author)],
            "publisher": {"name": original.author["en"], "city": original.place["en"]},
            "year": int(original.date[:4]), "month": int(original.date[5:]), "languages": [original.language],
            "identifiers": [{"type": "other", "value": original.number,
                             "description": "United Nations document number of the printed publication"}],
            "notes": f"Published in English by the same office as “{original.english_title}”.",
        }],
    }
    header = "# Written by `make schema` from content/citation.yml and content/publication.yml.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_cff(root: Path = ROOT) -> Path:
    (root / CFF).write_text(cff(root), encoding="utf-8")
    return root / CFF

