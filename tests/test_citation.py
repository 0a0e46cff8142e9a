"""Citations: of an item (IV.D.3.o) and of a page, in United Nations style and as BibTeX, RIS and
CSL-JSON, read back by a BibTeX and a RIS parser; as the built pages carry them (their data and
their `citation_*` meta tags) and as a reader gets them from the “Cite” button; CITATION.cff,
up to date with the same facts and of the Citation File Format 1.2.0."""

import json
from dataclasses import replace
from datetime import date

import bibtexparser
import pytest
import rispy
import yaml

import html_pages
from tiptoolkit import citation
from tiptoolkit.catalog import load_edition
from tiptoolkit.checklist import load_publication
from tiptoolkit.edition import ROOT

ADDRESS = load_publication().url
ORIGINAL = citation.load_original()
PERMALINK = f"{ADDRESS}q/iv-d-3-o/"
DAY = date(2025, 1, 31)


def parsed(formats: dict) -> tuple[dict, dict, dict]:
    """The BibTeX, RIS and CSL-JSON of a citation, each read back by its parser: one record each."""
    library = bibtexparser.parse_string(formats["bibtex"])
    assert not library.failed_blocks, library.failed_blocks
    [entry] = library.entries
    [record] = rispy.loads(formats["ris"])
    [item] = json.loads(formats["csl"])
    return {"ENTRYTYPE": entry.entry_type, "ID": entry.key, **entry.fields_dict}, record, item


def loaded(script: str) -> dict:
    """The data a page's citations script sets (`window.tkCitation = {…};`)."""
    prefix = "window.tkCitation = "
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script.removeprefix(prefix).removesuffix(";\n"))


def item_citation(lang: str, data: dict, values: dict) -> dict:
    """The item template of a page's citations filled in, as the “Cite” button does."""
    values = {**values, **citation.date_values(citation.Accessed.on(DAY, "31 January 2025"))}
    return {name: [citation.filled(run, values) for run in value] if name == "text"
            else citation.filled(value, values) for name, value in data["item"].items()}


def check_item(formats: dict, lang: str) -> None:
    """A citation of IV.D.3.o names the toolkit (its title, UNODC, V.09-87519), the item and its
    permalink, in each format."""
    author = ORIGINAL.author[lang]
    text = "".join(formats["text"])
    assert text.startswith(f"{author}, {ORIGINAL.title}")
    assert f"{ORIGINAL.number}, question IV.D.3.o." in text and f"{PERMALINK} (" in text and "31 January 2025" in text
    assert formats["text"][1] == ORIGINAL.title  # the publication's title, in italics
    entry, record, item = parsed(formats)
    assert entry["ENTRYTYPE"] == "incollection" and entry["ID"] == f"tiptoolkit-{lang}-iv-d-3-o"
    assert entry["title"].value == "question IV.D.3.o" and entry["booktitle"].value.startswith(ORIGINAL.title)
    assert entry["author"].value == "{" + author + "}" and entry["number"].value == ORIGINAL.number
    assert entry["url"].value == PERMALINK and entry["urldate"].value == "2025-01-31" and entry["year"].value == "2010"
    assert record["type_of_reference"] == "CHAP" and record["title"] == "question IV.D.3.o"
    assert record["secondary_title"].startswith(ORIGINAL.title) and record["authors"] == [author]
    assert record["urls"] == [PERMALINK] and record["access_date"] == "2025/01/31" and record["note"] == ORIGINAL.number
    assert item["type"] == "chapter" and item["title"] == "question IV.D.3.o"
    assert item["container-title"].startswith(ORIGINAL.title) and item["author"] == [{"literal": author}]
    assert item["URL"] == PERMALINK and item["number"] == ORIGINAL.number and item["language"] == lang
    assert item["issued"] == {"date-parts": [[2010, 8]]} and item["accessed"] == {"date-parts": [[2025, 1, 31]]}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_citation_of_an_item_names_the_toolkit_the_item_and_its_permalink(lang):
    edition = load_edition(lang)
    citer = citation.Citer(edition)
    items = [i for i in edition.items if i.page == "iv"]
    data = loaded(citer.script(citer.page("iv", citer.title_of(edition.page("iv"))), items))
    check_item(item_citation(lang, data, citation.item_values(edition.item("IV.D.3.o"), edition)), lang)
    english = f" [{ORIGINAL.english_title}]"
    assert (english in "".join(data["item"]["text"])) == (lang == "en")  # the publisher's English title


def test_a_working_group_document_is_cited_by_its_title_and_symbol():
    edition = load_edition("en")
    citer = citation.Citer(edition)
    ref = replace(citer.page("background-2019", ""), locator="paragraph BP2019.12")
    formats = citation.formats(ref, citation.Accessed.on(DAY, "31 January 2025"))
    text = "".join(formats["text"])
    assert "(CTOC/COP/WG.4/2019/3), paragraph BP2019.12. Online edition" in text and ORIGINAL.number not in text
    entry, record, item = parsed(formats)
    assert entry["number"].value == record["note"] == item["number"] == "CTOC/COP/WG.4/2019/3"
    assert entry["year"].value == str(item["issued"]["date-parts"][0][0]) == "2019"


def test_bibtex_escapes_what_it_must():
    ref = replace(citation.Citer(load_edition("fr")).page("index", ""), title="50 % & {x} #1 a_b")
    entry, _, _ = parsed(citation.formats(ref, citation.Accessed.on(DAY, "")))
    assert entry["title"].value == r"50 \% \& \{x\} \#1 a\_b"


def test_citation_cff_is_up_to_date_and_of_the_format():
    text = (ROOT / citation.CFF).read_text(encoding="utf-8")
    assert text == citation.cff(), "CITATION.cff is out of date with content/citation.yml: run `make schema`"
    cff = yaml.safe_load(text)
    # CFF 1.2.0: the required keys, an entity author, the type, and a reference's required keys
    assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["title"]
    assert cff["type"] in ("software", "dataset") and cff["url"] == ADDRESS
    assert cff["authors"] == [{"name": ORIGINAL.author["en"]}]
    [original] = cff["references"]
    assert {"type", "title", "authors"} <= set(original) and original["title"] == ORIGINAL.title
    assert original["identifiers"][0]["value"] == ORIGINAL.number and original["year"] == 2010


def test_pages_carry_citation_meta_tags_and_their_citations(site):
    for lang in ("fr", "en"):
        paths = sorted(p.relative_to(site).as_posix() for p in (site / lang).rglob("index.html"))
        for path in paths:
            page = html_pages.page(site / path)
            meta = {tag["name"]: tag["content"] for tag in page.select('meta[name^="citation_"]')}
            assert meta.get("citation_language") == lang and meta.get("citation_public_url", "").startswith(ADDRESS), path
            assert meta.get("citation_title") and page.select_one("button.tk-cite-page[data-citations]"), path
        page = html_pages.page(site / lang / "iv/index.html")
        meta = {tag["name"]: tag["content"] for tag in page.select('meta[name^="citation_"]')}
        assert meta["citation_author"] == meta["citation_publisher"] == ORIGINAL.author[lang]
        assert meta["citation_technical_report_number"] == ORIGINAL.number
        assert meta["citation_publication_date"] == "2010/08" and meta["citation_public_url"] == f"{ADDRESS}q/iv/"
        assert meta["citation_abstract_html_url"] == f"{ADDRESS}{lang}/iv/"
        assert meta["citation_title"].startswith(ORIGINAL.title)
        # what the item's “Cite” button gives, from the page's own citations script
        script = page.select_one("button.tk-cite-page")["data-citations"]
        data = loaded((site / lang / "iv" / script).read_text(encoding="utf-8"))
        values = {data["tokens"]["locator"]: data["items"]["iv-d-3-o"], data["tokens"]["anchor"]: "iv-d-3-o"}
        check_item(item_citation(lang, data, values), lang)
    assert html_pages.page(site / "fr/recommendations/index.html").select_one(
        'meta[name="citation_title"]')["content"] == "Recommandations adoptées par le Groupe de travail sur la traite des personnes"


def test_cite_button_shows_the_citation_and_downloads_it(served, browser):
    context = browser.new_context(accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served}en/iv/#iv-d-3-o", wait_until="load")
    button = page.locator("#iv-d-3-o > .tk-q button.tk-cite")
    assert button.get_attribute("aria-label") == "Cite IV.D.3.o"
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.tk-cite-dialog")
    dialog.wait_for()
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    text = dialog.locator(".tk-cite-text").inner_text()
    assert "question IV.D.3.o" in text and f"{PERMALINK} (accessed on {today})" in text
    assert dialog.locator(".tk-cite-text i").inner_text() == ORIGINAL.title
    dialog.get_by_role("button", name="Copy the citation").click()
    dialog.get_by_role("status").filter(has_text="Citation copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == text
    downloads = {}
    for name in ("BibTeX (.bib)", "RIS (.ris)", "CSL-JSON (.json)"):
        with page.expect_download() as download:
            dialog.get_by_role("button", name=name).click()
        downloads[download.value.suggested_filename] = download.value.path().read_text(encoding="utf-8")
    assert set(downloads) == {f"tiptoolkit-en-iv-d-3-o{ext}" for ext in (".bib", ".ris", ".json")}
    entry, record, item = parsed({"bibtex": downloads["tiptoolkit-en-iv-d-3-o.bib"],
                                  "ris": downloads["tiptoolkit-en-iv-d-3-o.ris"],
                                  "csl": downloads["tiptoolkit-en-iv-d-3-o.json"]})
    assert entry["url"].value == record["urls"][0] == item["URL"] == PERMALINK
    assert entry["title"].value == record["title"] == item["title"] == "question IV.D.3.o"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Cite IV.D.3.o"
    # the page's own button cites the chapter
    page.get_by_role("button", name="Cite this page").click()
    assert "V.09-87519, IV. " in dialog.locator(".tk-cite-text").inner_text()
    context.close()
