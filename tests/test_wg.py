"""The Working Group documents in the real site: numbering and IDs, citations of reports
resolved through the correspondence table (or flagged), thematic links with the chapters,
the catalogue of resources, their checklists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

import html_pages
from tiptoolkit import wg
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import ROOT, anchor_of
from tiptoolkit.markup import CITE
from tiptoolkit.resources import box_places, load_resources

LANGS = ("fr", "en")


def soup(site: Path, path: str) -> BeautifulSoup:
    """The built page `path`, parsed once per run (read only)."""
    return html_pages.page(site / path)


def find_id(site: Path, path: str, id_: str):
    """`soup(site, path).find(id=id_)`, from the page's index of IDs."""
    return html_pages.element(site / path, id_)


def target_of(href: str) -> tuple[str, str]:
    """`../recommendations/#wg-i-11` -> ('recommendations', 'wg-i-11')."""
    path, _, fragment = href.partition("#")
    return path.strip("./").split("/")[-1] if path.strip("./") else "", fragment


def test_ids_follow_meetings_and_restart_in_each(edition):
    ids = {item.id for item in edition.items}
    assert {"WG.I.1", "WG.II.1", "WG.IV.46.j.ii", "WG.VIII.2"} <= ids
    recommendations = edition.page("recommendations").content
    assert [m.n for m in recommendations.meetings] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    third = recommendations.meetings[2]
    assert third.recommendations == [] and third.preamble
    assert not any(i.id.startswith("WG.III.") for i in edition.items)
    for meeting in recommendations.meetings:
        assert [r.n for r in meeting.recommendations] == list(range(1, len(meeting.recommendations) + 1))


def test_papers_number_paragraphs_and_questions(edition):
    for slug, prefix in (("background-2018", "BP2018"), ("background-2019", "BP2019"), ("coordination-report", "SGR")):
        numbers = [int(i.id.split(".")[1]) for i in edition.items
                   if i.page == slug and i.kind == "paragraph" and i.depth == 0]
        assert numbers == list(range(1, len(numbers) + 1)), slug
    questions = [i.id for i in edition.items if i.kind == "discussion-question"]
    assert "BP2018.Q.1.1" in questions  # the 2018 paper letters none: numbered within the theme
    assert "BP2019.Q.1.a" in questions and any(re.fullmatch(r"BP2019\.Q\.\d+\.u", q) for q in questions)


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_iv_shows_the_working_group_on_its_theme(site, lang):
    edition = load_edition(lang)
    page = soup(site, f"{lang}/iv/index.html")
    heading = find_id(site, f"{lang}/iv/index.html", "iv-wg")
    assert heading and edition.strings.wg.recommendations_on_theme in heading.get_text()
    links = [a["href"] for a in page.select("ul.tk-wg a[href]")]
    recommendations = [target_of(h) for h in links if "recommendations/" in h]
    questions = [target_of(h) for h in links if "background-20" in h]
    assert recommendations and questions
    mapped = [e.item for e in wg.themes(ROOT)[0].entries if "IV" in e.chapters]
    assert {anchor_of(i) for i in mapped} <= {fragment for _, fragment in recommendations + questions}
    for slug, fragment in recommendations + questions:  # each leads to the full text, in this language
        target = find_id(site, f"{lang}/{slug}/index.html", fragment)
        assert target is not None, f"{slug}#{fragment}"
    assert find_id(site, f"{lang}/iv/index.html", "iv-wg-questions")


@pytest.mark.parametrize("lang", LANGS)
def test_each_mapped_item_links_back_to_its_chapters(site, lang):
    for entry in wg.themes(ROOT)[0].entries:
        slug = next(p.slug for p in load_edition(lang).pages if p.document and p.document.id == entry.item.split(".")[0])
        anchor = find_id(site, f"{lang}/{slug}/index.html", anchor_of(entry.item))
        assert anchor is not None, entry.item
        block = anchor if anchor.name == "li" else anchor.find_next_sibling("p", class_="tk-themes")
        links = [a["href"] for a in block.select(".tk-themes a")]
        assert [h.strip("./").split("/")[-1] for h in links][:len(entry.chapters)] == [c.lower() for c in entry.chapters]


def citations_in(edition):
    """(item or page, symbol, locator, link text) of every `cite:` link of the documents' items."""
    for item in edition.items:
        for name in ("text", "after"):
            for match in CITE.finditer(getattr(item, name) or ""):
                yield item, match["symbol"], match["loc"], match["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_citation_reaches_its_recommendation_or_is_flagged(site, lang):
    edition = load_edition(lang)
    table, _ = wg.citations(ROOT)
    seen_resolved = seen_flagged = 0
    for item, symbol, locator, text in citations_in(edition):
        block = find_id(site, f"{lang}/{item.page}/index.html", item.anchor).find(class_="tk-q")
        target = wg.resolve(table, symbol, locator)
        if target.id is None:
            flagged = [s for s in block.select("span.tk-unresolved") if s.get_text() == BeautifulSoup(text, "html.parser").get_text()]
            assert flagged, f"{item.id}: {symbol}#{locator}"
            assert target.flag[lang] in block.get_text()
            seen_flagged += 1
        else:
            hrefs = [a["href"] for a in block.find_all("a", href=True) if a["href"].endswith("#" + anchor_of(target.id))]
            assert hrefs, f"{item.id}: {symbol}#{locator} should link to {target.id}"
            slug, fragment = target_of(hrefs[0])
            assert find_id(site, f"{lang}/{slug or item.page}/index.html", fragment) is not None
            seen_resolved += 1
    assert seen_resolved >= 20 and seen_flagged >= 1


def test_report_paragraph_is_not_the_recommendation_number():
    """The table, not the paragraph number, says which recommendation a report paragraph is."""
    table, _ = wg.citations(ROOT)
    shifted = [row for row in table.citations if row.target and "#par." in row.cited
               and row.cited.rsplit(".", 1)[-1] != row.target.rsplit(".", 1)[-1]]
    assert shifted, "every row maps par. N to recommendation N: the correspondence was not derived"
    assert all(row.note.strip() for row in table.citations)


@pytest.mark.parametrize("lang", LANGS)
def test_resources_page_lists_each_resource_once_with_every_place(site, lang):
    catalogue, _ = load_resources(ROOT)
    page = soup(site, f"{lang}/resources/index.html")
    terms = page.select("dl.tk-resources dt")
    assert [t["id"] for t in terms] == [f"res-{r.id}" for k in ("instrument", "resolution", "tool", "publication",
                                                                  "database") for r in catalogue.resources if r.kind == k]
    places = sum(len(dt.find_next_sibling("dd").find_all("a")) for dt in terms)
    assert places == sum(len(r.cited_in) for r in catalogue.resources)
    cited = [p for r in catalogue.resources for p in r.cited_in]
    assert sorted(p for p in cited if p.startswith("box.")) == sorted(box_places(load_edition(lang)))
    assert any(not p.startswith("box.") for p in cited)  # the companion documents' citations too


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGS)
def test_discussion_questions_print_as_checklists(site, lang):
    for slug, prefix in (("background-2018", "BP2018"), ("background-2019", "BP2019")):
        pdf = site / lang / "pdf" / f"checklist-{slug}-{lang}.pdf"
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        ids = [i.id for i in load_edition(lang).items if i.page == slug and i.kind == "discussion-question"]
        found = re.findall(rf"{prefix}\.Q\.\d+\.\w+", text)
        assert found == ids, slug
    assert (site / lang / "mission" / "index.html").read_text(encoding="utf-8").count('data-id="BP2019.Q.') >= 21


def test_exports_carry_recommendations_and_questions_in_one_shape(site):
    import json
    records = json.loads((site / "fr" / "questions.json").read_text(encoding="utf-8"))
    kinds = {r["kind"] for r in records}
    assert {"question", "recommendation", "paragraph", "discussion-question"} <= kinds
    assert len({tuple(r) for r in records}) == 1  # the same keys, in the same order, for every record
    assert next(r for r in records if r["id"] == "WG.IV.46.j.ii")["url"] == "fr/recommendations/#wg-iv-46-j-ii"


def test_short_permalinks_of_recommendations_and_questions(site):
    for anchor in ("wg-iv-46-j-ii", "bp2019-q-1-a", "bp2018-11"):
        page = soup(site, f"q/{anchor}/index.html")
        langs = {a.get("hreflang") or a.get("lang") for a in page.find_all("a", href=True)}
        assert {"fr", "en"} <= langs, anchor
