"""Reading an edition: every content file of one language, the toolkit's and the Working
Group's, checked, with the stable ID of every item (see :mod:`tiptoolkit.edition`)."""

from __future__ import annotations

from pathlib import Path

from . import chapters, source_files, wg
from .edition import ROOT, SOURCE_LANGUAGE, Edition, languages
from .errors import ContentError, Problem
from .items import Collector
from .loader import files_state, load_model
from .models import SiteStrings


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
    it is loaded again only when one of its files changed. First, every time, every file and
    folder of `chapters/` and `content/` is checked to be the project's own
    (:mod:`tiptoolkit.source_files`): a link added there changes none of the edition's files."""
    source_files.check_tree(root, "chapters", "content")
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
        strings, _ = load_model(strings_path, SiteStrings, root)
    except ContentError as exc:
        problems += exc.problems
        strings = None
    except FileNotFoundError:
        problems.append(Problem(strings_path, "(whole file)", f"the interface strings of `{lang}` are missing",
                                f"restore it (e.g. `git checkout -- {strings_path.relative_to(root)}`) or create it "
                                "following content/schema/site.schema.json"))
        strings = None
    collector = Collector()
    try:
        pages, boxes, found = chapters.read_pages(collector, root, lang)
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    problems += found
    reported = len(collector.problems)
    pages += wg.load_pages(collector, root, lang)
    problems += collector.problems[reported:]
    if problems:
        raise ContentError(problems)
    edition = Edition(lang, strings, pages, collector.items, boxes, root)
    problems = wg.table_problems(root, edition)
    if problems:
        raise ContentError(problems)
    return edition
