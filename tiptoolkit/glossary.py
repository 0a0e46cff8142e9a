"""The bilingual glossary (`content/glossary.yml`): its checks and its page.

Where a term is used is found, per language, in the edition's texts (the headword or one of
its forms, with a plural ending); a text that uses one of a term's known wrong variants is an
error naming the file, the item and the right term.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Iterator

from .catalog import ROOT, Edition, Page
from .errors import ContentError, Problem
from .loader import describe, line_of, load_model
from .models import Glossary, Term

GLOSSARY = Path("content") / "glossary.yml"
PAGE_SLUG = "glossary"


def load_glossary(root: Path = ROOT) -> Glossary:
    glossary, node = load_model(root / GLOSSARY, Glossary)
    problems, seen = [], set()
    for index, term in enumerate(glossary.terms):
        if term.id in seen:
            problems.append(Problem(root / GLOSSARY, term.id, "this id is used twice", "give each term its own id",
                                    line=line_of(node, ("terms", index, "id"))))
        seen.add(term.id)
    if problems:
        raise ContentError(problems)
    return glossary


def texts(edition: Edition) -> Iterator[tuple[Page, tuple, str]]:
    """Every text of an edition's content files, with its page and place."""
    def walk(value, loc):
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*loc, index))

    for page in edition.pages:
        for loc, text in walk(page.content.model_dump(), ()):
            if loc[-1] not in ("n", "letter"):
                yield page, loc, text


@cache
def _pattern(phrase: str, plurals: bool = True) -> re.Pattern:
    """The phrase as whole words, any case and spacing; with `plurals`, each word also in its
    plural (“country”, “countries”; “victime”, “victimes”)."""
    def word(w: str) -> str:
        if not plurals:
            return re.escape(w)
        return re.escape(w[:-1]) + "(?:y|ies)" if w.endswith("y") else re.escape(w) + "(?:s|es|x)?"

    return re.compile(r"(?<![\w-])" + r"\s+".join(word(w) for w in phrase.split()) + r"(?![\w-])", re.I)


def usage(term: Term, edition: Edition) -> list[Page]:
    """The pages whose texts use the term, in reading order."""
    phrases = [term.term.get(edition.lang), *term.forms.get(edition.lang, [])]
    phrases = [p for p in phrases if p]
    used = {page.slug for page, _, text in texts(edition) if any(_pattern(p).search(text) for p in phrases)}
    return [page for page in edition.pages if page.slug in used]


def wrong_variants(glossary: Glossary, edition: Edition) -> list[Problem]:
    """Every text that uses a wrong variant of a glossary term."""
    ids = {(item.page, item.loc): item.id for item in edition.items}
    problems = []
    for page, loc, text in texts(edition):
        for term in glossary.terms:
            for variant in term.wrong.get(edition.lang, []):
                if _pattern(variant, plurals=False).search(text):
                    owner = ids.get((page.slug, loc[:-1]))
                    problems.append(Problem(
                        page.file, owner or f"{page.slug}/{describe(loc)}",
                        f"uses “{variant}”, a wrong variant of the glossary term “{term.term[edition.lang]}”",
                        f"write “{term.term[edition.lang]}” (content/glossary.yml, term `{term.id}`)",
                        line=line_of(page.node, loc, variant)))
    return problems


def missing_languages(glossary: Glossary, langs: list[str], root: Path = ROOT) -> list[Problem]:
    return [Problem(root / GLOSSARY, term.id, f"no {field} in `{lang}`", f"add `{lang}:` under `{field}`")
            for term in glossary.terms for field in ("term", "definition") for lang in langs
            if lang not in getattr(term, field)]


def markdown(glossary: Glossary, edition: Edition, other_langs: list[str]) -> str:
    """The glossary page of one edition, terms in this language's alphabetical order."""
    labels = edition.strings.labels
    lines = ["---", f"title: {json.dumps(labels.glossary, ensure_ascii=False)}", "---", "",
             f"# {html.escape(labels.glossary, quote=False)} {{#{PAGE_SLUG}}}", "",
             html.escape(labels.glossary_intro, quote=False), "", '<dl class="tk-glossary" markdown="1">']
    for term in sorted(glossary.terms, key=lambda t: t.term[edition.lang].casefold()):
        others = " · ".join(f'<span lang="{lang}">{html.escape(term.term[lang])}</span>' for lang in other_langs)
        pages = usage(term, edition)
        where = ", ".join(f"[{html.escape(page.numeral or page.content.title)}]({page.slug}.md)" for page in pages)
        lines += [f'<dt id="{term.id}">{html.escape(term.term[edition.lang])} <small>({others})</small></dt>',
                  f'<dd markdown="1">{html.escape(term.definition[edition.lang], quote=False)}'
                  + (f'<br><span class="tk-used">{html.escape(labels.used_in)}: {where}</span>' if pages else "")
                  + "</dd>"]
    lines.append("</dl>")
    return "\n".join(lines) + "\n"
