"""The home pages start from the reader's task: read a chapter, prepare a mission, share a
question, the Working Group's documents, each a section whose links work; they say who
publishes the edition and what it is; and every page's footer says so in one line, in its
language, with links to those sections."""

from pathlib import Path

import pytest
from bs4 import Tag
from test_site import resolve

import html_pages
from tiptoolkit.catalog import editions
from tiptoolkit.checklist import load_publication
from tiptoolkit.edition import languages

TASKS = ("contents", "prepare", "share", "working-group")  # the home page's sections, by anchor
EXAMPLE = "IV.D.3.o"  # the short permalink the home pages give as an example


def section(site: Path, lang: str, anchor: str) -> list[Tag]:
    """What the home page of `lang` has under its heading `anchor`, up to the next heading of its level."""
    heading = html_pages.element(site / lang / "index.html", anchor)
    assert heading is not None and heading.name == "h2", f"{lang}/: no section #{anchor}"
    body = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        body.append(sibling)
    return body


def links(tags: list[Tag]) -> list[str]:
    return [a["href"] for tag in tags for a in ([tag] if tag.name == "a" else tag.find_all("a", href=True))]


def broken(site: Path, page: str, hrefs: list[str]) -> list[str]:
    """The links of `page` whose file or fragment does not exist in the built site."""
    out = []
    for href in hrefs:
        target, fragment = resolve(site, page, href)
        if not (site / target).is_file() or (fragment and fragment not in html_pages.ids(site / target)):
            out.append(href)
    return out


@pytest.mark.parametrize("lang", languages())
def test_the_home_page_starts_with_the_four_tasks(site, lang):
    start = links(section(site, lang, "start"))
    assert start == [f"#{anchor}" for anchor in TASKS]
    for anchor in TASKS:
        hrefs = links(section(site, lang, anchor))
        assert hrefs, f"{lang}/#{anchor} has no link"
        assert broken(site, f"{lang}/index.html", hrefs) == []


@pytest.mark.parametrize("lang", languages())
def test_read_a_chapter_lists_the_toolkit_and_the_working_group_section_its_documents(site, lang):
    edition = editions()[lang]
    toolkit = [f"{page.slug}/" for page in edition.pages if not page.document]
    documents = [f"{page.slug}/" for page in edition.pages if page.document]
    assert documents and set(toolkit) <= set(links(section(site, lang, "contents")))
    assert not set(documents) & set(links(section(site, lang, "contents")))
    assert set(documents) <= set(links(section(site, lang, "working-group")))


@pytest.mark.parametrize("lang", languages())
def test_prepare_a_mission_links_the_checklists_and_the_mission_page(site, lang):
    assert {"checklists/", "mission/"} <= set(links(section(site, lang, "prepare")))


@pytest.mark.parametrize("lang", languages())
def test_share_a_question_gives_a_short_permalink_as_printed_that_leads_to_it(site, lang):
    address = f"{load_publication().url}q/{EXAMPLE}/"
    examples = [a for tag in section(site, lang, "share") for a in tag.find_all("a", class_="tk-short-link")]
    assert [a.get_text() for a in examples] == [address.removeprefix("https://")]
    assert examples[0]["href"] == f"../q/{EXAMPLE}/"
    assert (site / "q" / EXAMPLE / "index.html").is_file()


@pytest.mark.parametrize("lang", languages())
def test_the_home_page_says_who_publishes_the_edition(site, lang):
    text = " ".join(tag.get_text(" ") for tag in section(site, lang, "edition"))
    assert "V.09-87519" in text and "2010" in text and "MIT" in text


@pytest.mark.parametrize("lang", languages())
def test_every_page_has_the_footer_in_its_language(site, page_paths, lang):
    footer = editions()[lang].strings.footer
    paths = [path for path in page_paths if path.startswith(f"{lang}/")]
    assert f"{lang}/404.html" in paths and len(paths) > 10
    problems = []
    for path in paths:
        found = html_pages.page(site / path).select("footer .tk-footer")
        if len(found) != 1:
            problems.append(f"{path}: {len(found)} footers")
            continue
        status = found[0].find(class_="tk-status")
        hrefs = links([found[0]])
        if status is None or status.get_text() != footer.status:
            problems.append(f"{path}: the status is not `footer.status`")
        if [resolve(site, path, href) for href in hrefs] != [(f"{lang}/index.html", "start"),
                                                             (f"{lang}/index.html", "edition")]:
            problems.append(f"{path}: the footer's links are {hrefs}")
        if "Material for MkDocs" in found[0].find_parent("footer").get_text():
            problems.append(f"{path}: the theme's credit")
    assert problems == []
