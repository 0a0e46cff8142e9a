"""An edition: every content file of one language, checked, with the stable ID of every item.

IDs follow the printed structure: key question `IV.C.2`, specific question `IV.D.3`,
sub-item `IV.D.3.o`, sub-sub-item `VI.D.6.a.ii`, annex `ANNEX.E.1.a.ii`. The anchor is the
ID in lower case with dashes. Pages are named by their roman numeral (`iv`), plus
`introduction` and `annex`; the chapter list is the set of files in `chapters/<lang>/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, Problem
from .loader import describe, line_of, load_model
from .models import Annex, Chapter, ProseChapter, SiteStrings
from .numbering import STYLE_NAMES, expected, from_roman

ROOT = Path(__file__).resolve().parent.parent
INTRODUCTION = "introduction"
ANNEX = "annex"
PROSE_CHAPTERS = {INTRODUCTION, "i"}
LEVEL_STYLES = ("number", "letter", "roman")  # questions, sub-items, sub-sub-items


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
    source: object = field(compare=False, repr=False)  # the model instance

    @property
    def anchor(self) -> str:
        return anchor_of(self.id)


@dataclass
class Page:
    slug: str
    file: Path
    content: Chapter | ProseChapter | Annex
    numeral: str | None  # `IV` for chapters, None for introduction and annex

    @property
    def is_chapter(self) -> bool:
        return isinstance(self.content, Chapter)


@dataclass
class Edition:
    lang: str
    strings: SiteStrings
    pages: list[Page]
    items: list[Item]
    boxes: dict[int, Page]  # box number -> page that holds it

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def item(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

    def __post_init__(self) -> None:
        self._by_id = {i.id: i for i in self.items}

    @property
    def annex_scales(self) -> dict:
        return self.page(ANNEX).content.scales


SOURCE_LANGUAGE = "fr"


def languages(root: Path = ROOT) -> list[str]:
    """The site's languages: every `content/<lang>/site.yml`, the source language first."""
    found = sorted(p.parent.name for p in (root / "content").glob("*/site.yml"))
    return sorted(found, key=lambda lang: lang != SOURCE_LANGUAGE)


def _page_order(path: Path) -> tuple[int, int]:
    if path.stem == INTRODUCTION:
        return (0, 0)
    if path.stem == ANNEX:
        return (2, 0)
    return (1, from_roman(path.stem) or 0)


def chapter_files(root: Path, lang: str) -> list[Path]:
    """The edition's content files in reading order; unknown file names are errors."""
    folder = root / "chapters" / lang
    if not folder.is_dir():
        raise ContentError([Problem(folder, "(folder)", f"no content folder for language `{lang}`",
                                    f"create {folder} with the edition's chapter files")])
    files, problems = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".yml":
            problems.append(Problem(path, "(file name)", "only `.yml` files belong in this folder",
                                    "rename it to `<roman>.yml`, `introduction.yml` or `annex.yml`, or move it away"))
        elif path.stem not in (INTRODUCTION, ANNEX) and (
            from_roman(path.stem) is None or path.stem != path.stem.lower()
        ):
            problems.append(Problem(path, "(file name)", "a chapter file is named by its roman numeral in lower case",
                                    "rename it, e.g. `iv.yml`"))
        else:
            files.append(path)
    if problems:
        raise ContentError(problems)
    files.sort(key=_page_order)
    numbers = [from_roman(p.stem) for p in files if p.stem not in (INTRODUCTION, ANNEX)]
    for position, number in enumerate(numbers, start=1):
        if number != position:
            raise ContentError([Problem(folder, f"chapter {expected('roman', position).upper()}",
                                        f"chapters must run I, II, III, … without gaps; found "
                                        f"{', '.join(expected('roman', n).upper() for n in numbers)}",
                                        f"add `{expected('roman', position)}.yml` or renumber the files")])
    for required in (INTRODUCTION, ANNEX):
        if not (folder / f"{required}.yml").exists():
            raise ContentError([Problem(folder, required, f"`{required}.yml` is missing",
                                        f"restore {folder / (required + '.yml')}")])
    return files


class _Builder:
    """Walks the models, checks the printed numbering and collects items."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self._root: yaml.Node | None = None
        self._file: Path | None = None

    def problem(self, loc: tuple, item: str, what: str, fix: str) -> None:
        self.problems.append(Problem(self._file, f"{item} ({describe(loc)})", what, fix,
                                     line=line_of(self._root, loc)))

    def sequence(self, entries: list, style: str, start: int, loc: tuple, parent: str) -> list[str]:
        """Check that the `n` of `entries` run in sequence from `start`; return the labels."""
        labels = []
        for offset, entry in enumerate(entries):
            want = expected(style, start + offset)
            got = str(entry.n) if entry.n is not None else None
            where = (*loc, offset, "n")
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
        if any(existing.id == item.id for existing in self.items):
            self.problem(loc, item.id, f"duplicate ID `{item.id}`", "give each item its own number or letter")
        self.items.append(item)

    def questions(self, page: Page, part: str, questions: list, loc: tuple, start: int = 1,
                  heading: str | None = None, prefix: str | None = None, scales: set[str] | None = None) -> int:
        """Collect a list of questions with their sub-items; return the next question number."""
        prefix = prefix or f"{page.numeral}.{part}"
        self._level(page, part, questions, loc, prefix, None, 0, start, heading, scales)
        return start + len(questions)

    def _level(self, page: Page, part: str, entries: list, loc: tuple, prefix: str, parent: str | None,
               depth: int, start: int, heading: str | None, scales: set[str] | None) -> None:
        style = LEVEL_STYLES[depth]
        labels = self.sequence(entries, style, start, loc, parent or prefix)
        for index, (entry, label) in enumerate(zip(entries, labels)):
            item_id = f"{parent or prefix}.{label}"
            item_loc = (*loc, index)
            printed = "" if entry.n is None else (f"{label}." if style == "number" else f"{label})")
            self.add(Item(item_id, page.slug, prefix.split(".")[0], part, parent, heading, printed,
                          entry.text, depth, entry), item_loc)
            self._check_scale(entry, item_loc, item_id, scales)
            if depth + 1 < len(LEVEL_STYLES):
                self._level(page, part, entry.items, (*item_loc, "items"), prefix, item_id, depth + 1, 1,
                            heading, scales)

    def _check_scale(self, entry: object, loc: tuple, item_id: str, scales: set[str] | None) -> None:
        scale = getattr(entry, "scale", None)
        if scale is not None and scales is not None and scale not in scales:
            self.problem((*loc, "scale"), item_id, f"unknown scale `{scale}`",
                         f"use one of the scales defined under `scales:` ({', '.join(sorted(scales))})")

    def footnotes(self, page: Page, texts: list[tuple[str, tuple]], defined: dict[int, str]) -> list[int]:
        used: list[int] = []
        for text, loc in texts:
            for match in re.finditer(r"\[\^([^\]]*)\]", text):
                label = match.group(1)
                if not label.isdigit() or int(label) not in defined:
                    self.problem(loc, f"footnote [^{label}]", "this footnote reference has no text",
                                 f"add `{label}: \"…\"` under `footnotes:` or correct the number")
                else:
                    used.append(int(label))
        for number in sorted({n for n in used if used.count(n) > 1}):
            self.problem(("footnotes", number), f"footnote {number}", "this footnote is referenced more than once",
                         f"keep `[^{number}]` only where its number is printed")
        for number in defined:
            if number not in used:
                self.problem(("footnotes", number), f"footnote {number}", "this footnote is never referenced",
                             f"put `[^{number}]` where its number is printed, or remove it")
        return used

    def page(self, page: Page, root: yaml.Node | None) -> list[int]:
        self._root, self._file = root, page.file
        content = page.content
        texts: list[tuple[str, tuple]] = []
        if isinstance(content, Chapter):
            self.questions(page, "C", content.key_questions, ("key_questions",))
            number = 1
            for g_index, group in enumerate(content.specific_questions):
                number = self.questions(page, "D", group.questions, ("specific_questions", g_index, "questions"),
                                        start=number, heading=group.heading)
            texts += [(content.overview, ("overview",)), (content.resources.intro, ("resources", "intro"))]
            for s_index, section in enumerate(content.resources.box.sections):
                texts += [(entry, ("resources", "box", "sections", s_index, "entries", e_index))
                          for e_index, entry in enumerate(section.entries)]
        elif isinstance(content, ProseChapter):
            self._section_letters(content.sections, "sections")
            if content.preamble:
                texts.append((content.preamble, ("preamble",)))
            texts += [(s.body, ("sections", i, "body")) for i, s in enumerate(content.sections)]
        else:
            self._section_letters(content.sections, "sections")
            scales = set(content.scales)
            for s_index, section in enumerate(content.sections):
                self.questions(page, section.letter, section.questions, ("sections", s_index, "questions"),
                               prefix=f"ANNEX.{section.letter}", scales=scales)
                texts.append((section.overview, ("sections", s_index, "overview")))
        texts += [(i.text, ()) for i in self.items if i.page == page.slug]
        texts += [(i.source.after, ()) for i in self.items if i.page == page.slug and getattr(i.source, "after", None)]
        texts += [(i.source.note, ()) for i in self.items if i.page == page.slug and getattr(i.source, "note", None)]
        return self.footnotes(page, texts, content.footnotes if hasattr(content, "footnotes") else {})

    def _section_letters(self, sections: list, loc: str) -> None:
        for index, section in enumerate(sections):
            want = chr(ord("A") + index)
            if section.letter != want:
                self.problem((loc, index, "letter"), f"section {section.letter}",
                             f"expected section letter `{want}`, found `{section.letter}`: sections run A, B, C, …",
                             f"set `letter: {want}` and reletter the following sections")


def _numbered_across_edition(kind: str, numbered: list[tuple[int, Page]], what: str) -> list[Problem]:
    """Boxes and footnotes keep their printed numbers: each once, 1, 2, 3 … across the edition."""
    problems: list[Problem] = []
    seen: dict[int, Page] = {}
    for number, page in numbered:
        if number in seen and seen[number] is not page:
            problems.append(Problem(page.file, f"{kind} {number}", f"{kind} {number} is also in {seen[number].file.name}",
                                    f"{kind}s are numbered once across the whole edition; use the printed number"))
        seen[number] = page
    for position, number in enumerate(sorted(seen), start=1):
        if number != position:
            problems.append(Problem(seen[number].file, f"{kind} {number}",
                                    f"{kind}s must run 1, 2, 3, … across the edition; expected {position}",
                                    f"renumber {what} as {position}"))
            break
    return problems


def load_edition(lang: str, root: Path = ROOT) -> Edition:
    """Load and check every content file of one language; raise ContentError listing all problems."""
    strings_path = root / "content" / lang / "site.yml"
    problems: list[Problem] = []
    try:
        strings, _ = load_model(strings_path, SiteStrings)
    except ContentError as exc:
        problems += exc.problems
        strings = None
    except FileNotFoundError:
        problems.append(Problem(strings_path, "(file)", "missing", f"create it with the interface strings of `{lang}`"))
        strings = None
    builder = _Builder()
    pages: list[Page] = []
    footnote_numbers: list[tuple[int, Page]] = []
    for path in chapter_files(root, lang):
        model = Annex if path.stem == ANNEX else ProseChapter if path.stem in PROSE_CHAPTERS else Chapter
        try:
            content, node = load_model(path, model)
        except ContentError as exc:
            problems += exc.problems
            continue
        numeral = path.stem.upper() if path.stem not in (INTRODUCTION, ANNEX) else None
        page = Page(path.stem, path, content, numeral)
        pages.append(page)
        footnote_numbers += [(n, page) for n in builder.page(page, node)]
    problems += builder.problems
    boxes = [(page.content.resources.box.number, page) for page in pages if page.is_chapter]
    problems += _numbered_across_edition("resource box", boxes, "`resources.box.number`")
    problems += _numbered_across_edition("footnote", footnote_numbers, "the footnote (text and `[^N]` reference)")
    if problems:
        raise ContentError(problems)
    return Edition(lang, strings, pages, builder.items, dict(boxes))
