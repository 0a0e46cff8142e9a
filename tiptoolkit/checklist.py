"""Printable checklists: the questions of chapters II–XI and the annex interview form as one
HTML markup, which WeasyPrint makes into PDFs (:mod:`tiptoolkit.pdf`) and the mission checklist
page prints from the browser. Both use `overrides/assets/stylesheets/checklist.css`.

A chapter prints as a cover block (toolkit, chapter, the mission's blank fields once per
document, how to answer), then its key and specific questions under their sub-headings: each
item with its ID, a tick box per answer of the response scale (Oui, Non, En partie, Inconnu,
Sans objet) and ruled lines for its notes, more for a question than for a sub-item. The annex
prints as a form: its rating scales as rows of tick boxes, interviewer notes set apart,
“[nom du pays]” as a blank to fill.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from .edition import ANNEX, ANNEX_ID, ROOT, Edition, Item, Page
from .errors import ContentError, Problem
from .loader import load_model
from .models import Annex, Chapter, Paper, Publication, Scale
from .markup import COUNTRY, FOOTNOTE_REF, page_title, permalink_path, question_part_titles
from .wg import QUESTIONS
from .xref import part_anchor

PUBLICATION = Path("content") / "publication.yml"
STYLESHEET = Path("overrides") / "assets" / "stylesheets" / "checklist.css"  # under the project root
PAGE_LINES = 50  # lines of text a page holds below a heading
KEPT_LINES = PAGE_LINES // 2  # a question up to half a page is never split: so no page is left less than half used
LINE_CHARS = 60  # characters in a line of question text, beside the answers' tick boxes
RULED = 1.3  # a ruled line for notes, in lines of text


def load_publication(root: Path = ROOT) -> Publication:
    """Where the site is published (`content/publication.yml`): its address decides every absolute
    address, the site root's path on its host (`Publication.base`) every root-absolute one.
    ContentError if the file is missing or the address is not one."""
    path = root / PUBLICATION
    if not path.exists():
        raise ContentError([Problem(path, "(whole file)", "the publication address is missing",
                                    f"restore it (e.g. `git checkout -- {PUBLICATION}`) or create it with "
                                    "`url: \"https://<where the site is published>/\"`")])
    return load_model(path, Publication, root)[0]


@dataclass
class Entry:
    """A question, sub-item or sub-sub-item as printed."""

    item: Item
    text: Markup
    link: str  # the item's short permalink, absolute
    note: Markup | None = None
    after: Markup | None = None
    scale: Scale | None = None
    children: list[Entry] = field(default_factory=list)

    @property
    def note_lines(self) -> int:
        """Its ruled lines for notes: four for a question on its own; two for a question whose
        sub-items have theirs, and for a sub-item; one for a sub-sub-item or an item on an annex scale."""
        if self.scale is not None or self.item.depth > 1:
            return 1
        return 4 if self.item.depth == 0 and not self.children else 2

    @property
    def lines(self) -> int:
        """About how many lines of text it prints as, with its notes' space and its sub-items."""
        texts = (self.text + " " + self.item.id, self.note, self.after)
        own = sum(-(-len(text) // LINE_CHARS) for text in texts if text) + 1 + math.ceil(self.note_lines * RULED)
        tables = sum(2 for scale, _ in self.runs if scale)
        return own + tables + sum(child.lines for child in self.children) + (2 if self.item.depth == 0 else 0)

    @property
    def fits(self) -> bool:
        """Whether it is short enough never to be split from its sub-items (see `KEPT_LINES`)."""
        return self.lines <= KEPT_LINES

    @property
    def runs(self) -> list[tuple[Scale | None, list[Entry]]]:
        """The children in runs: consecutive children on the same scale print as one table."""
        runs: list[tuple[Scale | None, list[Entry]]] = []
        for child in self.children:
            if child.scale is not None and runs and runs[-1][0] is child.scale:
                runs[-1][1].append(child)
            else:
                runs.append((child.scale, [child]))
        return runs


@dataclass
class Group:
    heading: Markup | None
    questions: list[Entry]


@dataclass
class Part:
    id: str  # `IV.C`, `ANNEX.E`
    anchor: str
    title: Markup
    bookmark: str  # the title as plain text, for PDF bookmarks
    groups: list[Group]
    guidance: list[Markup] = field(default_factory=list)  # the annex section's overview, in paragraphs


@dataclass
class Section:
    """What a chapter or the annex prints."""

    id: str  # `IV`, `ANNEX`
    slug: str
    anchor: str
    kind: str  # “Liste de contrôle”, “Formulaire d’entretien”
    title: Markup
    bookmark: str
    link: str  # the chapter's short permalink, absolute
    parts: list[Part]
    is_annex: bool

    @property
    def questions(self) -> list[Entry]:
        return [q for part in self.parts for group in part.groups for q in group.questions]


class Printer:
    """The printable sections of one edition."""

    def __init__(self, edition: Edition, publication: Publication):
        self.edition = edition
        self.labels = edition.strings.labels
        self.strings = edition.strings.checklist
        self.url = publication.url

    def text(self, raw: str) -> Markup:
        """A content text for paper: escaped, footnote markers dropped, the country a blank to fill."""
        blank = Markup('<span class="tk-fill"><span class="tk-fill-hint">{}</span></span>').format(self.labels.country)
        return Markup(blank).join(escape(FOOTNOTE_REF.sub("", part)) for part in raw.split(COUNTRY))

    def bookmark(self, raw: str) -> str:
        return FOOTNOTE_REF.sub("", raw).replace(COUNTRY, f"[{self.labels.country}]")

    def link(self, anchor: str) -> str:
        return self.url + permalink_path(anchor)

    def entries(self, items: list[Item], parent: str | None = None) -> list[Entry]:
        """The tree of `items` under `parent` (the questions, when None)."""
        scales = self.edition.annex_scales
        out = []
        for item in (i for i in items if i.parent == parent):
            out.append(Entry(item, self.text(item.text), self.link(item.anchor),
                             note=self.text(item.note) if item.note else None,
                             after=self.text(item.after) if item.after else None,
                             scale=scales[item.scale] if item.scale else None, children=self.entries(items, item.id)))
        return out

    def sections(self) -> list[Section]:
        """Every page with questions, in reading order: chapters II–XI, the annex, then the
        Working Group papers with questions for discussion."""
        return [self.section(page) for page in self.edition.pages if page.is_chapter or page.slug == ANNEX
                or (page.kind == "paper" and any(s.themes for s in page.content.sections))]

    def section(self, page: Page) -> Section:
        items = [i for i in self.edition.items if i.page == page.slug]
        if page.kind == "annex":
            return self._annex(page, page.content, items)
        if page.kind == "paper":
            return self._paper(page, page.content, [i for i in items if i.kind == "discussion-question"])
        return self._chapter(page, page.content, items)

    def _section(self, page: Page, section_id: str, kind: str, parts: list[Part]) -> Section:
        title = page_title(page, self.labels)
        return Section(section_id, page.slug, f"cl-{page.slug}", kind, self.text(title), self.bookmark(title),
                       self.link(page.slug), parts, is_annex=page.slug == ANNEX)

    def _part(self, page: Page, section_id: str, letter: str, title: str, groups: list[Group],
              guidance: list[Markup] | None = None) -> Part:
        return Part(f"{section_id}.{letter}", f"cl-{part_anchor(page, letter)}", self.text(title), self.bookmark(title),
                    groups, guidance or [])

    def _chapter(self, page: Page, chapter: Chapter, items: list[Item]) -> Section:
        titles = question_part_titles(chapter, self.labels)
        specific = self.entries([i for i in items if i.part == "D"])
        groups, start = [], 0
        for group in chapter.specific_questions:
            members = specific[start:start + len(group.questions)]
            start += len(group.questions)
            groups.append(Group(self.text(group.heading) if group.heading else None, members))
        key = [Group(None, self.entries([i for i in items if i.part == "C"]))]
        parts = [self._part(page, page.numeral, "C", titles["C"], key),
                 self._part(page, page.numeral, "D", titles["D"], groups)]
        return self._section(page, page.numeral, self.strings.checklist, parts)

    def _paper(self, page: Page, paper: Paper, items: list[Item]) -> Section:
        """A paper's questions for discussion, one group per theme."""
        doc, parts = page.document.id, []
        entries = self.entries(items)
        for section in (s for s in paper.sections if s.themes):
            groups = []
            for theme in section.themes:
                groups.append(Group(self.text(theme.title), entries[:len(theme.questions)]))
                entries = entries[len(theme.questions):]
            parts.append(self._part(page, doc, QUESTIONS, f"{section.n}. {section.title}", groups))
        return self._section(page, doc, self.strings.checklist, parts)

    def _annex(self, page: Page, annex: Annex, items: list[Item]) -> Section:
        parts = []
        for section in annex.sections:
            members = self.entries([i for i in items if i.part == section.letter])
            guidance = [self.text(paragraph) for paragraph in section.overview.split("\n\n") if paragraph.strip()]
            parts.append(self._part(page, ANNEX_ID, section.letter, f"{section.letter}. {section.title}",
                                    [Group(None, members)] if members else [], guidance))
        return self._section(page, ANNEX_ID, self.strings.annex_form, parts)
