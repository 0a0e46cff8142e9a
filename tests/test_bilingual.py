"""The bilingual site: same pages and anchors in both languages, `lang` and `hreflang` right,
language switching that keeps the question, short permalinks, copy-link, search per language,
English exports, and no French left in the English edition."""

import json
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

import html_pages
from tiptoolkit.catalog import load_edition

LANGS = ("fr", "en")


def soup(site, path: str) -> BeautifulSoup:
    """The built page `path`, parsed once per run (shared: read only)."""
    return html_pages.page(site / path)


def own_soup(site, path: str) -> BeautifulSoup:
    """A parse of the built page `path` of the test's own, to edit."""
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def edition_pages(site, lang: str) -> list[str]:
    return sorted(p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("*.html"))


def test_same_pages_and_anchors_in_both_languages(site):
    assert edition_pages(site, "fr") == edition_pages(site, "en")
    for path in edition_pages(site, "fr"):
        french, english = soup(site, f"fr/{path}"), soup(site, f"en/{path}")
        content = lambda s: {t["id"] for t in s.select("article [id]")}
        assert content(french) == content(english), path


def test_lang_and_hreflang_on_every_page(site):
    for lang in LANGS:
        for path in edition_pages(site, lang):
            page = soup(site, f"{lang}/{path}")
            assert page.html["lang"] == lang, path
            if path == "404.html":
                continue
            base = f"http://site/{lang}/{path}"
            alternates = {a["hreflang"]: urljoin(base, a["href"]) for a in page.select("a.tk-language[hreflang]")}
            here = path.removesuffix("index.html")
            assert alternates == {code: f"http://site/{code}/{here}" for code in LANGS}, path


def test_english_exports_have_the_french_ids(site):
    french = json.loads((site / "fr" / "questions.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "questions.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in english] == [r["id"] for r in french]
    assert all(r["url"].startswith("en/") for r in english)
    assert (site / "en" / "questions.csv").read_text(encoding="utf-8").count("\n") == len(english) + 1


FRENCH = re.compile(r"[éèêàçù]|\b(?:les|des|une|est|sont|pour|avec|dans|aux|qui|être|été)\b")
ENGLISH_WITH_ACCENTS = re.compile(r"\battachés?\b")  # English words that keep their accent (UN usage)


def test_no_french_left_in_the_english_edition(site):
    leftovers = []
    for path in edition_pages(site, "en"):
        page = own_soup(site, f"en/{path}")
        for other in page.find_all(lang=lambda value: value and value != "en"):
            other.decompose()  # the language switcher's “Français”, the French title cited on purpose
        for script in page.find_all(["script", "style"]):
            script.decompose()
        for note in page.select(".tk-editor-note"):
            note.decompose()  # an editor's note may quote the French source it corrects
        text = ENGLISH_WITH_ACCENTS.sub("", page.body.get_text(" "))
        leftovers += [f"{path}: …{text[max(0, m.start() - 40):m.end() + 40]}…" for m in FRENCH.finditer(text)]
    assert not leftovers, "\n".join(leftovers[:20])


def test_every_item_has_a_short_permalink_page(site, edition):
    for item in edition.items:
        page = soup(site, f"q/{item.anchor}/index.html")
        links = {a["hreflang"]: a["href"] for a in page.select("a[hreflang]")}
        assert links == {lang: f"../../{lang}/{item.page}/#{item.anchor}" for lang in LANGS}, item.id


def test_every_page_has_a_short_permalink_page(site, edition):
    """`q/iv/` and the like: the checklists print them."""
    for page in edition.pages:
        soup_ = soup(site, f"q/{page.slug}/index.html")
        links = {a["hreflang"]: a["href"] for a in soup_.select("a[hreflang]")}
        assert links == {lang: f"../../{lang}/{page.slug}/" for lang in LANGS}, page.slug


@pytest.mark.parametrize("start, other", [("fr", "en"), ("en", "fr")])
def test_switching_language_keeps_the_question(served, browser, start, other):
    page = browser.new_page()
    page.goto(f"{served}{start}/iv/#iv-d-3-o", wait_until="load")
    page.locator(".md-select button").focus()  # by keyboard: the switcher's button, then its link
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hreflang") == other:
            break
    assert page.evaluate("document.activeElement.hreflang") == other
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{other}/iv/#iv-d-3-o")
    assert page.evaluate("document.querySelector(':target').id") == "iv-d-3-o"
    assert page.evaluate("document.documentElement.lang") == other
    page.close()


def test_the_address_keeps_the_question_the_reader_chose(served, browser):
    """Scrolling never swaps the question in the address for its section: the address, the
    language switcher's link and the switch itself keep it."""
    page = browser.new_page()
    page.goto(f"{served}fr/iv/", wait_until="load")
    page.locator("#iv-d-7 a.tk-id").click()
    page.wait_for_timeout(3000)
    screen = page.viewport_size["height"]
    for step in (screen, screen, screen, -screen, -screen):
        page.mouse.wheel(0, step)
        page.wait_for_timeout(300)
    page.wait_for_timeout(500)
    assert page.url.endswith("/fr/iv/#iv-d-7")
    page.locator(".md-select button").hover()
    english = page.locator("a.tk-language[hreflang=en]")
    english.hover()  # what “copy link address” or a middle click would take
    assert english.evaluate("a => a.href").endswith("/en/iv/#iv-d-7")
    english.click()
    page.wait_for_url("**/en/iv/#iv-d-7")
    expect(page.locator("#iv-d-7")).to_be_in_viewport()
    page.close()


@pytest.mark.parametrize("locale, visited, lands", [
    ("fr-FR", None, "fr"), ("en-GB", None, "en"), ("de-DE", None, "fr"), ("fr-FR", "en", "en"),
])
def test_short_permalink_lands_on_the_item(served, browser, locale, visited, lands):
    """Last language read on the site, else the browser's, else French."""
    context = browser.new_context(locale=locale)
    page = context.new_page()
    if visited:
        page.goto(f"{served}{visited}/", wait_until="load")
    page.goto(f"{served}q/annex-e-1-a-ii/")
    page.wait_for_url(f"**/{lands}/annex/#annex-e-1-a-ii")
    assert page.evaluate("document.querySelector(':target').id") == "annex-e-1-a-ii"
    context.close()


def test_copy_link_copies_the_short_permalink(served, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served}en/iv/", wait_until="load")
    button = page.locator("#iv-d-3-o > .tk-q button.tk-copy")
    assert button.get_attribute("aria-label") == "Copy the short link to IV.D.3.o"
    button.click()
    page.locator("#iv-d-3-o > .tk-q .tk-copied").filter(has_text="Link copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{served}q/iv-d-3-o/"
    context.close()


@pytest.mark.parametrize("lang, word", [("fr", "réflexion"), ("en", "reflection")])
def test_search_finds_a_question_in_its_own_language(served, browser, search, lang, word):
    page = browser.new_page()
    page.goto(f"{served}{lang}/", wait_until="networkidle")
    results = search(page, word)
    links = results.evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{lang}/iv/" in link for link in links)
    assert all(f"/{lang}/" in link for link in links)
    page.close()


def test_english_edition_loads_with_every_item(edition):
    english = load_edition("en")
    assert [i.id for i in english.items] == [i.id for i in edition.items]


def test_glossary_page_in_both_languages(site):
    from tiptoolkit.glossary import load_glossary

    terms = load_glossary().terms
    assert len(terms) >= 60
    for lang in LANGS:
        page = soup(site, f"{lang}/glossary/index.html")
        entries = page.select("dl.tk-glossary dt[id]")
        assert {dt["id"] for dt in entries} == {t.id for t in terms}
        for dt in entries:
            dd = dt.find_next_sibling("dd")
            assert dd.select(".tk-used a"), f"{lang}: {dt['id']} is used nowhere"
            other = dt.select_one("small [lang]")
            assert other["lang"] != lang and other.get_text(strip=True)


def test_marking_a_stale_translation_reviewed(sources, capsys, monkeypatch):
    from tiptoolkit.cli import check, main

    monkeypatch.chdir(sources)
    fingerprints = sources / "content" / "en" / "translated-from.yml"
    before = fingerprints.read_text(encoding="utf-8").splitlines()
    french = sources / "chapters" / "fr" / "iv.yml"
    french.write_text(french.read_text(encoding="utf-8").replace("Un mécanisme est-il en place",
                                                                 "Un mécanisme est-il vraiment en place"), encoding="utf-8")
    assert check(sources) == 1
    assert "IV.C.2: the French text has changed" in capsys.readouterr().err
    assert main(["reviewed", "--root", str(sources), "IV.C.2"]) == 0
    assert check(sources) == 0
    after = fingerprints.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in before if line not in after] == ["IV.C.2"]
