"""Cross-references in the text become links to the right page and anchor; bad ones are errors."""

from collections import Counter

import pytest

from tiptoolkit.catalog import load_edition
from tiptoolkit.references import texts
from tiptoolkit.render import Renderer
from tiptoolkit.xref import Context, Resolver


def link(edition, text, page="iii", part="D"):
    resolver = Resolver(edition)
    out = resolver.link(text, Context(edition.page(page), part, "test item"))
    return out, resolver.problems


@pytest.mark.parametrize("text, expected", [
    ("(voir aussi le chapitre V sur l’harmonisation)", "(voir aussi le [chapitre V](v.md) sur l’harmonisation)"),
    ("(Voir le chapitre VI sur les structures et le chapitre VII sur l’intégration.)",
     "(Voir le [chapitre VI](vi.md) sur les structures et le [chapitre VII](vii.md) sur l’intégration.)"),
    ("évoquées à la question 6?", "évoquées à la [question 6](#iii-d-6)?"),
    ("énumérés à l’encadré 1, ou", "énumérés à l’[encadré 1](ii.md#box-1), ou"),
    ("énumérés à l’encadré 2, ou", "énumérés à l’[encadré 2](#box-2), ou"),
    ("le questionnaire sur les besoins de formation dans l’annexe de la présente publication",
     "le questionnaire sur les besoins de formation dans l’[annexe](annex.md) de la présente publication"),
    ("Convention, chapitres II et III", "Convention, chapitres II et III"),
])
def test_phrases_become_links(edition, text, expected):
    out, problems = link(edition, text)
    assert problems == []
    assert out == expected


@pytest.mark.parametrize("text, reason", [
    ("(voir le chapitre XIV sur la prévention)", "there is no chapter XIV (chapters run I to XI)"),
    ("évoquées à la question 99?", "there is no question III.D.99"),
    ("énumérés à l’encadré 12", "there is no box 12"),
    ("(voir le chapitre 5)", "chapters are cited by their roman numeral"),
    ("voir le chapitre xii", "reference “le chapitre xii”: names no chapter"),
    ("voir le chapitre iv", "reference “le chapitre iv”: names no chapter"),
    ("le Chapitre IIII", "reference “le Chapitre IIII”: names no chapter"),
])
def test_unknown_targets_are_errors(edition, text, reason):
    _, problems = link(edition, text)
    assert problems, text
    message = str(problems[0])
    assert "chapters/fr/iii.yml" in message and "test item" in message and reason in message


@pytest.mark.parametrize("lang, text", [
    ("fr", "les mesures du chapitre ci-dessous"), ("fr", "le présent chapitre"), ("en", "this chapter did not"),
    ("en", "Chapter VII"),
])
def test_words_after_chapter_are_not_references(lang, text):
    _, problems = link(load_edition(lang), text)
    assert problems == []


def test_english_chapter_numeral_in_lower_case_is_an_error():
    _, problems = link(load_edition("en"), "see chapter xii")
    assert "reference “chapter xii”: names no chapter" in str(problems[0])
    _, problems = link(load_edition("en"), "see chapter iv")
    assert "fix: write “chapter IV”" in str(problems[0])


def test_question_reference_outside_questions_is_an_error(edition):
    _, problems = link(edition, "comme à la question 3", part=None)
    assert "can only be cited from within a list of questions" in str(problems[0])


def test_every_reference_in_the_content_resolves(edition):
    pages = {p.slug: p.markdown for p in Renderer(edition).pages()}
    assert "[question 6](#iii-d-6)" in pages["iii"]
    assert "[chapitre V](v.md)" in pages["iii"]
    assert "[chapitre VI](vi.md) sur les structures de soutien et d’assistance aux personnes présumées " \
           "victimes de la traite et le [chapitre VII](vii.md)" in pages["x"]
    assert "[encadré 1](#box-1)" in pages["ii"]
    assert "[annexe](annex.md)" in pages["x"] and "[annexe](annex.md)" in pages["introduction"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_checks_read_every_text_the_site_renders(lang):
    """`check` finds reference errors without rendering (tiptoolkit.references): it must read
    the very texts the renderer renders, in the same places, with the same rules."""
    edition = load_edition(lang)
    rendered = Counter()

    class Recording(Renderer):
        def text(self, raw, ctx, links=True, note=False, prose=False):
            rendered[(raw, ctx.page.slug, ctx.part, ctx.item, links, note, prose)] += 1
            return super().text(raw, ctx, links, note, prose)

    Recording(edition).pages()
    checked = Counter((t.raw, t.ctx.page.slug, t.ctx.part, t.ctx.item, t.links, t.note, t.prose)
                      for t in texts(edition))
    assert {item for _, _, _, item, _, _, _ in checked} >= {item.id for item in edition.items}
    assert checked == rendered
