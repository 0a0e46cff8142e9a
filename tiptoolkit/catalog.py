"""An edition: every content file of one language, checked, with the stable ID of every item.

IDs follow the printed structure: key question `IV.C.2`, specific question `IV.D.3`,
sub-item `IV.D.3.o`, sub-sub-item `VI.D.6.a.ii`, annex `ANNEX.E.1.a.ii`. The anchor is the
ID in lower case with dashes. Pages are named by their roman numeral (`iv`), plus
`introduction` and `annex`; the chapter list is the set of files in `chapters/<lang>/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, Problem
from .loader import describe, files_state, line_of, load_model
from .models import Annex, Chapter, CompanionDocument, ProseChapter, SiteStrings
from .numbering import STYLE_NAMES, expected, from_roman

ROOT = Path(__file__).resolve().parent.parent
INTRODUCTION = "introduction"
ANNEX = "annex"
ANNEX_ID = "ANNEX"  # the annex's place in IDs: `ANNEX.E.1.a.ii`
PROSE_CHAPTERS = {INTRODUCTION, "i"}
LEVEL_STYLES = ("number", "letter", "roman")  # questions, sub-items, sub-sub-items
ITEM_TEXTS = ("text", "note", "after", "editor_note")  # the text fields an item's source may have


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
    loc: tuple = field(default=(), compare=False, repr=False)  # where it is in its file, e.g. ('key_questions', 2)
    kind: str = "question"  # toolkit `question`; Working Group `recommendation`, `paragraph`, `discussion-question`

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
    content: Chapter | ProseChapter | Annex
    numeral: str | None  # `IV` for chapters, None for introduction and annex
    node: yaml.Node | None = field(default=None, compare=False, repr=False)  # the parsed file, for line numbers
    document: CompanionDocument | None = None  # for a Working Group document: its entry in the register

    @property
    def is_chapter(self) -> bool:
        return isinstance(self.content, Chapter)


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


def languages(root: Path = ROOT) -> list[str]:
    """The site's languages: every `content/<lang>/site.yml` and every `chapters/<lang>/`,
    the source language first (a language with only one of the two is reported by the checks)."""
    found = {p.parent.name for p in (root / "content").glob("*/site.yml")}
    found |= {p.name for p in (root / "chapters").glob("*") if p.is_dir()}
    return sorted(sorted(found), key=lambda lang: lang != SOURCE_LANGUAGE)


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
        if path.name.startswith(".") or path.name.endswith("~"):
            continue  # editors' swap and backup files, .DS_Store
        if path.suffix != ".yml":
            problems.append(Problem(path, "(file name)", "only `.yml` files belong in this folder",
                                    "rename it to `<roman>.yml`, `introduction.yml` or `annex.yml`, or move it away"))
        elif path.stem not in (INTRODUCTION, ANNEX) and (
            from_roman(path.stem) is None or path.stem != path.stem.lower()
        ):
            hint = f"`{path.stem.lower()}.yml`" if from_roman(path.stem) else "e.g. `iv.yml` for chapter IV"
            problems.append(Problem(path, "(file name)", "a chapter file is named by its roman numeral in lower case",
                                    f"rename it: {hint}"))
        else:
            files.append(path)
    if problems:
        raise ContentError(problems)
    files.sort(key=_page_order)
    numbers = [from_roman(p.stem) for p in files if p.stem not in (INTRODUCTION, ANNEX)]
    for position, number in enumerate(numbers, start=1):
        if number != position:
            name = f"{expected('roman', position)}.yml"
            problems.append(Problem(folder / name, f"chapter {expected('roman', position).upper()}",
                                    f"this chapter file is missing: chapters must run I, II, III, … without gaps; "
                                    f"found {', '.join(expected('roman', n).upper() for n in numbers)}",
                                    f"restore it (e.g. `git checkout -- {(folder / name).relative_to(root)}`) "
                                    "or rename the following files"))
            break
    for required in (INTRODUCTION, ANNEX):
        if not (folder / f"{required}.yml").exists():
            problems.append(Problem(folder / f"{required}.yml", required, "this file is missing",
                                    f"restore it (e.g. `git checkout -- {(folder / required).relative_to(root)}.yml`)"))
    if problems:
        raise ContentError(problems)
    return files


class _Builder:
    """Walks the models, checks the printed numbering and collects items."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self._root: yaml.Node | None = None
        self._file: Path | None = None
        self._duplicates: set[str] = set()  # IDs given twice
        self._duplicate_lists: set[tuple] = set()  # lists where one duplicate was reported
        self.footnote_problems = 0

    def problem(self, loc: tuple, item: str | None, what: str, fix: str, needle: str | None = None) -> None:
        """One problem at `loc` of the current file; `item` names it (an ID) besides its field path."""
        label = f"{item} ({describe(loc)})" if item else describe(loc)
        self.problems.append(Problem(self._file, label, what, fix, line=line_of(self._root, loc, needle)))

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
        """Collect an item; a duplicate ID is reported once per list (its sub-items and the
        following entries of a misnumbered list repeat IDs too: one report says it)."""
        first = next((existing for existing in self.items if existing.id == item.id), None)
        if first is not None:
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
                      paragraph, loc, "paragraph"), loc)
        self._level(page, part, paragraph.items, (*loc, "items"), item_id, item_id, 1, 1, heading, None, "paragraph")

    def question(self, page: Page, question: object, loc: tuple, item_id: str, label: str, theme: str) -> None:
        """A question for discussion of a Working Group paper."""
        self.add(Item(item_id, page.slug, page.document.id, item_id.split(".")[1], None, theme, label,
                      question.text, 0, question, loc, "discussion-question"), loc)

    def _level(self, page: Page, part: str, entries: list, loc: tuple, prefix: str, parent: str | None,
               depth: int, start: int, heading: str | None, scales: set[str] | None, kind: str = "question") -> None:
        style = LEVEL_STYLES[depth]
        labels = self.sequence(entries, style, start, loc, parent or prefix)
        for index, (entry, label) in enumerate(zip(entries, labels)):
            item_id = f"{parent or prefix}.{label}"
            item_loc = (*loc, index)
            printed = "" if entry.n is None else (f"{label}." if style == "number" else f"{label})")
            self.add(Item(item_id, page.slug, prefix.split(".")[0], part, parent, heading, printed,
                          entry.text, depth, entry, item_loc, kind), item_loc)
            self._check_scale(entry, item_loc, item_id, scales)
            if depth + 1 < len(LEVEL_STYLES):
                self._level(page, part, entry.items, (*item_loc, "items"), prefix, item_id, depth + 1, 1,
                            heading, scales, kind)

    def _check_scale(self, entry: object, loc: tuple, item_id: str, scales: set[str] | None) -> None:
        scale = getattr(entry, "scale", None)
        if scale is not None and scales is not None and scale not in scales:
            self.problem((*loc, "scale"), item_id, f"unknown scale `{scale}`",
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
        if isinstance(content, Chapter):
            self.questions(page, "C", content.key_questions, ("key_questions",))
            number = 1
            for g_index, group in enumerate(content.specific_questions):
                number = self.questions(page, "D", group.questions, ("specific_questions", g_index, "questions"),
                                        start=number, heading=group.heading)
            texts += [(content.overview, ("overview",), None), (content.resources.intro, ("resources", "intro"), None)]
            for s_index, section in enumerate(content.resources.box.sections):
                texts += [(entry, ("resources", "box", "sections", s_index, "entries", e_index), None)
                          for e_index, entry in enumerate(section.entries)]
        elif isinstance(content, ProseChapter):
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
        return [(getattr(item.source, name), (*item.loc, name), item.id)
                for item in self.items if item.page == page.slug
                for name in ITEM_TEXTS if getattr(item.source, name, None)]

    def _section_letters(self, sections: list, loc: str) -> None:
        for index, section in enumerate(sections):
            want = chr(ord("A") + index)
            if section.letter != want:
                self.problem((loc, index, "letter"), f"section {section.letter}",
                             f"expected section letter `{want}`, found `{section.letter}`: sections run A, B, C, …",
                             f"set `letter: {want}` and reletter the following sections")


def _numbered_across_edition(kind: str, plural: str, numbered: list[tuple[int, Page]], what: str,
                             where: Callable[[int], tuple]) -> list[Problem]:
    """Boxes and footnotes keep their printed numbers: each once, 1, 2, 3 … across the edition.
    `where(number)` is the location of a number in its file, for the line."""
    problems: list[Problem] = []
    seen: dict[int, Page] = {}
    for number, page in numbered:
        if number in seen and seen[number] is not page:
            problems.append(Problem(page.file, f"{kind} {number} ({describe(where(number))})",
                                    f"{kind} {number} is also in {seen[number].file.name}",
                                    f"{plural} are numbered once across the whole edition; use the printed number",
                                    line=line_of(page.node, where(number))))
        seen[number] = page
    for position, number in enumerate(sorted(seen), start=1):
        if number != position:
            page = seen[number]
            problems.append(Problem(page.file, f"{kind} {number} ({describe(where(number))})",
                                    f"{plural} must run 1, 2, 3, … across the edition; expected {position}, "
                                    f"found {number}", f"renumber {what} as {position}",
                                    line=line_of(page.node, where(number))))
            break
    return problems


_loaded: dict[tuple[str, Path], tuple[tuple, Edition]] = {}


def forget_loaded() -> None:
    """Empty the cache of loaded editions (the benchmark times cold builds)."""
    _loaded.clear()


def _signature(lang: str, root: Path) -> tuple:
    """The state of every file an edition is made from (a translation depends on the source too)."""
    return files_state(root / "content" / lang, root / "chapters" / lang, root / "chapters" / SOURCE_LANGUAGE,
                       root / "content" / SOURCE_LANGUAGE / "wg", root / "content" / "wg")


def load_edition(lang: str, root: Path = ROOT) -> Edition:
    """Load and check every content file of one language; raise ContentError listing all problems.

    A build asks for each edition several times (checks, each MkDocs build, the root page):
    it is loaded again only when one of its files changed."""
    key, signature = (lang, root.resolve()), _signature(lang, root)
    if key in _loaded and _loaded[key][0] == signature:
        return _loaded[key][1]
    edition = _load_edition(lang, root)
    _loaded[key] = (signature, edition)
    return edition


def editions(root: Path = ROOT) -> dict[str, Edition]:
    """Every edition, by language, the source language first."""
    return {lang: load_edition(lang, root) for lang in languages(root)}


def _load_edition(lang: str, root: Path) -> Edition:
    strings_path = root / "content" / lang / "site.yml"
    problems: list[Problem] = []
    try:
        strings, _ = load_model(strings_path, SiteStrings)
    except ContentError as exc:
        problems += exc.problems
        strings = None
    except FileNotFoundError:
        problems.append(Problem(strings_path, "(whole file)", f"the interface strings of `{lang}` are missing",
                                f"restore it (e.g. `git checkout -- {strings_path.relative_to(root)}`) or create it "
                                "following content/schema/site.schema.json"))
        strings = None
    builder = _Builder()
    pages: list[Page] = []
    footnote_numbers: list[tuple[int, Page]] = []
    try:
        files = chapter_files(root, lang)
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    for path in files:
        model = Annex if path.stem == ANNEX else ProseChapter if path.stem in PROSE_CHAPTERS else Chapter
        try:
            content, node = load_model(path, model)
        except ContentError as exc:
            problems += exc.problems
            continue
        numeral = path.stem.upper() if path.stem not in (INTRODUCTION, ANNEX) else None
        page = Page(path.stem, path, content, numeral, node)
        pages.append(page)
        footnote_numbers += [(n, page) for n in builder.page(page, node)]
    problems += builder.problems
    reported = len(builder.problems)
    boxes = [(page.content.resources.box.number, page) for page in pages if page.is_chapter]
    # Edition-wide numbering, unless a file could not be read or a footnote is already reported:
    # its boxes and footnotes would look like gaps.
    if len(pages) == len(files):
        problems += _numbered_across_edition("resource box", "resource boxes", boxes, "`resources.box.number`",
                                             lambda n: ("resources", "box", "number"))
        if not builder.footnote_problems:
            problems += _numbered_across_edition("footnote", "footnotes", footnote_numbers,
                                                 "the footnote (text and `[^N]` reference)",
                                                 lambda n: ("footnotes", str(n)))
    from . import wg  # the Working Group documents build on this module
    pages += wg.load_pages(builder, root, lang)
    problems += builder.problems[reported:]
    if problems:
        raise ContentError(problems)
    edition = Edition(lang, strings, pages, builder.items, dict(boxes), root)
    problems = wg.table_problems(root, edition)
    if problems:
        raise ContentError(problems)
    return edition
