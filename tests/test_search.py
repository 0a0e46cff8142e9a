"""The site's search (tiptoolkit/search_index.py, assets/javascripts/search.js): a page cut into
items and paragraphs, each with its anchor and where it stands; every item in its edition's
index; words typed without accents and any form of an ID land on the item, in both languages,
by keyboard; and a page that does not search loads none of it."""

from __future__ import annotations

import json
import re

import pytest

from tiptoolkit import search_index
from tiptoolkit.benchmark import FIRST_LOAD_TARGET
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import languages
from tiptoolkit.markup import plain_text

PAGE = """<h1 id="iv">IV. Titre<a class="headerlink" href="#iv">¶</a></h1>
<p class="tk-printable"><strong>À imprimer:</strong> <a href="x.pdf">Liste</a></p>
<h2 id="iv-b">B. Ressources</h2>
<div class="admonition tk-box" id="box-3"><p class="admonition-title">Encadré 3. Sélection</p>
<h3 class="tk-box-section" id="box-3-s1">Instruments<a class="headerlink" href="#box-3-s1">¶</a></h3>
<ul><li>Convention, articles 10 et 13</li></ul></div>
<p>Après l’encadré.</p>
<h2 id="iv-d">D. Questions</h2>
<ol class="tk-questions"><li id="iv-d-3"><div class="tk-q"><span class="tk-label">3.</span>
<span class="tk-text">Une procédure<sup class="tk-fnref" id="fnref-1"><a href="#fn-1">1</a></sup>:</span>
<a class="tk-id" href="#iv-d-3">IV.D.3</a><button type="button" class="tk-copy" aria-label="Copier">
<svg><path d="M1"/></svg></button><span class="tk-copied" role="status"></span></div>
<ol class="tk-items"><li id="iv-d-3-o"><div class="tk-q"><span class="tk-label">o)</span>
<span class="tk-text">Période de <em>réflexion</em>?</span> <a class="tk-id" href="#iv-d-3-o">IV.D.3.o</a></div>
<p class="tk-note">Note aux enquêteurs.</p></li></ol></li></ol>
"""


def test_a_page_is_cut_into_items_and_paragraphs_each_with_its_anchor_and_place():
    page, part_b, box = "IV. Titre", "IV. Titre › B. Ressources", "IV. Titre › B. Ressources › Encadré 3. Sélection"
    assert [(u.url, u.id, u.text, u.where) for u in search_index.units(PAGE, "iv/")] == [
        ("iv/#iv", None, "IV. Titre", ""),
        ("iv/#iv-b", None, "B. Ressources", page),
        ("iv/#box-3", None, "Encadré 3. Sélection", part_b),
        ("iv/#box-3-s1", None, "Instruments", box),
        ("iv/#box-3-s1", None, "Convention, articles 10 et 13", f"{box} › Instruments"),
        ("iv/#iv-b", None, "Après l’encadré.", part_b),  # the box's headings end with it
        ("iv/#iv-d", None, "D. Questions", page),
        ("iv/#iv-d-3-o", "IV.D.3.o", "Note aux enquêteurs.", "IV. Titre › D. Questions"),
        ("iv/#iv-d-3-o", "IV.D.3.o", "Période de réflexion?", "IV. Titre › D. Questions"),
        ("iv/#iv-d-3", "IV.D.3", "Une procédure:", "IV. Titre › D. Questions"),  # no label, mark or button
    ]


GLOSSARY = """<h1 id="glossary">Glossaire</h1>
<dl class="tk-glossary"><dt id="referral">orientation <small>(<span lang="en">referral</span>)</small></dt>
<dd>Fait d’adresser une personne aux services des victimes.<br><span class="tk-used">Employé dans: <a href="iv/">IV</a></span></dd>
<dt id="victim">victime <small>(<span lang="en">victim</span>)</small></dt><dd>Personne.</dd></dl>
"""


def test_a_definition_is_found_at_its_term_under_it_without_the_pages_using_it():
    assert [(u.url, u.where, u.text) for u in search_index.units(GLOSSARY, "glossary/")] == [
        ("glossary/#glossary", "", "Glossaire"),
        ("glossary/#referral", "Glossaire", "orientation (referral)"),
        ("glossary/#referral", "Glossaire › orientation (referral)", "Fait d’adresser une personne aux services des victimes."),
        ("glossary/#victim", "Glossaire", "victime (victim)"),
        ("glossary/#victim", "Glossaire › victime (victim)", "Personne."),
    ]


WORDS_COMPARED = 12  # of an item's text and its unit's (editor's notes and rendered emphasis differ after)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def index(site, lang: str) -> dict:
    script = (site / lang / search_index.INDEX).read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"self\.tiptoolkitSearchIndex = (.*);\n", script, re.S)[1])


def wordings(site, lang: str) -> dict[str, str]:
    script = (site / lang / search_index.WORDINGS).read_text(encoding="utf-8")
    prefix = f'(self.tiptoolkitSearchWordings = self.tiptoolkitSearchWordings || {{}})["{lang}"] = '
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script.removeprefix(prefix).removesuffix(";\n"))


@pytest.mark.parametrize("lang", languages())
def test_the_index_holds_every_item_with_its_address_and_the_wordings_every_item_s_text(site, lang):
    edition, data = load_edition(lang), index(site, lang)
    units = data["units"]
    found = {(unit["i"], unit["u"], *words(unit["t"])[:WORDS_COMPARED]) for unit in units if "i" in unit}
    country = edition.strings.labels.country
    missing = [item.id for item in edition.items
               if (item.id, item.path(lang).removeprefix(f"{lang}/"),
                   *words(plain_text(item.text, country))[:WORDS_COMPARED]) not in found]
    assert missing == []
    assert wordings(site, lang) == {item.id: plain_text(item.text, country) for item in edition.items}
    assert not [unit for unit in units if unit["u"].startswith("mission/")]  # `search: exclude`
    printable = edition.strings.checklist.printable
    assert not [unit["t"] for unit in units if unit["t"].startswith(printable)]
    assert all(isinstance(unit["w"], int) and unit["w"] < len(data["places"]) for unit in units)


ID_FORMS = {"IV.D.3.o": "iv/#iv-d-3-o", "iv-d-3-o": "iv/#iv-d-3-o", "IV D 3 o": "iv/#iv-d-3-o",
            "iv.d.3.o": "iv/#iv-d-3-o", "ANNEX.E.1.a.ii": "annex/#annex-e-1-a-ii",
            "WG.IV.46.j": "recommendations/#wg-iv-46-j", "BP2019.Q.3.g": "background-2019/#bp2019-q-3-g"}
WORDS = {  # typed as on a keyboard without accents: the first result, and a word it must show marked
    "fr": {"periode de reflexion": ("iv/#iv-d-3-o", "Période"), "TEMOINS proteges": (None, "témoins")},
    "en": {"reflection period": ("iv/#iv-d-3-o", "reflection"), "reflecting periods": (None, "reflection"),
           "periode de reflexion": ("iv/#iv-d-3-o", "period")},  # the French wording finds it too
}


@pytest.mark.parametrize("lang", languages())
def test_search_lands_on_the_item_by_its_words_or_any_form_of_its_id(served, browser, search, lang):
    page = browser.new_page()
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(f"{served}{lang}/iv/", wait_until="networkidle")
    assert not [url for url in loaded if "/search/" in url]  # nothing of the search before it is used
    edition_root = f"{served}{lang}/"
    for words, (first, marked) in WORDS[lang].items():
        results = search(page, words)
        if first:
            assert results.first.get_attribute("href") == edition_root + first, words
        assert marked in results.first.locator("mark").all_inner_texts(), words
    assert [url.removeprefix(served) for url in loaded if "/search/" in url] == [  # every file once, in order
        *(f"{lang}/{path}" for path in search_index.FILES.values()),
        *(f"{other}/{search_index.WORDINGS}" for other in languages() if other != lang)]
    for form, target in ID_FORMS.items():
        results = search(page, form)
        assert results.first.get_attribute("href") == edition_root + target, form
    assert results.first.locator(".tk-search-id").inner_text() == "BP2019.Q.3.g"
    page.keyboard.press("Escape")
    assert not page.locator("#tk-search").evaluate("dialog => dialog.open")
    page.locator("body").press("/")  # keyboard only: open, type (over the last query), down to the first result, open it
    typed = "periode de reflexion" if lang == "fr" else "reflection period"
    page.keyboard.type(typed)
    page.wait_for_function("q => document.querySelector('.tk-search-results').dataset.query === q", arg=typed)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/iv/#iv-d-3-o")
    assert page.locator("#iv-d-3-o:target").count() == 1
    page.close()


def test_a_query_in_the_address_opens_the_search_with_it(served, browser):
    """The 404 pages send their search to the home page as `?q=`."""
    page = browser.new_page()
    page.goto(f"{served}en/?q=IV.D.3.o")
    page.wait_for_function("() => document.querySelector('.tk-search-results').dataset.query === 'IV.D.3.o'")
    assert page.locator(".tk-search-results a").first.get_attribute("href") == f"{served}en/iv/#iv-d-3-o"
    page.close()



def test_a_chapter_page_that_does_not_search_loads_little(served, browser):
    """Everything the chapter page loads, uncompressed: the benchmark's target (`make benchmark`)."""
    page = browser.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{served}fr/iv/", wait_until="networkidle")
    sizes = {response.url.removeprefix(served): len(response.body()) for response in responses}
    page.close()
    assert sum(sizes.values()) <= FIRST_LOAD_TARGET, sorted(sizes.items(), key=lambda item: -item[1])
    assert not [url for url in sizes if "search/" in url]  # the library and the index wait for a search
