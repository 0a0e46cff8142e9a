"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page, and a keyboard
reaches every question's link."""

import json

import pytest
from conftest import PAGE_GROUPS, page_group

from tiptoolkit.edition import ROOT, anchor_of, languages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_page(browser):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make install` (it runs `npm ci`)")
    context = browser.new_context(bypass_csp=True)  # axe is injected by the test, not served by the site
    context.route("**/q/permalink.js", lambda route: route.abort())  # check a short permalink page itself
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": WCAG},
               "resultTypes": ["violations"]}  # passes are not listed node by node: much faster on long pages
    result = page.evaluate("opts => axe.run(document, opts)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if len(n["target"]) == 1
            else json.dumps(n["target"]) for n in v["nodes"][:5]) for v in result["violations"]]


@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_no_wcag_violation_on_any_page(served, axe_page, page_paths, group):
    paths = [path for path in page_paths if page_group(path) == group]
    assert paths
    problems = []
    for path in paths:
        axe_page.goto(served + path, wait_until="load")
        problems += [f"{path}: {v}" for v in violations(axe_page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", languages())
def test_open_search_has_no_violation(served, axe_page, search, lang):
    axe_page.goto(f"{served}{lang}/", wait_until="networkidle")
    search(axe_page, "victimes" if lang == "fr" else "victims")
    assert not violations(axe_page)


@pytest.mark.parametrize("lang", languages())
def test_keyboard_reaches_every_question_link(served, browser, edition, lang):
    page = browser.new_page()
    page.goto(f"{served}{lang}/iv/", wait_until="load")
    wanted = set(page.locator("a.tk-id").evaluate_all("links => links.map(a => a.hash)"))
    assert wanted == {f"#{anchor_of(item.id)}" for item in edition.items if item.page == "iv"}
    reached = set()
    for _ in range(len(wanted) * 3 + 200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.matches('a.tk-id') ? document.activeElement.hash : null")
        if focused:
            reached.add(focused)
        if reached == wanted:
            break
    page.close()
    assert reached == wanted, f"not reachable by Tab: {sorted(wanted - reached)[:10]}"
