"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page, in the light scheme
and, on a sample of pages, in the dark one; the colour scheme toggle is named in the page's
language; a keyboard reaches every question's link."""

import json

import pytest
from conftest import PAGE_GROUPS, pages_in

from tiptoolkit import palette
from tiptoolkit.catalog import editions
from tiptoolkit.edition import ROOT, anchor_of, languages
from tiptoolkit.errors import ContentError

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DARK_SAMPLE = ("", "iv/", "mission/", "glossary/")  # per edition: home page, a chapter, mission checklist, glossary
SCHEME = "body[data-md-color-scheme='{}']"  # the scheme the theme shows: `default` (light) or `slate` (dark)


def axe_context(browser, **options):
    """A browser context in which a test injects axe (not served by the site: the policy would refuse it)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make install` (it runs `npm ci`)")
    return browser.new_context(bypass_csp=True, **options)


@pytest.fixture(scope="module")
def axe_page(browser):
    context = axe_context(browser)
    context.route("**/q/permalink.js", lambda route: route.abort())  # check a short permalink page itself
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def dark_axe_page(browser):
    """A page of a reader whose system asks for dark colours."""
    context = axe_context(browser, color_scheme="dark")
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": WCAG},
               "resultTypes": ["violations"]}  # passes are not listed node by node: much faster on long pages
    # First without naming the elements (a seventh faster over the site), then, if anything is found, again
    # to name them.
    quick = {**options, "selectors": False, "ancestry": False, "xpath": False, "noHtml": True}
    if not page.evaluate("opts => axe.run(document, opts)", quick)["violations"]:
        return []
    result = page.evaluate("opts => axe.run(document, opts)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if len(n["target"]) == 1
            else json.dumps(n["target"]) for n in v["nodes"][:5]) for v in result["violations"]]


@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_no_wcag_violation_on_any_page(served, axe_page, page_paths, group):
    paths = pages_in(group, page_paths)
    assert paths
    problems = []
    for path in paths:
        axe_page.goto(served + path, wait_until="load")
        problems += [f"{path}: {v}" for v in violations(axe_page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", languages())
def test_no_wcag_violation_in_the_dark_scheme(served, dark_axe_page, lang):
    """With the system set to dark, pages follow it (`slate`) and every text still has its contrast."""
    problems = []
    for path in DARK_SAMPLE:
        dark_axe_page.goto(f"{served}{lang}/{path}", wait_until="load")
        dark_axe_page.wait_for_selector(SCHEME.format("slate"), state="attached")
        problems += [f"{lang}/{path}: {v}" for v in violations(dark_axe_page)]
    assert not problems, "\n".join(problems)


def test_the_pages_outside_the_editions_follow_a_dark_system_with_their_contrast(served, dark_axe_page):
    """The language choice and the site's 404 page (no theme, no toggle) follow the system."""
    problems = []
    for path in ("", "404.html"):
        dark_axe_page.goto(served + path, wait_until="load")
        assert dark_axe_page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(13, 17, 23)", path
        problems += [f"{path}: {v}" for v in violations(dark_axe_page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", languages())
def test_the_scheme_toggle_is_named_in_the_page_s_language_switches_and_is_kept(served, browser, lang):
    names = editions()[lang].strings.palette
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{served}{lang}/iv/", wait_until="load")
    page.wait_for_selector(SCHEME.format("slate"), state="attached")  # as the system says
    for name in (names.light, names.dark, names.system):
        assert page.get_by_role("radio", name=name, exact=True).count() == 1, name
    page.get_by_title(names.light, exact=True).click()
    page.wait_for_selector(SCHEME.format("default"), state="attached")
    assert page.get_by_title(names.dark, exact=True).is_visible()  # the next click's
    for other in languages():  # the next page, in every language
        page.goto(f"{served}{other}/glossary/", wait_until="load")
        assert page.locator(SCHEME.format("default")).count() == 1, f"{other}: the next page forgot the reader's choice"
    context.close()


def test_the_scheme_toggle_names_the_scheme_each_click_switches_to(edition):
    entries = [{"media": palette.SYSTEM, "toggle": {"icon": "a"}},
               {"media": "(prefers-color-scheme: light)", "scheme": "default", "toggle": {"icon": "b"}},
               {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "toggle": {"icon": "c"}}]
    names = edition.strings.palette
    named = palette.named(entries, names)
    assert [entry["toggle"]["name"] for entry in named] == [names.light, names.dark, names.system]
    assert [entry["toggle"]["icon"] for entry in named] == ["a", "b", "c"]


def test_the_scheme_toggle_s_names_are_escaped_for_the_theme(edition):
    names = edition.strings.palette.model_copy(update={"dark": '<img src=x onerror="alert(1)">'})
    named = palette.named([{"scheme": "default", "toggle": {}}, {"scheme": "slate", "toggle": {}}], names)
    assert str(named[0]["toggle"]["name"]) == "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"


def test_a_scheme_without_a_name_is_refused_naming_the_entry(edition):
    with pytest.raises(ContentError) as error:
        palette.named([{"scheme": "default", "toggle": {}}, {"scheme": "sepia", "toggle": {}}],
                      edition.strings.palette)
    assert "mkdocs.yml: theme.palette[1]: the scheme `sepia` has no name" in str(error.value)
    assert "fix: use one of `default`, `slate`" in str(error.value)


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
