"""Natural-language cross-references ("voir le chapitre V", "à la question 6", "l’encadré 1",
"dans l’annexe") turned into Markdown links, so that MkDocs validates them like any link.

Each language has its own phrase patterns; a reference to something that does not exist
is an error naming the file, the item and the phrase.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from .edition import ANNEX, ANNEX_ID, Edition, Page, anchor_of
from .errors import Problem
from .loader import line_of
from .numbering import from_roman, to_roman

APOSTROPHE = "[’']"
ROMAN_LETTERS = "[IVXLCDMivxlcdm]+"


@dataclass(frozen=True)
class Patterns:
    """The phrases of one language; each pattern's `ref` group becomes the link text."""

    chapter: re.Pattern  # group n: roman numeral
    chapter_loose: re.Pattern  # what reads as a chapter reference in any case: an error where `chapter` does not match
    question: re.Pattern  # group n: question number
    box: re.Pattern  # group n: box number
    annex: re.Pattern
    chapter_arabic: re.Pattern  # a chapter cited by an arabic number: always an error
    chapter_word: str  # for the fixes the errors suggest
    question_phrase: str
    question_rephrased: str


PATTERNS = {
    "fr": Patterns(
        chapter=re.compile(r"\b(?:[Ll]e|[Aa]u|[Dd]u) (?P<ref>chapitre (?P<n>[IVXLC]+))\b"),
        chapter_loose=re.compile(rf"\b(?:[Ll]e|[Aa]u|[Dd]u) (?P<ref>(?i:chapitre) (?P<n>{ROMAN_LETTERS}))(?![\w-])"),
        question=re.compile(r"\b(?:[Ll]a|à la) (?P<ref>question (?P<n>\d+))\b"),
        box=re.compile(rf"\b[Ll]{APOSTROPHE}(?P<ref>encadré (?P<n>\d+))\b"),
        annex=re.compile(rf"\b[Ll]{APOSTROPHE}(?P<ref>annexe)\b"),
        chapter_arabic=re.compile(r"\b[Vv]oir (?:aussi )?(?:le )?(?P<ref>chapitre (?P<n>\d+))\b"),
        chapter_word="chapitre", question_phrase="la question N", question_rephrased="la troisième question clef",
    ),
    "en": Patterns(
        chapter=re.compile(r"\b(?P<ref>[Cc]hapter (?P<n>[IVXLC]+))\b"),
        chapter_loose=re.compile(rf"\b(?P<ref>(?i:chapter) (?P<n>{ROMAN_LETTERS}))(?![\w-])"),
        question=re.compile(r"\b(?P<ref>[Qq]uestion (?P<n>\d+))\b"),
        box=re.compile(r"\b(?P<ref>[Bb]ox (?P<n>\d+))\b"),
        annex=re.compile(r"\b[Tt]he (?P<ref>[Aa]nnex)\b"),
        chapter_arabic=re.compile(r"\b[Ss]ee (?:also )?(?P<ref>chapter (?P<n>\d+))\b"),
        chapter_word="chapter", question_phrase="question N", question_rephrased="the third key question",
    ),
}


@dataclass(frozen=True)
class Context:
    """Where a text sits: its page, its part (`C`, `D`, or None outside questions), and for errors its item."""

    page: Page
    part: str | None
    item: str


class Resolver:
    """Rewrites references in texts of one edition; collects problems instead of stopping at the first."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.patterns = PATTERNS[edition.lang]
        self.problems: list[Problem] = []

    def href(self, page_slug: str, anchor: str | None, here: Page) -> str:
        """A Markdown link target from page `here` to a page, or to an anchor on it."""
        fragment = f"#{anchor}" if anchor else ""
        return fragment if page_slug == here.slug and anchor else f"{page_slug}.md{fragment}"

    def _fail(self, ctx: Context, phrase: str, why: str, fix: str) -> None:
        self.problem(ctx, phrase, f"reference “{phrase}”: {why}", fix)

    def problem(self, ctx: Context, phrase: str, what: str, fix: str) -> None:
        """A problem of the text at `ctx`, with the line where `phrase` is written."""
        self.problems.append(Problem(ctx.page.file, ctx.item, what, fix, line=self._line(ctx, html.unescape(phrase))))

    def _line(self, ctx: Context, phrase: str) -> int | None:
        """The line of the file where `phrase` is written, found from the context's item:
        a question's ID, or the field names the renderer uses (`overview`, `section B`, …)."""
        page, item = ctx.page, self.edition.item(ctx.item)
        if item is not None and item.page == page.slug:
            fields = [name for name, text in item.texts().items() if phrase in text]
            return line_of(page.node, (*item.loc, (fields or ["text"])[0]), phrase)
        section = re.fullmatch(r"section ([A-Z])", ctx.item)
        footnote = re.fullmatch(r"footnote (\d+)", ctx.item)
        if section:
            sections = getattr(page.content, "sections", [])
            index = next((i for i, s in enumerate(sections) if s.letter == section[1]), None)
            field = "overview" if page.slug == ANNEX else "body"
            loc = ("sections", index, field) if index is not None else ()
        elif footnote:
            loc = ("footnotes", int(footnote[1]))
        elif re.fullmatch(r"[a-z_]+(\.[a-z_]+)*", ctx.item):
            loc = tuple(ctx.item.split("."))
        else:  # a box entry, a paper's paragraph without a number: where the phrase is first written
            text = getattr(page.node, "text", "")
            return text.count("\n", 0, text.find(phrase)) + 1 if phrase in text else None
        return line_of(page.node, loc, phrase)

    def link(self, text: str, ctx: Context) -> str:
        """Return `text` with every reference it makes replaced by a Markdown link."""
        for match in self.patterns.chapter_arabic.finditer(text):
            self._fail(ctx, match.group(0), "chapters are cited by their roman numeral",
                       f"write the chapter number in roman numerals, e.g. “{self.patterns.chapter_word} "
                       f"{_roman_of(match.group('n'))}”")
        for match in self.patterns.chapter_loose.finditer(text):
            self._loose_chapter(match, ctx)
        text = self._sub(self.patterns.chapter, text, ctx, self._chapter)
        text = self._sub(self.patterns.question, text, ctx, self._question)
        text = self._sub(self.patterns.box, text, ctx, self._box)
        if ctx.page.slug != ANNEX:
            text = self._sub(self.patterns.annex, text, ctx, lambda m, c: self.href(ANNEX, None, c.page))
        return text

    def _sub(self, pattern: re.Pattern, text: str, ctx: Context,
             target: Callable[[re.Match, Context], str | None]) -> str:
        def replace(match: re.Match) -> str:
            href = target(match, ctx)
            if href is None:
                return match.group(0)
            start, end = match.span("ref")
            whole = match.group(0)
            offset = match.start()
            return f"{whole[: start - offset]}[{match.group('ref')}]({href}){whole[end - offset:]}"

        return pattern.sub(replace, text)

    def _chapter(self, match: re.Match, ctx: Context) -> str | None:
        numeral = match.group("n")
        value = from_roman(numeral)
        page = self.edition.page(numeral.lower()) if value else None
        if page is None:
            last = [p.numeral for p in self.edition.pages if p.numeral][-1]
            self._fail(ctx, match.group(0), f"there is no chapter {numeral} (chapters run I to {last})",
                       f"correct the chapter number (I to {last}), as printed in the source")
            return None
        return self.href(page.slug, None, ctx.page)

    def _loose_chapter(self, match: re.Match, ctx: Context) -> None:
        """A chapter reference not written as the `chapter` pattern reads it (“voir le chapitre
        xii”, “le Chapitre IIII”, “see chapter xii”) would link nowhere: an error, unless its
        “numeral” is an ordinary word (“the chapter did”)."""
        if self.patterns.chapter.fullmatch(match[0]):
            return
        numeral = match["n"]
        value = from_roman(numeral)
        if numeral.islower() and value is None:
            return
        last = [p.numeral for p in self.edition.pages if p.numeral][-1]
        word = self.patterns.chapter_word
        if value and self.edition.page(numeral.lower()):
            fix = f"write “{match[0][:match.start('ref') - match.start()]}{word} {numeral.upper()}”"
        else:
            fix = f"correct the chapter number (I to {last}, in capitals), as printed in the source"
        self._fail(ctx, match[0], f"names no chapter: chapters are cited as “{word} N”, N a roman numeral in capitals "
                   f"from I to {last}", fix)

    def _question(self, match: re.Match, ctx: Context) -> str | None:
        number = match.group("n")
        if ctx.part is None:
            self._fail(ctx, match.group(0), "a question can only be cited from within a list of questions, "
                       "where it means a question of the same list",
                       f"rephrase without “{self.patterns.question_phrase}” "
                       f"(e.g. “{self.patterns.question_rephrased}”), "
                       "or move the sentence into the list of questions")
            return None
        prefix = f"{ANNEX_ID}.{ctx.part}" if ctx.page.slug == ANNEX else f"{ctx.page.numeral}.{ctx.part}"
        item = self.edition.item(f"{prefix}.{number}")
        if item is None:
            self._fail(ctx, match.group(0), f"there is no question {prefix}.{number}",
                       f"correct the question number: “{self.patterns.question_phrase}” means question "
                       f"{prefix}.N of the same list")
            return None
        return self.href(item.page, item.anchor, ctx.page)

    def _box(self, match: re.Match, ctx: Context) -> str | None:
        number = int(match.group("n"))
        page = self.edition.boxes.get(number)
        if page is None:
            last = max(self.edition.boxes)
            self._fail(ctx, match.group(0), f"there is no box {number} (boxes run 1 to {last})",
                       f"correct the box number (1 to {last}), as printed in the source")
            return None
        return self.href(page.slug, box_anchor(number), ctx.page)


def _roman_of(digits: str) -> str:
    value = int(digits)
    return to_roman(value).upper() if 0 < value < 4000 else "V"


def box_anchor(number: int) -> str:
    return f"box-{number}"


def part_anchor(page: Page, letter: str) -> str:
    return anchor_of(f"{page.numeral or page.slug.upper()}.{letter}")
