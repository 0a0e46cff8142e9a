"""The page “About this edition” in the real site: every correction of `content/departures.yml`
and every editor's note of the content, each with its ID linked to its place, in both languages;
the notes on box entries and footnotes shown in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import html_pages
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import ROOT, anchor_of
from tiptoolkit.markup import plain_text

LANGS = ("fr", "en")


def words(text: str) -> str:
    """A text as the page reads: markup and spacing aside."""
    return re.sub(r"\s+", " ", plain_text(text, "").replace("*", "")).strip()


def shown(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text()).strip()


def place_notes(lang: str) -> dict[str, str]:
    """The chapters' notes on box entries and footnotes, by ID, read from the files themselves."""
    return {place: note for path in sorted((ROOT / "chapters" / lang).glob("*.yml"))
            for place, note in (yaml.safe_load(path.read_text(encoding="utf-8")).get("editor_notes") or {}).items()}


def expected_notes(lang: str) -> dict[str, str]:
    """Every editor's note of the edition, by the ID of what it is on."""
    items = {item.id: item.editor_note for item in load_edition(lang).items if item.editor_note}
    return {**items, **place_notes(lang)}


def entries(site: Path, lang: str, section: str) -> dict[str, tuple]:
    """The page's entries under one heading: ID -> (its link, its description)."""
    page = html_pages.page(site / lang / "about" / "index.html")
    listing = page.find(id=f"about-{section}").find_next("dl")
    return {dt.a.get_text(): (dt.a["href"], dt.find_next_sibling("dd")) for dt in listing.find_all("dt")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_correction_is_listed_with_its_id_before_after_and_why(site, lang):
    corrections = yaml.safe_load((ROOT / "content" / "departures.yml").read_text(encoding="utf-8"))["corrections"]
    listed = entries(site, lang, "corrections")
    assert list(listed) == [c["id"] for c in corrections]
    for correction in corrections:
        href, description = listed[correction["id"]]
        assert re.fullmatch(r"\.\./[a-z0-9-]+/#[a-z0-9-]+", href)  # that it resolves: the links gate
        assert words(correction["why"][lang]) in shown(description)
        french = [shown(span) for span in description.select('span[lang="fr"]')]
        assert french == ([words(correction["before"]), words(correction["after"])] if "before" in correction else [])


@pytest.mark.parametrize("lang", LANGS)
def test_every_editor_note_is_listed_with_its_id(site, lang):
    expected = expected_notes(lang)
    listed = entries(site, lang, "notes")
    assert set(listed) == set(expected) and len(expected) >= 15
    edition = load_edition(lang)
    for place, note in expected.items():
        href, description = listed[place]
        assert "tk-editor-note" in description["class"] and shown(description) == words(note), place
        item = edition.item(place)
        if item:
            assert href == f"../{item.page}/#{item.anchor}", place


@pytest.mark.parametrize("lang", LANGS)
def test_notes_on_box_entries_and_footnotes_are_shown_in_place(site, lang):
    for place, note in place_notes(lang).items():
        href, _ = entries(site, lang, "notes")[place]
        page, anchor = href.removeprefix("../").split("/#")
        if "#fn." in place:  # in the footnote's item
            assert anchor == f"fn-{place.split('#fn.')[1]}"
        else:  # in its box (`#box-8`): the link leads to it or to its section (`#box-8-s1`)
            box = anchor_of(".".join(place.split(".")[:2]))
            assert anchor.startswith(box)
            anchor = box
        target = html_pages.page(site / lang / page / "index.html").find(id=anchor)
        assert any(shown(n).endswith(words(note)) for n in target.select(".tk-editor-note")), place


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_in_the_navigation_and_linked_from_the_home_page(site, lang):
    home = html_pages.page(site / lang / "index.html")
    assert home.select_one('#edition ~ p a[href="about/"]') is not None
    assert home.select_one('nav a[href="about/"]') is not None
