"""The house style (STYLE.md) as data: what a text of each language may not contain, and what to
write instead. `make check` refuses a text that breaks a rule, naming file, line, item, the
phrase and the fix.

Every text of the content is checked: the chapters and the Working Group documents of each
edition, its interface strings (`content/<lang>/site.yml`) and hand-written pages
(`content/<lang>/pages/*.md`), and the texts of the shared files given per language
(`fr:`/`en:`: glossary, resources, the Working Group's themes and citation flags). Nothing is
checked inside code, links' targets (`cite:` too), addresses, HTML tags, macros or attribute
lists, nor in values that are identifiers or a glossary term's wrong variants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import source_files, wg
from .edition import ROOT, Edition, Page, languages
from .errors import Problem
from .glossary import GLOSSARY
from .loader import describe, line_of, load_model, load_required
from .memo import Memo, page_key
from .models import Citations, Glossary, ResourceCatalogue, SiteStrings, Themes
from .resources import RESOURCES

STYLE = "STYLE.md"
_SPACE = "[ \u00a0\u202f\u2009]"  # a space, no-break, narrow no-break or thin


@dataclass(frozen=True)
class Rule:
    """One rule: in which languages, what a text may not contain (`pattern`), what it replaces it
    with (`replacement`, as for `re.sub`) and, in words, what is wrong and why."""

    langs: tuple[str, ...] | None  # None: every language
    pattern: re.Pattern
    replacement: str | Callable[[re.Match], str]
    what: str
    why: str
    in_quotes: bool = True  # False: not inside “…” (a quotation keeps its source's wording)

    def fixed(self, match: re.Match) -> str:
        """What to write instead of the match."""
        return match.expand(self.replacement) if isinstance(self.replacement, str) else self.replacement(match)


RULES = (
    Rule(None, re.compile(rf"(?<=\S){_SPACE}+([?:;!])(?![\w/])"), r"\1",
         "a space before `?`, `:`, `;` or `!`", "no space before ? : ; ! in either language, as the printed toolkit"),
    Rule(None, re.compile(rf"«{_SPACE}*([^«»]*?){_SPACE}*»|«|»"),
         lambda m: f"“{m[1]}”" if m[1] is not None else "“" if m[0] == "«" else "”",
         "guillemets « »", "quotation marks are “ ” in both languages, as the printed toolkit"),
    Rule(None, re.compile(r'"([^"\n]*)"'), r"“\1”",
         "straight quotation marks", "quotation marks are “ ” in both languages"),
    Rule(None, re.compile("'"), "’", "a straight apostrophe `'`", "the apostrophe is ’ (U+2019) in both languages"),
    Rule(None, re.compile(r"\.\.\."), "…", "three full stops", "the ellipsis is one character, …"),
    Rule(("en",), re.compile(r"(?<![\w.])(?:no\.|[Nn][°º]\.?)" + _SPACE + r"?(?=\d)"), "No. ",
         "a number sign other than `No.`", "UN English writes No. before a number", in_quotes=False),
    Rule(("en",), re.compile(r"(?<![\w.])([Pp])ar(s?)\.(?=" + _SPACE + r"?\d)"), r"\1ara\2.",
         "`par.` for a paragraph", "UN English writes para. and paras.", in_quotes=False),
    Rule(("fr",), re.compile(r"(?<![\w.])n[oº]\.?" + _SPACE + r"?(?=\d)"), "n° ",
         "a number sign other than `n°`", "the printed toolkit writes n° before a number", in_quotes=False),
)

# What no rule looks into: code, a link's target (`cite:` too), an address, an HTML tag or comment,
# a macro, an attribute list, a footnote mark.
_PROTECTED = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|https?://[^\s)\]>]+|<!--.*?-->|<[^>\n]*>|\{\{.*?\}\}|\{%.*?%\}"
                        r"|\{:[^}\n]*\}|\{#[^}\n]*\}|\[\^[^\]\n]*\]", re.S)
_QUOTED = re.compile(r"“[^”]*”")
# Values that are identifiers, references or wrong on purpose (a glossary term's wrong variants).
_NOT_TEXT = {"n", "letter", "id", "item", "chapters", "cited_in", "cited", "target", "kind", "scale", "slug",
             "symbol", "meeting", "wrong"}
SHARED = ((GLOSSARY, Glossary), (RESOURCES, ResourceCatalogue), (wg.THEMES, Themes), (wg.CITATIONS, Citations))
PAGES = "pages"  # content/<lang>/pages/: hand-written Markdown


@dataclass(frozen=True)
class Breach:
    """A text that breaks a rule: the first phrase that does, how many do, and the rule."""

    rule: Rule
    phrase: str
    fixed: str
    count: int

    def problem(self, file: Path, item: str, line: int | None) -> Problem:
        more = f" (and {self.count - 1} more in this text)" if self.count > 1 else ""
        return Problem(file, item, f"`{self.phrase}`{more}: {self.rule.what}",
                       f"write `{self.fixed}`: {self.rule.why} ({STYLE})", line=line)


def _words_around(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> tuple[int, int]:
    """The span widened to the words it touches, up to a protected part."""
    stops = {b for _, b in protected}, {a for a, _ in protected}
    while start > 0 and not text[start - 1].isspace() and start not in stops[0]:
        start -= 1
    while end < len(text) and not text[end].isspace() and end not in stops[1]:
        end += 1
    return start, end


def breaches(text: str, lang: str) -> list[Breach]:
    """Every rule of `lang` that `text` breaks outside its protected parts (each once)."""
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    quoted = protected + [m.span() for m in _QUOTED.finditer(text)]
    found = []
    for rule in (r for r in RULES if r.langs is None or lang in r.langs):
        spans = protected if rule.in_quotes else quoted
        matches = [m for m in rule.pattern.finditer(text) if not any(a < m.end() and m.start() < b for a, b in spans)]
        if matches:
            first = matches[0]
            start, end = _words_around(text, *first.span(), protected)
            fixed = text[start:first.start()] + rule.fixed(first) + text[first.end():end]
            found.append(Breach(rule, text[start:end], fixed, len(matches)))
    return found


def _strings(node: yaml.Node | None, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text of a YAML file, with its place, but the identifiers (`_NOT_TEXT`)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        yield loc, node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value not in _NOT_TEXT:
                yield from _strings(value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _strings(value, (*loc, index))


def _file_problems(path: Path, node: yaml.Node | None, lang_of: Callable[[tuple], str | None],
                   item_of: Callable[[tuple], str]) -> list[Problem]:
    return [breach.problem(path, item_of(loc), line_of(node, loc, breach.phrase))
            for loc, text in _strings(node) if (lang := lang_of(loc))
            for breach in breaches(text, lang)]


_per_file = Memo(size=256)  # per loaded file: a live reload checks again only the files it reloaded


def _page_problems(edition: Edition, page: Page) -> list[Problem]:
    objects, values = page_key(page)
    return _per_file((*objects, page.node), ("page", edition.lang, *values),
                     lambda: _file_problems(page.file, page.node, lambda loc: edition.lang,
                                            lambda loc: edition.unit_name(page.slug, loc)))


def _entry_name(node: yaml.Node | None, loc: tuple) -> str:
    """An entry of a shared file by what names it (a term's or resource's `id`, a theme's `item`,
    a citation), else by its place."""
    if len(loc) > 1 and isinstance(node, yaml.MappingNode):
        entries = next((v for k, v in node.value if k.value == loc[0]), None)
        if isinstance(entries, yaml.SequenceNode) and isinstance(loc[1], int):
            entry = entries.value[loc[1]]
            if isinstance(entry, yaml.MappingNode):
                name = next((v.value for k, v in entry.value if k.value in ("id", "item", "cited")), None)
                if name:
                    return name
    return describe(loc)


def _markdown_problems(path: Path, lang: str, root: Path) -> list[Problem]:
    """A hand-written page, line by line (outside front matter and fenced code)."""
    problems, fenced = [], False
    lines = source_files.read(path, root).decode("utf-8").splitlines()
    front = len(lines) > 1 and lines[0] == "---" and "---" in lines[1:]
    end_of_front = lines.index("---", 1) if front else -1
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or number <= end_of_front + 1:
            continue
        problems += [breach.problem(path, f"{PAGES}/{path.stem}", number) for breach in breaches(line, lang)]
    return problems


def problems(edition: Edition) -> list[Problem]:
    """Every text of one edition's own files that breaks the house style."""
    root, lang = edition.root, edition.lang
    found = [p for page in edition.pages for p in _page_problems(edition, page)]
    strings = root / "content" / lang / "site.yml"
    _, node = load_model(strings, SiteStrings, root)
    found += _per_file((node,), ("site", lang), lambda: _file_problems(strings, node, lambda loc: lang, describe))
    for path in sorted((root / "content" / lang / PAGES).glob("*.md")):
        found += _markdown_problems(path, lang, root)
    return found


def shared_problems(root: Path = ROOT) -> list[Problem]:
    """Every text of the shared files, in the language its `fr:`/`en:` key gives (files that
    load: their own checks report the others)."""
    langs, found = set(languages(root)), []
    for relative, model in SHARED:
        _, node = load_required(root, relative, model)
        found += _per_file((node,), ("shared", relative), lambda: _file_problems(
            root / relative, node, lambda loc: next((k for k in reversed(loc) if k in langs), None),
            lambda loc: _entry_name(node, loc)))
    return found
