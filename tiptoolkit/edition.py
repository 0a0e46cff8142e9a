"""What an edition is made of: its pages and its numbered items, each with a stable ID.

IDs follow the printed structure: key question `IV.C.2`, specific question `IV.D.3`,
sub-item `IV.D.3.o`, sub-sub-item `VI.D.6.a.ii`, annex `ANNEX.E.1.a.ii`; the Working Group's
documents have theirs (see :mod:`tiptoolkit.wg`). The anchor is the ID in lower case with
dashes. Pages are named by their roman numeral (`iv`), plus `introduction` and `annex`, and
the Working Group documents by their slug. An edition is read by :mod:`tiptoolkit.catalog`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .loader import describe
from .models import Annex, Chapter, CompanionDocument, Paper, ProseChapter, Recommendations, SiteStrings
from .project import CHECKOUT

ROOT = CHECKOUT  # the default project of library calls (the command line finds its own: tiptoolkit.project)
INTRODUCTION = "introduction"
ANNEX = "annex"
ANNEX_ID = "ANNEX"  # the annex's place in IDs: `ANNEX.E.1.a.ii`
PROSE_CHAPTERS = {INTRODUCTION, "i"}
KINDS = {"chapter": Chapter, "prose": ProseChapter, "annex": Annex,  # a page's kind: the model of its file
         "recommendations": Recommendations, "paper": Paper}
ITEM_TEXTS = ("text", "note", "after", "editor_note")  # the text fields of an item


def anchor_of(item_id: str) -> str:
    """`IV.D.3.o` -> `iv-d-3-o`."""
    return item_id.lower().replace(".", "-")


@dataclass(frozen=True)
class Item:
    """One addressable question, sub-item or sub-sub-item."""

    id: str
    page: str  # page slug: `iv`, `annex`
    chapter: str  # `IV` or `ANNEX`
    part: str  # `C`, `D` or the annex section letter
    parent: str | None
    heading: str | None
    label: str  # as printed: `3.`, `o)`, `ii)`; empty for an unnumbered question
    text: str
    depth: int  # 0 question, 1 sub-item, 2 sub-sub-item
    loc: tuple = field(default=(), compare=False, repr=False)  # where it is in its file, e.g. ('key_questions', 2)
    kind: str = "question"  # toolkit `question`; Working Group `recommendation`, `paragraph`, `discussion-question`
    note: str | None = None  # a note to interviewers (annex)
    after: str | None = None  # a text printed after its sub-items
    scale: str | None = None  # the annex scale it is rated on (a key of the annex's `scales`)
    editor_note: str | None = None  # the editor's note on a Working Group text

    def texts(self) -> dict[str, str]:
        """Its texts by field name (`text`, `note`, …): the ones it has."""
        return {name: getattr(self, name) for name in ITEM_TEXTS if getattr(self, name)}

    def path(self, lang: str) -> str:
        """Where the item is, relative to the site root: `fr/iv/#iv-d-3-o`."""
        return f"{lang}/{self.page}/#{self.anchor}"

    @property
    def anchor(self) -> str:
        return anchor_of(self.id)


@dataclass
class Page:
    slug: str
    file: Path
    kind: str  # one of KINDS: what its content is
    content: Chapter | ProseChapter | Annex | Recommendations | Paper
    numeral: str | None  # `IV` for chapters, None for introduction and annex
    node: yaml.Node | None = field(default=None, compare=False, repr=False)  # the parsed file, for line numbers
    document: CompanionDocument | None = None  # for a Working Group document: its entry in the register

    @property
    def is_chapter(self) -> bool:
        return self.kind == "chapter"

    @property
    def id(self) -> str:
        """Its place in IDs: `IV`, `INTRODUCTION`, `ANNEX`, a Working Group document's `BP2018`
        (its footnotes are `IV#fn.12`, `BP2018#fn.13`)."""
        return self.document.id if self.document else (self.numeral or self.slug.upper())


@dataclass(eq=False)  # compared and hashed by identity: a loaded edition is cached as a whole
class Edition:
    lang: str
    strings: SiteStrings
    pages: list[Page]
    items: list[Item]
    boxes: dict[int, Page]  # box number -> page that holds it
    root: Path = ROOT  # the project the edition was loaded from

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def item(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

    def unit_name(self, page: str, loc: tuple) -> str:
        """How a text of a content file is named in messages and in review records: by its
        item's ID (`IV.D.3.o`, `IV.D.3.o/note`), or by page and place (`iv/overview`)."""
        owner = self._by_place.get((page, loc[:-1]))
        if owner is None:
            return f"{page}/{describe(loc)}"
        return owner if loc[-1] == "text" else f"{owner}/{loc[-1]}"

    def __post_init__(self) -> None:
        self._by_id = {i.id: i for i in self.items}
        self._by_place = {(i.page, i.loc): i.id for i in self.items}

    @property
    def annex_scales(self) -> dict:
        return self.page(ANNEX).content.scales


SOURCE_LANGUAGE = "fr"


def up_to_site_root(*, directory_urls: bool) -> str:
    """From a page at an edition's root (`iv.md`), the way up to the site root: `../../` from
    `fr/iv/` on the site, `../` from `fr/iv.html` in the offline bundle (MkDocs's
    `use_directory_urls`). For links MkDocs cannot write: to another edition, or the site root."""
    return "../../" if directory_urls else "../"


def languages(root: Path = ROOT) -> list[str]:
    """The site's languages: every `content/<lang>/site.yml` and every `chapters/<lang>/`,
    the source language first (a language with only one of the two is reported by the checks)."""
    found = {p.parent.name for p in (root / "content").glob("*/site.yml")}
    found |= {p.name for p in (root / "chapters").glob("*") if p.is_dir()}
    return sorted(sorted(found), key=lambda lang: lang != SOURCE_LANGUAGE)
