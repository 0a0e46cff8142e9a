"""The references an edition's texts make, checked without rendering them: cross-references to
chapters, questions, boxes and the annex (:mod:`tiptoolkit.xref`), and citations of Working
Group reports through the correspondence table (:mod:`tiptoolkit.wg`); and what the texts
contain, against the markup rules (:func:`tiptoolkit.markup.refusals`).

`texts` lists every text of an edition with its place and what it may contain; the renderer
renders exactly these texts (tests/test_xref.py keeps the two the same)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import wg
from .edition import Edition, Page
from .errors import Problem
from .markup import CITE, refusals, unmarked
from .xref import Context, Resolver


@dataclass(frozen=True)
class Text:
    """One text of the content, where it is."""

    raw: str
    ctx: Context
    links: bool = True  # its “chapitre V” or “annexe” are ours (not in a citation of another work)
    note: bool = False  # an editor's note: it may name a symbol without `cite:` (one the source got wrong)
    prose: bool = False  # a prose field, rendered as Markdown blocks: paragraphs, lists, sub-headings, links


class Citations:
    """Citations `[as printed](cite:SYMBOL#locator)`, resolved through the correspondence table;
    problems go to the resolver's."""

    def __init__(self, edition: Edition, resolver: Resolver):
        self.edition, self.resolver = edition, resolver
        self.table, _ = wg.citations(edition.root)
        self.slug_of = {page.document.id: page.slug for page in edition.pages if page.document}

    def unmarked(self, text: str, ctx: Context) -> None:
        for symbol in unmarked(text):
            self.resolver.problem(ctx, symbol, f"“{symbol}” is cited without a `cite:` link",
                                  f"write it as `[{symbol}, par. N](cite:{symbol}#par.N)` (see {wg.CITATIONS})")

    def resolve(self, match: re.Match, ctx: Context) -> wg.Target | None:
        """Where a citation leads: a target with the ID of an existing item or meeting, or one
        flagged as unresolved (no ID); None, with the problem reported, if the table is wrong."""
        target = wg.resolve(self.table, match["symbol"], match["loc"])
        cited = wg.cited(match["symbol"], match["loc"])
        if target is None:
            self.resolver.problem(ctx, match["text"], f"the citation `{cited}` has no row in {wg.CITATIONS}",
                                  "add a row: `cited`, its `target` (or `target: null` with a `flag`) and a `note` "
                                  "saying how you established it")
            return None
        if target.id is None:
            return target
        doc = target.id.split(".")[0]
        if doc not in self.slug_of or (self.edition.item(target.id) is None and target.id.count(".") > 1):
            self.resolver.problem(ctx, match["text"], f"the citation `{cited}` leads to `{target.id}`, which does "
                                  f"not exist", f"correct its row in {wg.CITATIONS} or the citation")
            return None
        return target


def texts(edition: Edition) -> Iterator[Text]:
    """Every text of the edition that the site renders, with its place."""
    for page in edition.pages:
        content = page.content
        for item in (i for i in edition.items if i.page == page.slug):
            ctx = Context(page, item.part, item.id)
            yield Text(item.text, ctx)
            if item.editor_note:
                yield Text(item.editor_note, ctx, note=True)
            yield from (Text(text, ctx) for text in (item.note, item.after) if text)
        yield from _page_texts(page, content)
        for number, text in getattr(content, "footnotes", {}).items():
            yield Text(text, Context(page, None, f"footnote {number}"), links=False)


def _page_texts(page: Page, content: object) -> Iterator[Text]:
    """The texts of a page outside its numbered items."""
    at = lambda name: Context(page, None, name)  # noqa: E731
    if page.kind == "chapter":
        yield Text(content.overview, at("overview"), prose=True)
        yield Text(content.resources.intro, at("resources.intro"), prose=True)
        box = content.resources.box
        yield from (Text(entry, at(f"box {box.number}"), links=False) for s in box.sections for entry in s.entries)
        yield from (Text(note, at(place), links=False, note=True) for place, note in content.editor_notes.items())
    elif page.kind == "prose":
        if content.preamble:
            yield Text(content.preamble, at("preamble"), prose=True)
        yield from (Text(s.body, at(f"section {s.letter}"), prose=True) for s in content.sections)
    elif page.kind == "annex":
        yield from (Text(s.overview, at(f"section {s.letter}"), prose=True) for s in content.sections)
    elif page.kind == "recommendations":
        doc = page.document.id
        yield from (Text(m.preamble, at(f"{doc}.{m.n}"), prose=True) for m in content.meetings if m.preamble)
    elif page.kind == "paper":
        doc = page.document.id
        if content.summary:
            yield Text(content.summary, at("summary"), prose=True)
        for section in content.sections:
            for paragraph in [*section.paragraphs, *(p for sub in section.subsections for p in sub.paragraphs)]:
                if paragraph.n is None:  # a block without a number: quoted text, not items
                    yield Text(paragraph.text, at(doc), prose=True)
                    yield from (Text(text, at(doc)) for text in _quoted(paragraph.items))
                    if paragraph.after:
                        yield Text(paragraph.after, at(doc), prose=True)
                    if paragraph.editor_note:
                        yield Text(paragraph.editor_note, at(doc), note=True)


def _quoted(items: list) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _quoted(getattr(item, "items", None) or [])


@lru_cache(maxsize=8)  # per loaded edition: a live reload checks again only the edition it reloaded
def problems(edition: Edition) -> list[Problem]:
    """Every reference of the edition's texts that leads nowhere, each with file, line and fix
    (the list is shared: never change it)."""
    resolver = Resolver(edition)
    citations = Citations(edition, resolver)
    for text in texts(edition):
        escaped = html.escape(text.raw, quote=False)  # as the renderer reads it
        if not text.note:
            citations.unmarked(escaped, text.ctx)
        plain = CITE.sub(lambda match: (citations.resolve(match, text.ctx), match["text"])[1], escaped)
        if text.links and not text.ctx.page.document:
            resolver.link(plain, text.ctx)
    return resolver.problems


@lru_cache(maxsize=8)  # per loaded edition, as `problems`
def refused(edition: Edition) -> list[Problem]:
    """Everything the edition's texts contain that a text may not (:func:`tiptoolkit.markup.refusals`),
    each with file, line and fix (the list is shared: never change it)."""
    resolver = Resolver(edition)
    for text in texts(edition):
        for refusal in refusals(text.raw, text.prose):
            resolver.problem(text.ctx, refusal.phrase, refusal.what, refusal.fix)
    return resolver.problems
