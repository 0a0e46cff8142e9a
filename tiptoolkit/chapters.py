"""The toolkit's own content files, `chapters/<lang>/*.yml`: which files make an edition, in
reading order, and their pages and items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .edition import ANNEX, INTRODUCTION, KINDS, PROSE_CHAPTERS, Page
from .errors import ContentError, Problem
from .items import Collector
from .loader import describe, line_of, load_model
from .numbering import expected, from_roman


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


def read_pages(collector: Collector, root: Path, lang: str) -> tuple[list[Page], dict[int, Page], list[Problem]]:
    """The toolkit's pages of one language, their items collected by `collector`; the resource
    boxes by number; the problems found (ContentError if the files themselves are wrong)."""
    files = chapter_files(root, lang)
    pages: list[Page] = []
    footnote_numbers: list[tuple[int, Page]] = []
    for path in files:
        kind = "annex" if path.stem == ANNEX else "prose" if path.stem in PROSE_CHAPTERS else "chapter"
        try:
            content, node = load_model(path, KINDS[kind], root)
        except ContentError as exc:
            collector.problems += exc.problems
            continue
        numeral = path.stem.upper() if path.stem not in (INTRODUCTION, ANNEX) else None
        page = Page(path.stem, path, kind, content, numeral, node)
        pages.append(page)
        footnote_numbers += [(n, page) for n in collector.page(page, node)]
    problems = list(collector.problems)
    boxes = [(page.content.resources.box.number, page) for page in pages if page.is_chapter]
    # Edition-wide numbering, unless a file could not be read or a footnote is already reported:
    # its boxes and footnotes would look like gaps.
    if len(pages) == len(files):
        problems += _numbered_across_edition("resource box", "resource boxes", boxes, "`resources.box.number`",
                                             lambda n: ("resources", "box", "number"))
        if not collector.footnote_problems:
            problems += _numbered_across_edition("footnote", "footnotes", footnote_numbers,
                                                 "the footnote (text and `[^N]` reference)",
                                                 lambda n: ("footnotes", str(n)))
    return pages, dict(boxes), problems
