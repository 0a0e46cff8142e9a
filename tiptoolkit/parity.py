"""A translation against the source edition: same structure, same references, and no text
whose French has changed since its translation was last reviewed.

Every translated text is a *unit*, named by its item ID (`IV.D.3.o`, `IV.D.3.o/note`) or, outside
the numbered items, by its page and place (`iv/resources.box.sections[1].entries[3]`).
`content/<lang>/translated-from.yml` records, per unit, a fingerprint of the French text it
translates; `tiptoolkit reviewed UNIT…` records the current one after a translator's review.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import source_files
from .catalog import load_edition
from .edition import ROOT, SOURCE_LANGUAGE, Edition, Page, languages
from .errors import ContentError, Problem
from .loader import files_state, line_of, read_yaml
from .markup import CITE, COUNTRY, FOOTNOTE_REF
from .memo import Memo, page_key
from .xref import PATTERNS

FINGERPRINTS = "translated-from.yml"
NUMBERING_FIELDS = {"n", "number", "letter"}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprints_path(root: Path, lang: str) -> Path:
    return root / "content" / lang / FINGERPRINTS


@dataclass(frozen=True)
class Unit:
    """One translated text and the French it translates."""

    key: str
    page: Page  # the translation's page
    loc: tuple
    source: str
    text: str | None

    @property
    def line(self) -> int | None:
        return line_of(self.page.node, self.loc)


def _walk(source, target, loc: tuple = ()):
    """Pairs (loc, source value, target value) of two content trees, leaves and mismatches."""
    if isinstance(source, dict) and isinstance(target, dict):
        for key in [*source, *(k for k in target if k not in source)]:
            yield from _walk(source.get(key), target.get(key), (*loc, key))
    elif isinstance(source, list) and isinstance(target, list) and len(source) == len(target):
        for index, (a, b) in enumerate(zip(source, target)):
            yield from _walk(a, b, (*loc, index))
    else:
        yield loc, source, target


def _references(lang: str, text: str) -> Counter:
    patterns = PATTERNS[lang]
    found = Counter()
    for kind in ("chapter", "question", "box", "annex"):
        for match in getattr(patterns, kind).finditer(text):
            found[(kind, match.groupdict().get("n"))] += 1
    return found


def _marks(text: str) -> Counter:
    """Footnote references, blanks and citations of Working Group reports (`cite:` targets)."""
    return Counter([*FOOTNOTE_REF.findall(text), *([COUNTRY] * text.count(COUNTRY)),
                    *(f"cite:{m['symbol']}#{m['loc'] or ''}" for m in CITE.finditer(text))])


def compare(source: Edition, target: Edition) -> tuple[list[Unit], list[Problem]]:
    """The translation's units, and every way its structure departs from the source edition."""
    problems: list[Problem] = []
    units: list[Unit] = []
    for page in source.pages:
        translated = target.page(page.slug)
        if translated is None:
            folder = page.file.parent.parent / target.lang
            problems.append(Problem(folder / page.file.name, "(whole file)", "this file has no translation",
                                    f"translate {page.file.name} into {folder / page.file.name}, with the same structure"))
            continue
        (french, french_values), (other, other_values) = page_key(page), page_key(translated)
        page_units, page_problems = _compared(
            (*french, *other), (source.lang, target.lang, *french_values, *other_values),
            lambda: _compare_page(source, page, target.lang, translated))
        units += page_units
        problems += page_problems
    for page in target.pages:
        if source.page(page.slug) is None:
            problems.append(Problem(page.file, "(whole file)", "there is no French file for this page",
                                    "remove it, or add the French source first"))
    return units, problems


_compared = Memo(size=256)  # page pairs of two editions, and of the copies tests build


def _compare_page(source: Edition, page: Page, lang: str, translated: Page) -> tuple[list[Unit], list[Problem]]:
    """One page against its translation into `lang` (the lists are shared: never change them)."""
    problems: list[Problem] = []
    units: list[Unit] = []

    def problem(loc: tuple, item: str, what: str, fix: str) -> None:
        problems.append(Problem(translated.file, item, what, fix, line=line_of(translated.node, loc)))

    for loc, french, other in _walk(page.content.model_dump(), translated.content.model_dump()):
        field = loc[-1] if loc else None
        key = source.unit_name(page.slug, loc)
        if isinstance(french, list) and isinstance(other, list):
            problem(loc, key, f"{len(other)} entries where the French has {len(french)}",
                    f"translate each entry of {page.file} once, in the same order")
        elif french is None or isinstance(french, (int, bool)) or field in NUMBERING_FIELDS:
            if french != other:
                problem(loc, key, f"`{other}` where the French has `{french}`",
                        f"write `{french}`, as in {page.file}: numbering and structure follow the French")
        elif not isinstance(other, str) or not other.strip():
            problem(loc[:-1] if other is None else loc, key, "the translation is missing",
                    f"translate the French text: “{french[:80]}”")
        else:
            units.append(Unit(key, translated, loc, french, other))
            if _marks(french) != _marks(other):
                problem(loc, key, "footnote markers, {country} or `cite:` links differ from the French "
                        f"({sorted(_marks(french).elements())} vs {sorted(_marks(other).elements())})",
                        "keep every [^N], {country} and `cite:` target of the French text, once each")
            if not page.document and _references(source.lang, french) != _references(lang, other):
                problem(loc, key, "its cross-references differ from the French "
                        f"({dict(_references(source.lang, french))} vs {dict(_references(lang, other))})",
                        "refer to the same chapters, questions, boxes and annex as the French, in this "
                        "language's wording (e.g. “chapter V”, “question 6”, “box 3”, “the annex”)")
    return units, problems


def stale(units: list[Unit], recorded: dict[str, str], lang: str, root: Path) -> list[Problem]:
    """Translated texts whose French changed since their review, and reviews of texts that are gone."""
    problems = []
    for unit in (u for u in units if recorded.get(u.key) != fingerprint(u.source)):
        what = ("the French text has changed since this translation was reviewed" if unit.key in recorded
                else "no review of this translation is recorded")
        problems.append(Problem(unit.page.file, unit.key, what,
                                f"compare with the French, update the translation, then run "
                                f"`make reviewed EDITION={lang} UNITS='{unit.key}'`", line=unit.line))
    orphans = sorted(recorded.keys() - {u.key for u in units})
    if orphans:
        problems.append(Problem(fingerprints_path(root, lang), ", ".join(orphans[:5]) + (" …" if len(orphans) > 5 else ""),
                                f"{len(orphans)} recorded units no longer exist",
                                f"run `make reviewed EDITION={lang}` (with no units it only removes these)"))
    return problems


def read_fingerprints(root: Path, lang: str) -> dict[str, str]:
    """The recorded fingerprints of a translation (read again only when the file changed: the
    dict is shared, never change it)."""
    path = fingerprints_path(root, lang)
    return _fingerprints(path, root, files_state(path)) if path.exists() else {}


@lru_cache(maxsize=4)
def _fingerprints(path: Path, root: Path, state: tuple) -> dict[str, str]:
    data, _ = read_yaml(path, source_files.read(path, root))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ContentError([Problem(path, "(whole file)", "expected `unit: fingerprint` lines",
                                    f"restore it with git, or run `make reviewed EDITION={path.parent.name}`")])
    return data


def translation_problems(root: Path = ROOT) -> list[Problem]:
    """Every problem of every translation against the source edition (run by every check and build)."""
    problems: list[Problem] = []
    for lang in languages(root):
        if lang != SOURCE_LANGUAGE:
            try:
                units, structure = compare(load_edition(SOURCE_LANGUAGE, root), load_edition(lang, root))
                problems += (structure or _no_record(root, lang)
                             or stale(units, read_fingerprints(root, lang), lang, root))
            except ContentError as exc:
                problems += exc.problems
    return problems


def _no_record(root: Path, lang: str) -> list[Problem]:
    """Without its record of reviews, every text of a translation would be reported: one problem says why."""
    path = fingerprints_path(root, lang)
    if path.exists():
        return []
    return [Problem(path, "(whole file)", f"this file is missing: it records, for each {lang} text, the French "
                    "text it was last reviewed against",
                    f"restore it (`git checkout -- {path.relative_to(root).as_posix()}`); only if every {lang} text "
                    "has just been reviewed against the current French, record them all instead: "
                    f"`make reviewed EDITION={lang} UNITS=--all`")]


def mark_reviewed(lang: str, keys: list[str], root: Path = ROOT, everything: bool = False) -> list[str]:
    """Record the current French fingerprint of the given units (of all with `everything`);
    drop recorded units that no longer exist. Returns the units marked."""
    units, structure = compare(load_edition(SOURCE_LANGUAGE, root), load_edition(lang, root))
    if structure:
        raise ContentError(structure)
    by_key = {u.key: u for u in units}
    unknown = [k for k in keys if k not in by_key]
    if unknown:
        raise ContentError([Problem(fingerprints_path(root, lang), k, "no such unit",
                                    "use a unit named by `make check` (an item ID such as IV.D.3.o, or page/place)")
                            for k in unknown])
    recorded = {k: v for k, v in read_fingerprints(root, lang).items() if k in by_key}
    marked = list(by_key) if everything else keys
    for key in marked:
        recorded[key] = fingerprint(by_key[key].source)
    ordered = {u.key: recorded[u.key] for u in units if u.key in recorded}
    header = (f"# Fingerprint of the French text each {lang} text translates, as last reviewed.\n"
              f"# Written by `make reviewed EDITION={lang} UNITS='…'`; do not edit by hand.\n")
    fingerprints_path(root, lang).write_text(
        header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return marked
