"""The markup rules of content texts, in one place for everything that reads them (the site's
pages, the checklists, the exports and the checks): footnote markers `[^N]`, the country blank
`{country}`, citations of Working Group reports `[as printed](cite:SYMBOL#par.N)`; what else a
text may contain (`refusals`); how a text reads as plain text, how interface strings and titles
go into Markdown and HTML, how a page and its question parts are named, and where an item's
short permalink is.

What a text may contain: plain text, `[^N]`, `{country}`, `cite:` citations and emphasis
(`*…*`, `_…_`); in prose fields (overviews, sections, paragraphs without a number: the texts
rendered as Markdown blocks) also paragraphs, `- ` lists, `### ` sub-headings and links to
`https://` addresses and to the site's own pages (`iv.md#iv-c-1`); addresses of other sites
written in angle brackets (`<https://…>`, shown as text). Nothing else: no other link or
scheme, no image, attribute list (`{: …}`, `{#id}`), HTML tag, link definition or other heading.
The check refuses each with its fix; the renderer makes the same constructs inert (`inert`) in
case one gets past it. No value of any content file may hold a control or bidirectional
character: the loader refuses them (`loader.INVISIBLE`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from .edition import ANNEX, Page
from .models import Chapter, Labels

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
COUNTRY = "{country}"
SYMBOL = r"CTOC/COP/WG\.4/\d{4}/\d+"  # a Working Group report or paper
CITE = re.compile(rf"\[(?P<text>[^\[\]]+)\]\(cite:(?P<symbol>{SYMBOL})(?:#(?P<loc>[^)\s]+))?\)")
BARE_SYMBOL = re.compile(SYMBOL)
PERMALINKS = "q"  # the short permalinks' folder, at the site root


TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<![A-Za-z\[]|<\?")
AUTOLINK = re.compile(r"<(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):[^\s<>]*>")
AUTOLINK_SCHEMES = ("http", "https")  # `<http://…>`: shown as text (the renderer escapes `<`), as footnotes give them
ATTRIBUTES = re.compile(r"\{(?!country\})[^{}\n]*\}")  # Python-Markdown's attr_list: any `{…}` but the blank
DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]*\]:", re.MULTILINE)  # `[ref]: url`
HEADING = re.compile(r"^(?P<prefix>[ \t]*(?:(?:[-*+>]|\d+[.)])[ \t]+)*)(?P<marks>#+)(?P<rest>[^\n]*)", re.MULTILINE)
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+[^\n]*", re.MULTILINE)
UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE)  # makes the line above a heading
DESTINATION = re.compile(r"\s*<?(?P<url>(?:[^\s<>()]|\([^\s<>()]*\))*)")  # parentheses may nest once
OWN_PAGE = re.compile(r"(?:[a-z0-9][a-z0-9-]*\.md)?(?:#[a-z0-9][a-z0-9-]*)?")  # `iv.md`, `iv.md#iv-c-1`, `#box-3`
SAFE_URL = "https://"
# What the constructs above start with: a text with neither is plain (most are, and the check reads thousands).
SUSPECT_CHARACTERS = re.compile(r"[<{]|\][(:]")
SUSPECT_LINES = re.compile(r"^[ \t]*(?:[-*+>#=]|\d+[.)])", re.MULTILINE)


@dataclass(frozen=True)
class Link:
    """A Markdown link or image `[text](url…` in a text: where its `[` and its `](` are."""

    start: int  # its `[` (its `!` for an image is just before)
    middle: int  # its `](`
    end: int  # after its URL and the `)` that follows it
    url: str
    image: bool
    cited: bool  # a citation `[as printed](cite:…)`

    def allowed(self, prose: bool) -> bool:
        """Whether a text may contain it: a citation anywhere, a link to an `https://` address or
        to one of the site's pages in prose."""
        if self.cited:
            return True
        if not prose or self.image or not self.url:
            return False
        return (self.url.startswith(SAFE_URL) and len(self.url) > len(SAFE_URL)) or bool(OWN_PAGE.fullmatch(self.url))


def links(text: str) -> Iterator[Link]:
    """Every Markdown link and image of a text, as Python-Markdown finds them: a `](` after a
    `[` that it closes (brackets nest)."""
    for middle in (m.start() for m in re.finditer(r"\]\(", text)):
        depth, start = 0, None
        for index in range(middle - 1, -1, -1):
            if text[index] == "]":
                depth += 1
            elif text[index] == "[":
                if depth == 0:
                    start = index
                    break
                depth -= 1
        if start is None:
            continue
        cite = CITE.match(text, start)
        destination = DESTINATION.match(text, middle + 2)
        end = destination.end() + (text[destination.end():destination.end() + 1] == ")")
        yield Link(start, middle, end, destination["url"], image=text[start - 1:start] == "!",
                   cited=bool(cite) and cite.end("text") == middle)


@dataclass(frozen=True)
class Refusal:
    """Something a text may not contain: the phrase as written, what is wrong, the fix."""

    phrase: str
    what: str
    fix: str


def refusals(raw: str, prose: bool) -> list[Refusal]:
    """Everything in a content text that a text may not contain (see the module's docstring);
    `prose`: the text is a prose field."""
    if not (SUSPECT_CHARACTERS.search(raw) or SUSPECT_LINES.search(raw)):
        return []
    out = [_link(raw, link, prose) for link in links(raw) if not link.allowed(prose)]
    out += [Refusal(m[0], f"the address “{m[0]}”: only `https://` and `http://` addresses may be written in angle "
                    "brackets", "remove it, or write the `https://` address of the page")
            for m in AUTOLINK.finditer(raw) if m["scheme"] not in AUTOLINK_SCHEMES]
    out += [Refusal(m[0], f"the HTML tag “{m[0]}”: a text cannot contain HTML (it would be shown as written)",
                    "remove the tag; write emphasis as `*text*`") for m in TAG.finditer(raw)]
    out += [Refusal(m[0], f"the attribute list “{m[0]}”: a text cannot set ids, classes or attributes",
                    "remove it: every page, part, box and question has its anchor already, and `{country}` is the "
                    "only word written in braces") for m in ATTRIBUTES.finditer(raw)]
    out += [Refusal(m[0], f"the link definition “{m[0]}”: a text cannot define links", "remove it")
            for m in DEFINITION.finditer(raw)]
    out += [_heading(m, prose) for m in HEADING.finditer(raw) if not _subheading(m, prose)]
    out += [Refusal(m[0], f"the line “{m[0]}” makes the line above it a heading or a rule",
                    "remove it; a sub-heading is written `### Title`, in a prose field") for m in UNDERLINE.finditer(raw)]
    if not prose:
        out += [Refusal(m[0], f"the list item “{_short(m[0])}”: lists are allowed only in prose fields (overviews, "
                        "sections)", "write the entries in the sentence, or as sub-items (`items:`)")
                for m in LIST_ITEM.finditer(raw)]
    return out


def _link(raw: str, link: Link, prose: bool) -> Refusal:
    phrase = raw[link.start - link.image:link.end]
    if link.url.startswith("cite:"):
        return Refusal(phrase, f"the citation “{_short(phrase)}” names no Working Group report",
                       "write it as `[as printed](cite:CTOC/COP/WG.4/2010/6#par.20)`")
    if link.image:
        return Refusal(phrase, f"the image “{_short(phrase)}”: a text cannot show images",
                       "remove it: the site shows no image from a text, and loads nothing from another site")
    where = ("a link may lead only to an `https://` address or to a page of the site" if prose else
             "links are allowed only in prose fields (overviews, sections, paragraphs without a number), and there "
             "only to an `https://` address or a page of the site")
    return Refusal(phrase, f"the link “{_short(phrase)}” leads to `{_short(link.url)}`: {where}",
                   "keep its text without the link; cross-references (“voir le chapitre V”) become links by "
                   "themselves, and Working Group reports are cited with `cite:`")


def _subheading(match: re.Match, prose: bool) -> bool:
    """Whether a line that starts like a heading is a sub-heading a text may have."""
    return prose and not match["prefix"] and match["marks"] == "###" and match["rest"].startswith(" ")


def _heading(match: re.Match, prose: bool) -> Refusal:
    phrase = match[0].strip()
    if prose:
        return Refusal(phrase, f"the heading “{_short(phrase)}”: a prose field has only sub-headings, written `### ` "
                       "at the start of a line", "start the line with `### ` (three # and a space)")
    return Refusal(phrase, f"the heading “{_short(phrase)}”: headings are allowed only in prose fields (overviews, "
                   "sections)", "write it as text, without `#`")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})


def inert(text: str, prose: bool) -> str:
    """A content text already escaped as HTML, with what `refusals` refuses made inert for
    Markdown (the check stops it first; this is the second line): braces make no attribute list,
    images and refused links stay text, no line defines a link or makes a heading (which would
    get an id of its own)."""
    edits: dict[int, tuple[int, str]] = {}  # position -> (characters replaced, replacement)
    for link in links(text):
        if link.image:
            edits[link.start - 1] = (1, "&#33;")
        if not link.allowed(prose):
            edits[link.middle] = (2, "]&#40;")
    out, done = [], 0
    for position in sorted(edits):
        length, replacement = edits[position]
        out += [text[done:position], replacement]
        done = position + length
    text = "".join([*out, text[done:]]).translate(_BRACES)
    text = DEFINITION.sub(lambda m: m[0][:-1] + "&#58;", text)
    text = HEADING.sub(lambda m: m[0] if _subheading(m, prose) else m["prefix"] + "&#35;" + m[0][len(m["prefix"]) + 1:],
                       text)
    return UNDERLINE.sub(lambda m: re.sub("[=-]", lambda c: f"&#{ord(c[0])};", m[0], count=1), text)


def escaped(text: str) -> str:
    """An interface string or a title as text in Markdown or HTML: escaped as HTML, and no link,
    image or attribute list can form from it."""
    return html.escape(text, quote=False).translate(_BRACKETS)


def for_theme(value):
    """Interface strings for the theme's templates, which MkDocs renders without autoescaping:
    a string, or a navigation (`{title: path}`, `{section: [...]}`) whose titles are, escaped
    once as Markup, so that a template's own `| e` leaves them as they are."""
    if isinstance(value, list):
        return [for_theme(entry) for entry in value]
    if isinstance(value, dict):
        return {for_theme(key): for_theme(item) if isinstance(item, list) else item for key, item in value.items()}
    return Markup.escape(value)


def unmarked(text: str) -> list[str]:
    """Symbols of Working Group documents written without a `cite:` link."""
    return BARE_SYMBOL.findall(CITE.sub("", text))


@lru_cache(maxsize=32768)  # every item of both editions, read by the exports and the permalinks at every build
def plain_text(raw: str, country: str) -> str:
    """A content text with no markup, on one line: footnote markers dropped, citations reduced
    to their printed text, the blank spelt out."""
    text = CITE.sub(lambda m: m["text"], FOOTNOTE_REF.sub("", raw)).replace(COUNTRY, f"[{country}]")
    return re.sub(r"\s*\n\s*", " ", text.strip())


def page_title(page: Page, labels: Labels) -> str:
    """How a page is named, as a content text: `IV. Title`, `Annexe: Title`, or its title."""
    if page.slug == ANNEX:
        return f"{labels.annex}: {page.content.title}"
    if page.numeral:
        return f"{page.numeral}. {page.content.title}"
    return page.content.title


def question_part_titles(chapter: Chapter, labels: Labels) -> dict[str, str]:
    """The headings of a chapter's question parts: `C. Key questions` (singular for a single
    question) and `D. Specific questions`."""
    key = labels.key_question if len(chapter.key_questions) == 1 else labels.key_questions
    return {"C": f"C. {key}", "D": f"D. {labels.specific_questions}"}


def permalink_path(anchor: str) -> str:
    """The short permalink of an item, relative to the site root: `q/iv-d-3-o/`."""
    return f"{PERMALINKS}/{anchor}/"


def quoted(text: str) -> str:
    """A text as a double-quoted string of YAML front matter or CSS (the same escapes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
