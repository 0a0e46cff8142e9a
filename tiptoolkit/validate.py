"""Everything the content must satisfy before a build: each edition on its own (models,
numbering, IDs, what the texts contain, references), then each translation against the source
edition."""

from __future__ import annotations

from pathlib import Path

from . import citation, references, style
from .catalog import load_edition
from .checklist import load_publication
from .departures import check as check_departures
from .edition import ROOT, languages
from .errors import ContentError, Problem
from .glossary import load_glossary, missing_languages, wrong_variants
from .parity import translation_problems
from .resources import check as check_resources


def validate(root: Path = ROOT) -> list[str]:
    """Raise ContentError listing every problem; otherwise return one summary line per language."""
    problems: list[Problem] = []
    summary = []
    if not languages(root):
        problems.append(Problem(root / "content", "(folder)", f"no edition found under {root}",
                                "run from the project folder or pass `--root <project folder>`; an edition is "
                                "`content/<lang>/site.yml` with `chapters/<lang>/*.yml`"))
    for lang in languages(root):
        try:
            edition = load_edition(lang, root)
            problems += references.refused(edition)
            problems += references.problems(edition)
            check_resources(edition, root)
            check_departures(edition, root)
            summary.append(f"{lang}: {len(edition.pages)} pages, {len(edition.items)} numbered items")
        except ContentError as exc:
            problems += exc.problems
    try:
        load_publication(root)
    except ContentError as exc:
        problems += exc.problems
    problems += citation.problems(languages(root), root)
    try:
        glossary = load_glossary(root)
        problems += missing_languages(glossary, languages(root), root)
    except ContentError as exc:
        problems += exc.problems
        glossary = None
    if not problems:  # translations, terms and the house style are checked only in editions that load
        problems += translation_problems(root)
        for lang in languages(root):
            problems += wrong_variants(glossary, load_edition(lang, root))
            problems += style.problems(load_edition(lang, root))
        problems += style.shared_problems(root)
    if problems:
        raise ContentError(problems)
    return summary
