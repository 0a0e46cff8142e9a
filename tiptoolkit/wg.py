"""The Working Group documents published with the toolkit: their pages and items in an
edition, the checks of their numbering, and their citations of Working Group reports.

IDs: recommendation `WG.IV.46.j.ii` (meeting, number, letter, roman numeral); paper paragraph
`BP2018.11` and its sub-item `BP2018.11.a`; question for discussion `BP2019.Q.3.g` (theme 3,
question g) or, where the paper letters none, `BP2018.Q.3.2` (theme 3, second question); a
theme of questions `BP2019.Q.3`; a meeting `WG.IV`. The documents and their ID prefixes are
listed once, in `content/wg/documents.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .edition import KINDS, Page
from .errors import ContentError, Problem
from .items import Collector
from .loader import line_of, load_model, load_required
from .models import (
    Citations,
    CompanionDocument,
    Paper,
    Recommendations,
    Register,
    Themes,
)
from .numbering import expected, from_roman

REGISTER = Path("content") / "wg" / "documents.yml"
CITATIONS = Path("content") / "wg" / "citations.yml"
THEMES = Path("content") / "wg" / "themes.yml"
FOLDER = "wg"  # content/<lang>/wg/<slug>.yml
QUESTIONS = "Q"  # the questions' place in IDs: `BP2019.Q.3.g`



def register(root: Path) -> Register:
    """`content/wg/documents.yml`, checked: slugs and ID prefixes once each, reports in meeting order."""
    register, node = load_required(root, REGISTER, Register)
    problems = []
    for field, values in (("slug", [d.slug for d in register.documents]), ("id", [d.id for d in register.documents])):
        for index, value in enumerate(values):
            if value in values[:index]:
                problems.append(Problem(root / REGISTER, f"documents[{index}].{field}", f"`{value}` is given twice",
                                        f"give each document its own {field}",
                                        line=line_of(node, ("documents", index, field))))
    for index, report in enumerate(register.reports):
        if report.meeting != expected("roman", index + 1).upper():
            problems.append(Problem(root / REGISTER, f"reports[{index}]", f"expected meeting "
                                    f"{expected('roman', index + 1).upper()}, found {report.meeting}",
                                    "list the reports in meeting order, I, II, III, …",
                                    line=line_of(node, ("reports", index, "meeting"))))
    if problems:
        raise ContentError(problems)
    return register


def document_file(root: Path, lang: str, document: CompanionDocument) -> Path:
    return root / "content" / lang / FOLDER / f"{document.slug}.yml"


def load_pages(collector: Collector, root: Path, lang: str) -> list[Page]:
    """The pages of the companion documents of one language, their items collected by
    `collector`; problems go to `collector.problems`."""
    try:
        documents = register(root).documents
    except ContentError as exc:
        collector.problems += exc.problems
        return []
    pages = []
    for document in documents:
        path = document_file(root, lang, document)
        if not path.exists():
            collector.problems.append(Problem(path, "(whole file)", f"the {lang} text of `{document.slug}` is missing",
                                            f"create it following content/schema/{document.kind}.schema.json "
                                            f"(listed in {REGISTER})"))
            continue
        try:
            content, node = load_model(path, KINDS[document.kind], root)
        except ContentError as exc:
            collector.problems += exc.problems
            continue
        page = Page(document.slug, path, document.kind, content, None, node, document)
        collector.start(page, node)
        texts = _recommendations(collector, page, content) if document.kind == "recommendations" \
            else _paper(collector, page, content)
        numbers = sorted(collector.footnotes(texts + collector.item_texts(page), content.footnotes))
        if numbers and not collector.footnote_problems and numbers != list(range(1, len(numbers) + 1)):
            collector.problem(("footnotes",), None, f"footnotes must run 1, 2, 3, … through the document; found "
                            f"{', '.join(map(str, numbers))}", "number the footnotes as printed, without gaps")
        pages.append(page)
    return pages


def _recommendations(collector: Collector, page: Page, content: Recommendations) -> list:
    doc, texts = page.document.id, []
    for index, meeting in enumerate(content.meetings):
        want = expected("roman", index + 1).upper()
        if meeting.n != want:
            collector.problem(("meetings", index, "n"), f"{doc}.{meeting.n}", f"expected meeting {want}, found "
                            f"{meeting.n}: meetings run I, II, III, … in order", f"set `n: {want}`")
        collector.level(page, meeting.n, meeting.recommendations, ("meetings", index, "recommendations"),
                      f"{doc}.{meeting.n}", kind="recommendation")
        if meeting.preamble:
            texts.append((meeting.preamble, ("meetings", index, "preamble"), f"{doc}.{meeting.n}"))
    return texts


def _paper(collector: Collector, page: Page, content: Paper) -> list:
    doc, texts, number, letters = page.document.id, [], 1, 0
    lettered = {q.n is not None for s in content.sections for t in s.themes for q in t.questions}
    if len(lettered) > 1:
        collector.problem(("sections",), doc, "some questions for discussion have a letter and others none",
                        "letter every question as printed (`n: a`), or none if the paper prints none")
    if content.summary:
        texts.append((content.summary, ("summary",), doc))
    for s_index, section in enumerate(content.sections):
        want = expected("roman", s_index + 1).upper()
        if section.n != want:
            collector.problem(("sections", s_index, "n"), f"{doc} section {section.n}", f"expected section {want}, "
                            f"found {section.n}: sections run I, II, III, …", f"set `n: {want}`")
        blocks = [(section.paragraphs, ("sections", s_index, "paragraphs"), None)]
        blocks += [(sub.paragraphs, ("sections", s_index, "subsections", u_index, "paragraphs"), sub.title)
                   for u_index, sub in enumerate(section.subsections)]
        for paragraphs, loc, heading in blocks:
            for p_index, paragraph in enumerate(paragraphs):
                where = (*loc, p_index)
                if paragraph.n is None:  # e.g. a quoted list: its letters are the quoted text's, not IDs
                    texts += [(paragraph.text, (*where, "text"), doc)]
                    texts += [(text, (*where, "items", i_index, "text"), doc)
                              for i_index, text in enumerate(_texts(paragraph.items))]
                    if paragraph.after:
                        texts.append((paragraph.after, (*where, "after"), doc))
                    continue
                if paragraph.n != number:
                    collector.problem((*where, "n"), f"{doc}.{paragraph.n}", f"expected paragraph {number}, found "
                                    f"{paragraph.n}: paragraphs run 1, 2, 3, … through the document",
                                    f"set `n: {number}` and renumber the following paragraphs")
                collector.paragraph(page, section.n, paragraph, where, f"{doc}.{paragraph.n}", heading)
                number = paragraph.n + 1
    for prefix, s_index, t_index, theme in numbered_themes(doc, content):
        loc = ("sections", s_index, "themes", t_index, "questions")
        if lettered == {True}:
            labels = collector.sequence(theme.questions, "letter", letters + 1, loc, prefix)
            letters += len(theme.questions)
        else:
            labels = [str(position) for position in range(1, len(theme.questions) + 1)]
        for q_index, (question, label) in enumerate(zip(theme.questions, labels)):
            collector.question(page, question, (*loc, q_index), f"{prefix}.{label}",
                             f"{label})" if question.n else "", theme.title)
    return texts


def numbered_themes(doc: str, paper: Paper):
    """(theme ID, section index, theme index, theme) of a paper's question themes: `BP2019.Q.1`, `.Q.2`, …
    numbered through the paper."""
    themes = [(s_index, t_index, theme) for s_index, section in enumerate(paper.sections)
              for t_index, theme in enumerate(section.themes)]
    return [(f"{doc}.{QUESTIONS}.{number}", *entry) for number, entry in enumerate(themes, start=1)]


def _texts(items: list) -> list[str]:
    """The texts of sub-items and their sub-sub-items, in reading order."""
    return [text for item in items for text in (item.text, *_texts(getattr(item, "items", [])))]


# --- citations of Working Group reports --------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a citation leads: an item or meeting ID (None if unresolved) and the table's note."""

    id: str | None
    flag: dict[str, str] | None


def citations(root: Path) -> tuple[Citations, object]:
    return load_required(root, CITATIONS, Citations)


def cited(symbol: str, locator: str | None) -> str:
    """How the table writes a citation: `CTOC/COP/WG.4/2009/2#par.13.e`, or the symbol alone."""
    return f"{symbol}#{locator}" if locator else symbol


def resolve(table: Citations, symbol: str, locator: str | None) -> Target | None:
    """The row for a citation: the row of the symbol with the longest locator that begins the
    cited one (`#par.13` for `#par.13.e`), the rest of the locator kept on the target
    (`WG.I.11` + `.e`); None if no row fits."""
    citation = cited(symbol, locator)
    best = None
    for index, row in enumerate(table.citations):
        fits = citation == row.cited or citation.startswith(row.cited + ("." if "#" in row.cited else "#"))
        if fits and (best is None or len(row.cited) > len(table.citations[best].cited)):
            best = index
    if best is None:
        return None
    row = table.citations[best]
    if row.target is None:
        return Target(None, row.flag)
    rest = citation[len(row.cited):].lstrip(".#")
    if "#" not in row.cited and rest:  # a row for the whole report: the locator is not resolved by it
        return None
    return Target(f"{row.target}.{rest}" if rest else row.target, None)


def table_problems(root: Path, edition) -> list[Problem]:
    """Problems of the citation table and of the thematic mapping against a loaded edition."""
    try:
        return _target_problems(root, edition) + theme_problems(root, edition)
    except ContentError as exc:
        return exc.problems


def _target_problems(root: Path, edition) -> list[Problem]:
    """Rows of the citation table whose target is no item or meeting of the edition."""
    table, node = citations(root)
    known = {item.id for item in edition.items}
    meetings = {f"{p.document.id}.{m.n}" for p in edition.pages if p.document and p.document.kind == "recommendations"
                for m in p.content.meetings}
    return [Problem(root / CITATIONS, f"citations[{index}] ({row.cited})",
                    f"target `{row.target}` is no recommendation, sub-item or meeting",
                    "correct the target (e.g. `WG.I.11`), or set `target: null` with a `flag:`",
                    line=line_of(node, ("citations", index, "target")))
            for index, row in enumerate(table.citations) if row.target and row.target not in known | meetings]


def themes(root: Path) -> tuple[Themes, object]:
    return load_required(root, THEMES, Themes)


def theme_ids(edition) -> dict[str, tuple]:
    """Every theme of questions: ID -> (page, theme title, its question items)."""
    questions: dict[str, list] = {}  # by theme ID: `BP2019.Q.3.g` is of `BP2019.Q.3`
    for item in edition.items:
        if item.kind == "discussion-question":
            questions.setdefault(item.id.rsplit(".", 1)[0], []).append(item)
    return {theme_id: (page, theme.title, questions.get(theme_id, []))
            for page in edition.pages if page.document is not None and page.document.kind == "paper"
            for theme_id, _, _, theme in numbered_themes(page.document.id, page.content)}


def theme_problems(root: Path, edition) -> list[Problem]:
    """Entries of the thematic mapping that name no recommendation, theme or chapter, or repeat one."""
    mapping, node = themes(root)
    recommendations = {i.id for i in edition.items if i.kind == "recommendation" and i.parent is None}
    known = recommendations | set(theme_ids(edition))
    chapters = {p.numeral for p in edition.pages if p.is_chapter}
    problems, seen = [], {}
    for index, entry in enumerate(mapping.entries):
        where = f"entries[{index}] ({entry.item})"
        if entry.item not in known:
            problems.append(Problem(root / THEMES, where, f"`{entry.item}` is no recommendation or theme of questions",
                                    "use a recommendation ID (`WG.II.20`) or a theme ID (`BP2019.Q.3`)",
                                    line=line_of(node, ("entries", index, "item"))))
        if entry.item in seen:
            problems.append(Problem(root / THEMES, where, f"`{entry.item}` is mapped twice (also entries[{seen[entry.item]}])",
                                    "list all its chapters in one entry", line=line_of(node, ("entries", index, "item"))))
        seen.setdefault(entry.item, index)
        for c_index, chapter in enumerate(entry.chapters):
            if chapter not in chapters:
                problems.append(Problem(root / THEMES, where, f"chapter `{chapter}` is not a toolkit chapter with "
                                        f"questions ({', '.join(sorted(chapters, key=from_roman))})",
                                        "name a chapter II–XI by its roman numeral",
                                        line=line_of(node, ("entries", index, "chapters", c_index))))
        if edition.lang not in entry.reason:
            problems.append(Problem(root / THEMES, where, f"the reason has no `{edition.lang}` text",
                                    f"add `{edition.lang}: \"…\"` under `reason:`",
                                    line=line_of(node, ("entries", index, "reason"))))
    return problems
