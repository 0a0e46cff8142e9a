"""The mission checklist page as a tool (issue 15, part 7): its actions stay in view down the
page, its selection's link copies with a button, a link per chapter leads to it, a click on a
question ticks it, and a print with nothing selected says so instead of printing blank pages."""

from __future__ import annotations

import html_pages
from test_print import printed

from tiptoolkit.catalog import load_edition


def test_a_link_per_chapter_leads_to_its_checklist(site):
    page = html_pages.page(site / "fr" / "mission" / "index.html")
    links = page.select("nav.tk-mission-jump a")
    sections = page.select(".tk-mission-sheet > section.tk-cl-section")
    assert [a["href"] for a in links] == [f"#{section['id']}" for section in sections] and len(links) > 10


def test_the_page_works_as_a_tool(served, browser):
    strings = load_edition("fr").strings
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served}fr/mission/", wait_until="load")
    page.locator("#cl-iv-c").scroll_into_view_if_needed()  # its questions are rendered as the reader reaches them
    page.locator('table.tk-cl-q[data-id="IV.C.1"] .tk-cl-text').first.click()  # the question, not its box
    page.wait_for_url("**/fr/mission/?select=IV.C.1")
    page.locator('table.tk-cl-q[data-id="IV.C.1"] .tk-cl-text').first.click()
    page.wait_for_url("**/fr/mission/")
    page.locator("#cl-v-d").scroll_into_view_if_needed()
    page.locator('input.tk-cl-pick[value="V.D.2"]').check()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    bar = page.locator(".tk-mission-bar")
    assert 0 <= bar.bounding_box()["y"] < page.viewport_size["height"] / 2  # still in view at the bottom
    bar.get_by_role("button", name=strings.checklist.copy_selection_link).click()
    bar.get_by_text(strings.labels.link_copied).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == page.url == f"{served}fr/mission/?select=V.D.2"
    bar.get_by_role("button", name=strings.checklist.clear).click()
    page.wait_for_url("**/fr/mission/")
    text = "\n".join(p.extract_text() for p in printed(page).pages)  # Ctrl+P with nothing selected
    assert strings.checklist.nothing_selected in text and "IV.C.1" not in text
    context.close()
