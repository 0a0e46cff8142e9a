"""The house style (STYLE.md, tiptoolkit/style.py): each rule refuses what breaks it and says what
to write, nowhere inside code, links' targets, addresses, tags or macros; the real content keeps
it (tests/test_bad_input.py has the whole check's messages, with file, line and item)."""

from __future__ import annotations

import pytest

from tiptoolkit import style
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import languages

# Per rule, in RULES' order: a language, a text that breaks it, the phrase named and the fix.
BROKEN = [
    ("fr", "Les États parties devraient : adopter", "devraient :", "devraient:"),
    ("fr", "la « victime de la traite » ici", "« victime de la traite »", "“victime de la traite”"),
    ("en", 'the "reflection period"', '"reflection period"', "“reflection period”"),
    ("fr", "l'âge des victimes", "l'âge", "l’âge"),
    ("en", "and so on...", "on...", "on…"),
    ("en", "Convention no. 182", "no. 182", "No. 182"),
    ("en", "(CTOC/COP/WG.4/2009/2, par. 13)", "par.", "para."),
    ("fr", "Recueil des Traités, no 39574.", "no 39574.", "n° 39574."),
]


def test_every_rule_is_tried():
    assert len(BROKEN) == len(style.RULES)


@pytest.mark.parametrize("rule, case", list(zip(style.RULES, BROKEN)), ids=[c[2] for c in BROKEN])
def test_a_text_that_breaks_a_rule_is_refused_with_the_fix(rule, case):
    lang, text, phrase, fixed = case
    found = style.breaches(text, lang)
    assert [(b.rule, b.phrase, b.fixed, b.count) for b in found] == [(rule, phrase, fixed, 1)]
    assert not style.breaches(text.replace(phrase, fixed), lang)  # the fix keeps the rule


@pytest.mark.parametrize("lang, text", [
    ("fr", "voir [CTOC/COP/WG.4/2009/2, par. 13](cite:CTOC/COP/WG.4/2009/2#par.13) ;x"),  # the target
    ("en", "[note](https://example.org/a?b=1 'x') and `l'id ?` and <span class=\"x\">"),
    ("fr", "{{ table_of_contents() }} {: #home } {#id} [^3] <!-- a : b -->"),
    ("en", "the French source prints “par. 7, al. 1)” and “no 6”"),  # a quotation keeps its source's wording
])
def test_no_rule_fires_inside_code_links_tags_macros_or_quotations(lang, text):
    assert style.breaches(text, lang) == []


def test_many_breaches_of_a_rule_in_one_text_are_one_problem():
    [breach] = style.breaches("l'âge, l'État et d'abord", "fr")
    assert (breach.phrase, breach.count) == ("l'âge,", 3)
    assert "(and 2 more in this text)" in breach.problem("f.yml", "X.1", 3).what


@pytest.mark.parametrize("lang", languages())
def test_the_real_content_keeps_the_house_style(lang):
    assert style.problems(load_edition(lang)) == []


def test_the_shared_files_keep_the_house_style():
    assert style.shared_problems() == []
