"""Printing from the browser (Debian's Chromium): the mission checklist page prints exactly
the selected questions, keeps its selection in the address, and ordinary pages print without
the site's controls."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tiptoolkit.catalog import load_edition

URL = re.compile(r"https?://[^\n]*")  # to the end of the footer line (the link may break after `=`)
ID = re.compile(r"\b(?:[IVX]+|ANNEX)\.[A-Z]\.\d+(?:\.[a-z])?(?:\.[ivxl]+)?\b")


def selected_ids(edition, *groups: str) -> list[str]:
    """Every item of the given chapters, parts or questions, in reading order."""
    return [i.id for i in edition.items if any(i.id == g or i.id.startswith(g + ".") for g in groups)]


def printed(page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))


def body_text(document: PdfReader) -> str:
    """The printed text without the pages' footers, whose selection link names IDs too."""
    return "\n".join(URL.sub("", p.extract_text()) for p in document.pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_custom_selection_prints_exactly_its_questions(served, browser, lang):
    page = browser.new_page()
    page.goto(f"{served}{lang}/mission/?select=IV.C,V.D.2,ANNEX.F", wait_until="load")  # its script has run
    page.evaluate("document.fonts.ready")
    document = printed(page)
    text = body_text(document)
    assert ID.findall(text) == selected_ids(load_edition(lang), "IV.C", "V.D.2", "ANNEX.F")
    fonts = {str(f.get_object()["/BaseFont"]) for p in document.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("Noto" in name for name in fonts), fonts  # the PDFs' fonts, from the site itself
    width, height = (float(v) for v in document.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4, like the PDFs
    page.close()


def test_ticking_updates_the_address_and_survives_a_language_switch(served, browser):
    page = browser.new_page()
    page.goto(f"{served}fr/mission/", wait_until="load")
    page.locator(".tk-mission-form").wait_for()
    page.locator('input[data-select="VII"]').check()
    page.locator("#cl-iv-d").scroll_into_view_if_needed()  # rendered as the reader reaches it
    page.locator('input.tk-cl-pick[value="IV.D.3"]').check()
    page.locator('input[data-select="ANNEX.G"]').check()
    page.wait_for_url("**/fr/mission/?select=VII,ANNEX.G,IV.D.3")
    assert page.locator(".tk-mission-link").input_value() == page.url
    questions = [i for i in load_edition("fr").items if i.depth == 0]
    count = sum(1 for i in questions if i.chapter == "VII" or i.id.startswith("ANNEX.G.") or i.id == "IV.D.3")
    assert page.locator(".tk-mission-count").text_content() == f"Questions sélectionnées: {count}"
    page.locator('input[data-select="VII.D"]').uncheck()  # part of a whole chapter: the rest stays
    page.wait_for_url("**/fr/mission/?select=VII.C,ANNEX.G,IV.D.3")
    assert page.locator('input[data-select="VII"]').evaluate("box => box.indeterminate")
    page.locator("a.tk-language[hreflang=en]").dispatch_event("click")
    page.wait_for_url("**/en/mission/?select=VII.C,ANNEX.G,IV.D.3")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # every selected part rendered, as for a print
    checked = page.locator("input.tk-cl-pick:checked").evaluate_all("boxes => boxes.map(b => b.value)")
    english = load_edition("en")
    assert checked == [i.id for i in english.items if i.depth == 0 and (
        i.id.startswith(("ANNEX.G.", "VII.C.")) or i.id == "IV.D.3")]
    text = body_text(printed(page))
    assert ID.findall(text) == selected_ids(english, "IV.D.3", "VII.C", "ANNEX.G")
    page.close()


def test_printing_nothing_says_what_to_do(served, browser):
    page = browser.new_page()
    page.goto(f"{served}en/mission/", wait_until="load")
    page.get_by_role("button", name="Print").click()
    assert page.get_by_role("alert").text_content() == load_edition("en").strings.checklist.nothing_selected
    page.close()


def test_ordinary_pages_print_without_navigation_or_controls(served, browser):
    page = browser.new_page()
    page.goto(f"{served}fr/iv/", wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".tk-search-open", "button.tk-copy", ".tk-printable",
                     ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("#iv-d-3-o").is_visible()
    text = "\n".join(p.extract_text() for p in printed(page).pages)
    assert "IV.D.3.o" in text and "Rechercher" not in text
    page.close()
