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

from .edition import ROOT, Edition, Page
from .errors import ContentError, Problem
from .loader import line_of, load_required
from .markup import escaped
from .memo import Memo, page_key
from .models import Glossary, Term

GLOSSARY = Path("content") / "glossary.yml"
PAGE_SLUG = "glossary"


def load_glossary(root: Path = ROOT) -> Glossary:
    """`content/glossary.yml`, checked: each id once, each headword once per language (the page
    would list it twice)."""
    glossary, node = load_required(root, GLOSSARY, Glossary)
    problems, seen, headwords = [], set(), {}
    for index, term in enumerate(glossary.terms):
        if term.id in seen:
            problems.append(Problem(root / GLOSSARY, term.id, "this id is used twice", "give each term its own id",
                                    line=line_of(node, ("terms", index, "id"))))
        seen.add(term.id)
        for lang, headword in term.term.items():
            first = headwords.setdefault((lang, " ".join(headword.casefold().split())), (term.id, index))
            if first[0] != term.id:
                problems.append(Problem(
                    root / GLOSSARY, term.id, f"its {lang} term “{headword}” is already the term of `{first[0]}` "
                    f"(line {line_of(node, ('terms', first[1], 'term', lang))}): the glossary would list it twice",
                    f"keep one entry for “{headword}”: merge `{term.id}` into `{first[0]}` (its forms, wrong "
                    f"variants and definition), or correct this {lang} headword",
                    line=line_of(node, ("terms", index, "term", lang))))
    if problems:
        raise ContentError(problems)
    return glossary


def _texts(page: Page) -> list[tuple[tuple, str]]:
    """Every text of a page's content file, with its place."""
    def walk(value, loc):
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*loc, index))

    return [(loc, text) for loc, text in walk(page.content.model_dump(), ()) if loc[-1] not in ("n", "letter")]


_per_page = Memo(size=512)  # what each page uses, per edition and glossary: a live reload looks again at one page


def _phrase(phrase: str, plurals: bool) -> str:
    """The phrase as whole words in any spacing; with `plurals`, each word also in its plural
    (“country”, “countries”; “victime”, “victimes”)."""
    def word(w: str) -> str:
        if not plurals:
            return re.escape(w)
        return re.escape(w[:-1]) + "(?:y|ies)" if w.endswith("y") else re.escape(w) + "(?:s|es|x)?"

    return r"\s+".join(word(w) for w in phrase.split())


@cache
def _pattern(phrases: tuple[str, ...], plurals: bool = True) -> re.Pattern:
    """Any of the phrases, as whole words, in any case."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(_phrase(p, plurals) for p in phrases) + r")(?![\w-])", re.I)


def _uses(pattern: re.Pattern, text: str) -> bool:
    """Whether `text` (lower case, single spaces) has a match of `pattern` that starts a word."""
    return any(m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_")
               for m in pattern.finditer(text))


@cache
def _usage_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """The phrases, in lower case, singular or plural, not followed by more of a word. The
    pattern starts with a literal, which `re` searches fast; `_uses` checks where the match starts."""
    return re.compile("|".join(_phrase(" ".join(p.casefold().split()), True).replace(r"\s+", " ")
                               for p in phrases) + r"(?![\w-])")


def _used(glossary: Glossary, lang: str, page: Page) -> frozenset[str]:
    """The terms (ids) that the page's texts use."""
    joined = "\n".join(" ".join(text.split()).casefold() for _, text in _texts(page))
    return frozenset(term.id for term in glossary.terms if _uses(_usage_pattern(_phrases(term, lang)), joined))


def _phrases(term: Term, lang: str) -> tuple[str, ...]:
    return tuple(p for p in (term.term.get(lang), *term.forms.get(lang, [])) if p)


def usage(glossary: Glossary, edition: Edition) -> dict[str, list[Page]]:
    """Per term (id), the pages whose texts use it, in reading order."""
    used = {term.id: [] for term in glossary.terms}
    for page in edition.pages:
        objects, values = page_key(page)
        for term_id in _per_page((glossary, *objects), ("used", edition.lang, *values),
                                 lambda: _used(glossary, edition.lang, page)):
            used[term_id].append(page)
    return used


def wrong_variants(glossary: Glossary, edition: Edition) -> list[Problem]:
    """Every text that uses a wrong variant of a glossary term."""
    problems = []
    for page in edition.pages:
        objects, values = page_key(page)
        problems += _per_page((glossary, *objects), ("wrong", edition.lang, *values),
                              lambda: _page_wrong_variants(glossary, edition, page))
    return problems


def _page_wrong_variants(glossary: Glossary, edition: Edition, page: Page) -> list[Problem]:
    variants = [(variant, term) for term in glossary.terms for variant in term.wrong.get(edition.lang, [])]
    if not variants:
        return []
    any_variant = _pattern(tuple(v for v, _ in variants), plurals=False)
    problems = []
    for loc, text in _texts(page):
        if not any_variant.search(text):
            continue
        for variant, term in variants:
            if _pattern((variant,), plurals=False).search(text):
                problems.append(Problem(
                    page.file, edition.unit_name(page.slug, loc),
                    f"uses “{variant}”, a wrong variant of the glossary term “{term.term[edition.lang]}”",
                    f"write “{term.term[edition.lang]}” (content/glossary.yml, term `{term.id}`)",
                    line=line_of(page.node, loc, variant)))
    return problems


def missing_languages(glossary: Glossary, langs: list[str], root: Path = ROOT) -> list[Problem]:
    return [Problem(root / GLOSSARY, term.id, f"no {field} in `{lang}`", f"add `{lang}:` under `{field}`")
            for term in glossary.terms for field in ("term", "definition") for lang in langs
            if lang not in getattr(term, field)]


def markdown(glossary: Glossary, edition: Edition, other_langs: list[str]) -> str:
    """The glossary page of one edition, terms in this language's alphabetical order. The list
    is HTML whose definitions are Markdown (`md_in_html`), so that MkDocs checks and writes the
    links to the pages where a term is used (`[IV](iv.md)`). That costs time: converting the
    page takes about 0.4 s more than plain HTML did (Python-Markdown's link pattern)."""
    labels = edition.strings.labels
    lines = ["---", f"title: {json.dumps(escaped(labels.glossary), ensure_ascii=False)}", "---", "",
             f"# {html.escape(labels.glossary, quote=False)} {{#{PAGE_SLUG}}}", "",
             html.escape(labels.glossary_intro, quote=False), "", '<dl class="tk-glossary" markdown="1">']
    used = usage(glossary, edition)
    for term in sorted(glossary.terms, key=lambda t: t.term[edition.lang].casefold()):
        others = " · ".join(f'<span lang="{lang}">{html.escape(term.term[lang])}</span>' for lang in other_langs)
        pages = used[term.id]
        where = ", ".join(f"[{html.escape(page.numeral or page.content.title, quote=False)}]({page.slug}.md)"
                          for page in pages)
        lines += [f'<dt id="{term.id}">{html.escape(term.term[edition.lang])} <small>({others})</small></dt>',
                  f'<dd markdown="span">{html.escape(term.definition[edition.lang], quote=False)}'
                  + (f'<br><span class="tk-used">{html.escape(labels.used_in)}: {where}</span>' if pages else "")
                  + "</dd>"]
    lines.append("</dl>")
    return "\n".join(lines) + "\n"
