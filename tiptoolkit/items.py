"""Collecting an edition's numbered items from its content files, with the checks of their
printed numbering (questions 1, 2, 3…, sub-items a), b)…, sub-sub-items i), ii)…), their IDs
and their footnotes; used by both readers, the toolkit's (:mod:`tiptoolkit.chapters`) and the
Working Group's (:mod:`tiptoolkit.wg`)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .edition import ANNEX_ID, Item, Page
from .errors import Problem
from .loader import describe, line_of
from .numbering import STYLE_NAMES, expected, past_the_letters

LEVEL_STYLES = ("number", "letter", "roman")  # questions, sub-items, sub-sub-items
OWN_FIELDS = ("note", "after", "scale", "editor_note")  # an item's fields besides its text, where its model has them


def _own(entry: object) -> dict:
    """The fields of an item that its model may have."""
    return {name: getattr(entry, name, None) for name in OWN_FIELDS}


class Collector:
    """Walks the models of an edition's files, checks their printed numbering and collects their items."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self._root: yaml.Node | None = None
        self._file: Path | None = None
        self._first: dict[str, Item] = {}  # the first item of each ID
        self._duplicates: set[str] = set()  # IDs given twice
        self._duplicate_lists: set[tuple] = set()  # lists where one duplicate was reported
        self.footnote_problems = 0

    def problem(self, loc: tuple, item: str | None, what: str, fix: str, needle: str | None = None) -> None:
        """One problem at `loc` of the current file; `item` names it (an ID) besides its field path."""
        label = f"{item} ({describe(loc)})" if item else describe(loc)
        self.problems.append(Problem(self._file, label, what, fix, line=line_of(self._root, loc, needle)))

    def sequence(self, entries: list, style: str, start: int, loc: tuple, parent: str) -> list[str]:
        """Check that the `n` of `entries` run in sequence from `start`; return the labels (of the
        entries up to z in a lettered list)."""
        labels = []
        for offset, entry in enumerate(entries):
            want = expected(style, start + offset)
            got = str(entry.n) if entry.n is not None else None
            where = (*loc, offset, "n")
            if want is None:
                self.problem(where, f"{parent}, entry {offset + 1}", *past_the_letters(start + offset))
                break
            if got is None:
                if style == "number" and len(entries) == 1 and start == 1:
                    labels.append("1")  # a single unnumbered question is number 1
                    continue
                self.problem(where, f"{parent}, entry {offset + 1}", f"the {STYLE_NAMES[style][:-1]} is missing",
                             f"add `n: {want}`")
                got = want
            elif got != want:
                previous = labels[-1] if labels else None
                if previous == got or got in labels:
                    what = f"`{got}` is repeated"
                else:
                    what = f"expected `{want}`" + (f" after `{previous}`" if previous else " first") + f", found `{got}`"
                self.problem(where, f"{parent}.{got}", f"{what}: {STYLE_NAMES[style]} run from "
                             f"{expected(style, 1)} without gaps or repeats",
                             f"set `n: {want}` here and renumber the following entries")
            labels.append(got)
        return labels

    def add(self, item: Item, loc: tuple) -> None:
        """Collect an item; a duplicate ID is reported once per list (its sub-items and the
        following entries of a misnumbered list repeat IDs too: one report says it)."""
        first = self._first.setdefault(item.id, item)
        if first is not item:
            in_list = (item.page, item.part, item.parent)
            if item.parent not in self._duplicates and in_list not in self._duplicate_lists:
                self.problem(loc, item.id, f"duplicate ID `{item.id}`: {describe(first.loc)} (line "
                             f"{line_of(self._root, first.loc)}) already has it",
                             "give each item its own number or letter, as printed")
                self._duplicate_lists.add(in_list)
            self._duplicates.add(item.id)
        self.items.append(item)

    def questions(self, page: Page, part: str, questions: list, loc: tuple, start: int = 1,
                  heading: str | None = None, prefix: str | None = None, scales: set[str] | None = None) -> int:
        """Collect a list of questions with their sub-items; return the next question number."""
        prefix = prefix or f"{page.numeral}.{part}"
        self._level(page, part, questions, loc, prefix, None, 0, start, heading, scales)
        return start + len(questions)

    def start(self, page: Page, root: yaml.Node | None) -> None:
        """Problems that follow are in this page's file."""
        self._root, self._file = root, page.file

    def level(self, page: Page, part: str, entries: list, loc: tuple, prefix: str, kind: str,
              parent: str | None = None, depth: int = 0) -> None:
        """Collect numbered entries (`n`: numbers, letters or roman numerals by depth) and their sub-items."""
        self._level(page, part, entries, loc, prefix, parent, depth, 1, None, None, kind)

    def paragraph(self, page: Page, part: str, paragraph: object, loc: tuple, item_id: str, heading: str | None) -> None:
        """A numbered paragraph of a Working Group paper, and its sub-items."""
        self.add(Item(item_id, page.slug, page.document.id, part, None, heading, f"{paragraph.n}.", paragraph.text, 0,
                      loc, "paragraph", **_own(paragraph)), loc)
        self._level(page, part, paragraph.items, (*loc, "items"), item_id, item_id, 1, 1, heading, None, "paragraph")

    def question(self, page: Page, question: object, loc: tuple, item_id: str, label: str, theme: str) -> None:
        """A question for discussion of a Working Group paper."""
        self.add(Item(item_id, page.slug, page.document.id, item_id.split(".")[1], None, theme, label,
                      question.text, 0, loc, "discussion-question", **_own(question)), loc)

    def _level(self, page: Page, part: str, entries: list, loc: tuple, prefix: str, parent: str | None,
               depth: int, start: int, heading: str | None, scales: set[str] | None, kind: str = "question") -> None:
        style = LEVEL_STYLES[depth]
        labels = self.sequence(entries, style, start, loc, parent or prefix)
        for index, (entry, label) in enumerate(zip(entries, labels)):
            item_id = f"{parent or prefix}.{label}"
            item_loc = (*loc, index)
            printed = "" if entry.n is None else (f"{label}." if style == "number" else f"{label})")
            item = Item(item_id, page.slug, prefix.split(".")[0], part, parent, heading, printed, entry.text, depth,
                        item_loc, kind, **_own(entry))
            self.add(item, item_loc)
            self._check_scale(item, scales)
            if depth + 1 < len(LEVEL_STYLES):
                self._level(page, part, entry.items, (*item_loc, "items"), prefix, item_id, depth + 1, 1,
                            heading, scales, kind)

    def _check_scale(self, item: Item, scales: set[str] | None) -> None:
        scale = item.scale
        if scale is not None and scales is not None and scale not in scales:
            self.problem((*item.loc, "scale"), item.id, f"unknown scale `{scale}`",
                         f"use one of the scales defined under `scales:` ({', '.join(sorted(scales))})")

    def footnotes(self, texts: list[tuple[str, tuple, str | None]], defined: dict[int, str]) -> list[int]:
        """Check the `[^N]` of `texts` (text, location, item ID) against the file's footnotes;
        return the footnote numbers the file uses (referenced or defined)."""
        first: dict[int, tuple[tuple, str | None]] = {}
        reported = len(self.problems)
        for text, loc, owner in texts:
            for match in re.finditer(r"\[\^([^\]]*)\]", text):
                ref, label = match.group(0), match.group(1)
                if not label.isdigit() or not int(label):
                    self.problem(loc, owner, f"footnote reference `{ref}` is not a footnote number",
                                 "write the footnote number as printed, e.g. `[^5]`", needle=ref)
                elif int(label) not in defined:
                    self.problem(loc, owner, f"footnote reference `{ref}` has no footnote text in this file",
                                 f"add `{label}: \"…\"` under `footnotes:` at the end of the file, "
                                 "or correct the number",
                                 needle=ref)
                elif int(label) in first:
                    where, by = first[int(label)]
                    self.problem(loc, owner, f"footnote `{ref}` is referenced a second time (first in "
                                 f"{by or describe(where)}, line {line_of(self._root, where, ref)}); "
                                 "a footnote is referenced once, where its number is printed",
                                 f"keep `{ref}` only where its number is printed and remove the other one", needle=ref)
                else:
                    first[int(label)] = (loc, owner)
        for number in defined:
            if number not in first:
                self.problem(("footnotes", str(number)), None, f"footnote {number} is never referenced",
                             f"put `[^{number}]` in the text where its number is printed, or remove the footnote")
        self.footnote_problems += len(self.problems) - reported
        return list(dict.fromkeys([*first, *defined]))  # every number the file uses

    def page(self, page: Page, root: yaml.Node | None) -> list[int]:
        self.start(page, root)
        content = page.content
        texts: list[tuple[str, tuple, str | None]] = []
        if page.kind == "chapter":
            self.questions(page, "C", content.key_questions, ("key_questions",))
            number = 1
            for g_index, group in enumerate(content.specific_questions):
                number = self.questions(page, "D", group.questions, ("specific_questions", g_index, "questions"),
                                        start=number, heading=group.heading)
            texts += [(content.overview, ("overview",), None), (content.resources.intro, ("resources", "intro"), None)]
            for s_index, section in enumerate(content.resources.box.sections):
                texts += [(entry, ("resources", "box", "sections", s_index, "entries", e_index), None)
                          for e_index, entry in enumerate(section.entries)]
        elif page.kind == "prose":
            self._section_letters(content.sections, "sections")
            if content.preamble:
                texts.append((content.preamble, ("preamble",), None))
            texts += [(s.body, ("sections", i, "body"), None) for i, s in enumerate(content.sections)]
        else:
            self._section_letters(content.sections, "sections")
            scales = set(content.scales)
            for s_index, section in enumerate(content.sections):
                self.questions(page, section.letter, section.questions, ("sections", s_index, "questions"),
                               prefix=f"{ANNEX_ID}.{section.letter}", scales=scales)
                texts.append((section.overview, ("sections", s_index, "overview"), None))
        return self.footnotes(texts + self.item_texts(page), getattr(content, "footnotes", {}))

    def item_texts(self, page: Page) -> list[tuple[str, tuple, str]]:
        """Every text of the page's items: (text, location, item ID)."""
        return [(text, (*item.loc, name), item.id)
                for item in self.items if item.page == page.slug for name, text in item.texts().items()]

    def _section_letters(self, sections: list, loc: str) -> None:
        for index, section in enumerate(sections):
            want = chr(ord("A") + index)
            if section.letter != want:
                self.problem((loc, index, "letter"), f"section {section.letter}",
                             f"expected section letter `{want}`, found `{section.letter}`: sections run A, B, C, …",
                             f"set `letter: {want}` and reletter the following sections")
