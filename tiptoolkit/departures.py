"""Every departure of the online text from the printed French, on the record: the corrections
(`content/departures.yml`) and the editor's notes on errors kept as printed, collected from the
content (an item's `editor_note`, a paragraph's without a number, a chapter's `editor_notes` on its
box entries and footnotes); their checks and the page “About this edition” (`/<lang>/about/`).

Each is named by an ID that leads to its place on the site: an item's (`II.D.13.e`, `WG.I.2`), a
box's, box section's or box entry's (`box.8`, `box.8.2`, `box.8.2.7`), a footnote's (`II#fn.5`,
`BP2018#fn.13`), a Working Group section's (`BP2018.III`, for a note on a paragraph without a number).
Repaired extraction damage (page headers, hyphenation, stray characters) is not listed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .edition import ROOT, SOURCE_LANGUAGE, Edition, Page, anchor_of
from .errors import Problem, checked
from .loader import line_of, load_required
from .markup import escaped, page_title, plain_text, refusals
from .models import Departures
from .render import Renderer
from .xref import Context, box_anchor

DEPARTURES = Path("content") / "departures.yml"
PAGE_SLUG = "about"


@dataclass(frozen=True)
class Target:
    """What an ID names: its page, its anchor there, and the texts it holds."""

    id: str
    page: Page
    anchor: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """An editor's note of the content, on the target it is about."""

    target: Target
    text: str
    unnumbered: bool = False  # on a paragraph without a number of the section `target`


@lru_cache(maxsize=8)  # per loaded edition
def targets(edition: Edition) -> dict[str, Target]:
    """Every ID a departure may name, in reading order."""
    out = {}
    for page in edition.pages:
        content = page.content
        out.update((i.id, Target(i.id, page, i.anchor, tuple(i.texts().values())))
                   for i in edition.items if i.page == page.slug)
        if page.is_chapter:
            box = content.resources.box
            out[f"box.{box.number}"] = Target(f"box.{box.number}", page, box_anchor(box.number),
                                              tuple(e for s in box.sections for e in s.entries))
            for index, section in enumerate(box.sections, start=1):
                anchor = f"{box_anchor(box.number)}-s{index}" if section.title else box_anchor(box.number)
                place = f"box.{box.number}.{index}"
                out[place] = Target(place, page, anchor, tuple(section.entries))
                out.update((f"{place}.{n}", Target(f"{place}.{n}", page, anchor, (entry,)))
                           for n, entry in enumerate(section.entries, start=1))
        if page.document and page.kind == "paper":
            out.update((f"{page.id}.{s.n}", Target(f"{page.id}.{s.n}", page, anchor_of(f"{page.id}.{s.n}"), ()))
                       for s in content.sections)
        out.update((f"{page.id}#fn.{n}", Target(f"{page.id}#fn.{n}", page, f"fn-{n}", (text,)))
                   for n, text in getattr(content, "footnotes", {}).items())
    return out


def notes(edition: Edition) -> list[Note]:
    """Every editor's note of the edition's content, in reading order."""
    found = targets(edition)
    out = []
    for page in edition.pages:
        out += [Note(found[i.id], i.editor_note) for i in edition.items if i.page == page.slug and i.editor_note]
        if page.is_chapter:
            out += [Note(found[place], note) for place, note in page.content.editor_notes.items()]
        if page.document and page.kind == "paper":
            out += [Note(found[f"{page.id}.{s.n}"], p.editor_note, unnumbered=True) for s in page.content.sections
                    for p in [*s.paragraphs, *(p for sub in s.subsections for p in sub.paragraphs)]
                    if p.n is None and p.editor_note]
    return out


def load_departures(root: Path = ROOT) -> tuple[Departures, object]:
    return load_required(root, DEPARTURES, Departures)


def _same(text: str) -> str:
    """A text as compared with another: its words without markup, whatever its spaces (`after` is in the
    house style, as the content it is found in)."""
    return re.sub(r"\s+", "", plain_text(text, ""))


def problems(departures: Departures, node, edition: Edition, root: Path = ROOT) -> list[Problem]:
    """IDs that name nothing, corrections whose `after` the item no longer holds (in the source
    edition), reasons missing in the edition's language, texts with markup no text may contain, and
    chapters' editor's notes on places they do not have."""
    path, found, out = root / DEPARTURES, targets(edition), []
    for index, entry in enumerate(departures.corrections):
        name, at = f"corrections[{index}] ({entry.id})", lambda *loc: line_of(node, ("corrections", index, *loc))
        target = found.get(entry.id)
        if target is None:
            out.append(Problem(path, name, f"`{entry.id}` is no item, box, box section, box entry or footnote of the "
                               f"{edition.lang} edition", "name an item by its ID (`II.D.13.e`), a box entry as "
                               "`box.<box>.<section>.<entry>` (`box.8.2.7`), a box section as `box.<box>.<section>`, "
                               "a footnote as `<page>#fn.<n>` (`II#fn.5`, `BP2018#fn.13`)", line=at("id")))
        elif edition.lang == SOURCE_LANGUAGE and entry.after and not any(
                _same(entry.after) in _same(text) for text in target.texts):
            out.append(Problem(path, name, f"{entry.id} does not contain the `after` text “{entry.after[:80]}”",
                               f"write in `after` the words of {entry.id} as published now, or remove the entry if "
                               "the correction was undone", line=at("after")))
        if edition.lang not in entry.why:
            out.append(Problem(path, name, f"`why` has no `{edition.lang}` text",
                               f"add `{edition.lang}: \"…\"` under `why:`", line=at("why")))
        texts = {"before": entry.before, "after": entry.after, "why": entry.why.get(edition.lang)}
        out += [Problem(path, name, refusal.what, refusal.fix, line=at(field))
                for field, text in texts.items() if text for refusal in refusals(text, prose=False)]
    for page in (p for p in edition.pages if p.is_chapter):
        for place in page.content.editor_notes:
            target = found.get(place)
            if target is None or target.page is not page:  # its form (an entry, a footnote): the model's
                out.append(Problem(page.file, f"editor_notes ({place})", f"`{place}` is no box entry or footnote of "
                                   "this chapter", "key the note by one of this chapter's box entries "
                                   f"(`box.<box>.<section>.<entry>`) or footnotes (`{page.id}#fn.<n>`)",
                                   line=line_of(page.node, ("editor_notes", place))))
    return out


def check(edition: Edition, root: Path = ROOT) -> Departures:
    """The corrections, checked against an edition; ContentError lists every problem."""
    departures, node = load_departures(root)
    return checked(departures, problems(departures, node, edition, root))


def markdown(departures: Departures, edition: Edition) -> str:
    """The page “About this edition” of one edition: the corrections, then the editor's notes."""
    strings, renderer = edition.strings.about, Renderer(edition)
    found = targets(edition)

    def term(target: Target, where: str = "") -> str:  # the ID linked to its place, then the page it is on
        return (f'<dt markdown="span">[{target.id}]({target.page.slug}.md#{target.anchor}){where} '
                f"<small>{escaped(page_title(target.page, edition.strings.labels))}</small></dt>")

    def text(raw: str, target: Target) -> str:
        return renderer.text(raw, Context(target.page, None, target.id), links=False, note=True)

    def french(raw: str) -> str:  # an excerpt of the French text, without markup
        return f'<span lang="{SOURCE_LANGUAGE}">{escaped(plain_text(raw, edition.strings.labels.country))}</span>'

    out = ["---", f"title: {json.dumps(escaped(strings.title), ensure_ascii=False)}", "---", "",
           f"# {escaped(strings.title)} {{#{PAGE_SLUG}}}", "", escaped(strings.intro), "",
           f"## {escaped(strings.corrections)} {{#{PAGE_SLUG}-corrections}}", "",
           escaped(strings.corrections_intro), "",
           '<dl class="tk-departures" markdown="1">']
    for entry in departures.corrections:
        target = found[entry.id]
        out += [term(target), '<dd markdown="1">']
        if entry.before:
            out += [f'<p markdown="span"><strong>{escaped(strings.printed)}:</strong> {french(entry.before)}</p>',
                    f'<p markdown="span"><strong>{escaped(strings.published)}:</strong> {french(entry.after)}</p>']
        out += [f'<p markdown="span"><strong>{escaped(strings.why)}:</strong> '
                f"{text(entry.why[edition.lang], target)}</p>", "</dd>"]
    out += ["</dl>", "", f"## {escaped(strings.notes)} {{#{PAGE_SLUG}-notes}}", "", escaped(strings.notes_intro), "",
            '<dl class="tk-departures" markdown="1">']
    for note in notes(edition):
        where = f" ({escaped(strings.unnumbered)})" if note.unnumbered else ""
        out += [term(note.target, where),
                f'<dd markdown="span" class="tk-editor-note">{text(note.text, note.target)}</dd>']
    return "\n".join([*out, "</dl>", ""])
