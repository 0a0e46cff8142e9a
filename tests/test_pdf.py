"""The PDF checklists, read back from the real build: IDs, page counts, contents page,
bookmarks, fonts, running headers and footers, the annex form's scales; their reuse; and
what stops their build."""

from __future__ import annotations

import logging
import re
import uuid
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tiptoolkit import caches
from tiptoolkit.catalog import load_edition
from tiptoolkit.edition import ANNEX
from tiptoolkit.checklist import Printer, load_publication
from tiptoolkit.errors import ContentError
from tiptoolkit.pdf import _render, build_pdfs, documents, file_name

pytestmark = pytest.mark.pdf
LANGS = ("fr", "en")
ID = re.compile(r"\b(?:(?:[IVX]+|ANNEX)\.[A-Z]\.\d+(?:\.[a-z])?(?:\.[ivxl]+)?|BP\d{4}\.Q\.\d+\.\w+)\b")
CHAPTERS = ("ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi")
PAPERS = ("background-2018", "background-2019")  # the Working Group papers with questions for discussion
PRINTED = (*CHAPTERS, ANNEX, *PAPERS)


@lru_cache(maxsize=None)
def reader(path: Path) -> PdfReader:
    return PdfReader(path)


@lru_cache(maxsize=None)
def page_texts(path: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in reader(path).pages)


def text_of(path: Path) -> str:
    return "\n".join(page_texts(path))


def pdf(site: Path, lang: str, slug: str | None) -> Path:
    return site / lang / "pdf" / file_name(lang, slug)


def ids_of(edition, slug: str) -> list[str]:
    return [item.id for item in edition.items if item.page == slug]


@pytest.mark.parametrize("lang", LANGS)
def test_each_chapter_pdf_has_every_id_of_its_chapter_in_order_and_no_other(site, lang):
    edition = load_edition(lang)
    for slug in CHAPTERS:
        printed = ID.findall(text_of(pdf(site, lang, slug)))
        assert printed == ids_of(edition, slug), f"{lang} {slug}"


@pytest.mark.parametrize("lang", LANGS)
def test_mission_pack_has_every_question_and_the_annex_form(site, lang):
    edition = load_edition(lang)
    printed = ID.findall(text_of(pdf(site, lang, None)))
    assert printed == [item.id for item in edition.items if item.page in PRINTED and item.kind != "paragraph"]


def _descendants(entry):
    for child in entry.children:
        yield child
        yield from _descendants(child)


@pytest.mark.parametrize("lang", LANGS)
def test_no_question_is_split_from_its_sub_items_where_it_fits_on_a_page(site, lang):
    edition = load_edition(lang)
    checked = with_sub_items = 0
    for section in Printer(edition, load_publication()).sections():
        pages = {}  # ID -> the pages it is printed on
        for number, text in enumerate(page_texts(pdf(site, lang, section.slug)), start=1):
            for found in ID.findall(text):
                pages.setdefault(found, set()).add(number)
        for question in section.questions:
            with_sub_items += bool(question.children)
            if question.fits and question.children:
                spread = set().union(*(pages[e.item.id] for e in (question, *_descendants(question))))
                assert len(spread) == 1, f"{question.item.id} is split across pages {sorted(spread)}"
                checked += 1
    assert checked >= 0.9 * with_sub_items > 0, f"only {checked} of {with_sub_items} questions with sub-items checked"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_page_x_of_y_with_the_edition_and_the_permalink(site, lang):
    edition = load_edition(lang)
    strings, url = edition.strings.checklist, load_publication().url.removeprefix("https://")
    for slug in (*CHAPTERS, ANNEX, None):
        texts = page_texts(pdf(site, lang, slug))
        for number, text in enumerate(texts, start=1):
            footer = strings.page_of.replace("{page}", str(number)).replace("{pages}", str(len(texts)))
            assert footer in text and strings.edition in text, f"{slug} page {number}"
            if slug is not None:
                assert f"{url}q/{slug}/" in text, f"{slug} page {number}: no short permalink"


@pytest.mark.parametrize("lang", LANGS)
def test_running_header_names_the_chapter(site, lang):
    edition = load_edition(lang)
    for slug in CHAPTERS:
        title = f"{edition.page(slug).numeral}. {edition.page(slug).content.title}"
        for number, text in enumerate(page_texts(pdf(site, lang, slug))[1:], start=2):
            assert " ".join(title.split()) in " ".join(text.split()), f"{slug} page {number}"  # only in the header


def _flatten(outline, depth=0):
    for entry in outline:
        if isinstance(entry, list):
            yield from _flatten(entry, depth + 1)
        else:
            yield entry, depth


@pytest.mark.parametrize("lang", LANGS)
def test_mission_pack_contents_and_bookmarks_give_the_right_pages(site, lang):
    edition = load_edition(lang)
    path = pdf(site, lang, None)
    document, texts = reader(path), page_texts(path)
    marks = [(entry.title, depth, document.get_destination_page_number(entry) + 1)
             for entry, depth in _flatten(document.outline)]
    contents_title = edition.strings.checklist.contents
    chapters = [m for m in marks if m[1] == 0 and m[0] != contents_title]
    assert len(chapters) == len(PRINTED)  # chapters, the annex, the papers' questions
    parts = 2 * len(CHAPTERS) + len(edition.page(ANNEX).content.sections) + len(PAPERS)  # a paper: its questions
    assert sum(1 for m in marks if m[1] == 1) == parts
    for title, _, page in chapters:
        assert " ".join(title.split()[:4]) in " ".join(texts[page - 1].split()), f"{title} is not on page {page}"
    contents_page = next(page for title, _, page in marks if title == contents_title)
    contents = " \n".join(texts[contents_page - 1:chapters[0][2] - 1])  # the contents may run over a page
    listed = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)\s*$", contents, re.M)]
    assert listed == [page for title, _, page in marks if title != contents_title]


def test_pdfs_embed_only_the_checklist_fonts_and_are_tagged(site):
    for path in sorted(site.glob("*/pdf/*.pdf")):
        document = reader(path)
        catalog = document.trailer["/Root"]
        assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog, path.name
        assert catalog["/Lang"] == path.parent.parent.name, path.name
        for page in document.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
                    "/FontDescriptor"]
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), path.name
                assert "Noto" in font["/BaseFont"], f"{path.name}: {font['/BaseFont']} is not a checklist font"


@pytest.mark.parametrize("lang", LANGS)
def test_annex_form_carries_every_scale_as_tick_boxes(site, lang):
    edition = load_edition(lang)
    text = text_of(pdf(site, lang, ANNEX))
    scales = edition.annex_scales
    scaled = [scales[item.scale] for item in edition.items if item.scale]
    assert text.count("☐") == sum(len(scale.options) for scale in scaled)
    flat = " ".join(text.split())
    for scale in scales.values():
        assert flat.count(scale.label) >= sum(1 for s in scaled if s is scale) // 3  # a header per run of rows
        for option in scale.options:
            assert " ".join(option.split()) in flat
    notes = [item for item in edition.items if item.note]
    assert flat.count(f"{edition.strings.labels.interviewer_note}:") == len(notes)
    assert "{country}" not in text and f"[{edition.strings.labels.country}]" not in text
    assert edition.strings.labels.country in text  # the blank's hint


@pytest.mark.parametrize("lang", LANGS)
def test_checklists_have_the_answer_columns_and_room_for_notes(site, lang):
    strings = load_edition(lang).strings.checklist
    flat = " ".join(text_of(pdf(site, lang, "iv")).split())
    assert all(answer in flat for answer in strings.answers) and strings.notes in flat
    for field in strings.mission_fields:
        assert field in flat


def test_catalogue_page_gives_true_page_counts_and_sizes(site):
    for lang in LANGS:
        edition = load_edition(lang)
        soup = BeautifulSoup((site / lang / "checklists" / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = soup.select("article table a[href$='.pdf']")
        assert len(links) == len(LANGS) * (len(PRINTED) + 1)  # and the mission pack
        for link in links:
            target = (site / lang / "checklists" / link["href"]).resolve()
            other = load_edition(link["hreflang"]).strings.checklist
            pages = len(reader(target).pages)
            size = max(1, round(target.stat().st_size / 1000))
            cell = link.parent.get_text().strip()
            assert cell == f"PDF, {other.pages.replace('{n}', str(pages))}, {size}\u00a0{other.kilobytes}", cell
        assert soup.find("h1").get_text(strip=True).startswith(edition.strings.checklist.catalogue)


def test_chapter_pages_link_their_pdfs_in_both_languages(site):
    for lang in LANGS:
        for slug in PRINTED:
            soup = BeautifulSoup((site / lang / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
            hrefs = [a["href"] for a in soup.select(".tk-printable a[href$='.pdf']")]
            assert sorted(Path(h).name for h in hrefs) == sorted(file_name(code, slug) for code in LANGS)
            assert all((site / lang / slug / h).resolve().is_file() for h in hrefs)


def test_offline_bundle_holds_the_pdfs(site):
    with zipfile.ZipFile(site / "toolkit-offline.zip") as archive:
        names = set(archive.namelist())
    for lang in LANGS:
        assert f"toolkit-offline/{lang}/pdf/{file_name(lang, 'iv')}" in names
        assert f"toolkit-offline/{lang}/pdf/{file_name(lang, None)}" in names


def test_unchanged_pdfs_are_reused_and_a_change_rebuilds_only_its_own(site, sources, caplog):
    """The site fixture built every PDF: the same sources build none; an English change in
    chapter XI rebuilds that chapter's English checklist and the English mission pack."""
    caplog.set_level(logging.INFO, logger="tiptoolkit")
    cache = caches.folder("pdf")  # the run's, where the site fixture's PDFs are
    build_pdfs(sources, cache=cache)
    count = 2 * (len(PRINTED) + 1)  # per language: each printed page and the mission pack
    assert f"PDF checklists: 0 to build, {count} unchanged (reused)" in caplog.text
    caplog.clear()
    path = sources / "chapters" / "en" / "xi.yml"
    start, mark = "key_questions:\n  - n: 1\n    text: \"", f"Now ({uuid.uuid4().hex[:8]}), "  # new to the cache
    path.write_text(path.read_text(encoding="utf-8").replace(start, start + mark, 1), encoding="utf-8")
    manifest = build_pdfs(sources, cache=cache)
    assert f"PDF checklists: 2 to build, {count - 2} unchanged (reused)" in caplog.text
    built = sorted(re.findall(r"PDF \d/2: (\S+),", caplog.text))
    assert built == sorted([file_name("en", "xi"), file_name("en", None)])
    xi = next(p for p in manifest["en"] if p.slug == "xi")
    assert mark in "".join(page.extract_text() for page in PdfReader(xi.path).pages)


def test_a_pdf_made_by_a_worker_after_others_is_the_same_as_made_alone(site, tmp_path):
    """A worker keeps one font configuration for all its PDFs: the last and smallest ones,
    made after the others, are the same, byte for byte, as when made on their own."""
    document = next(d for d in documents(load_edition("en")) if d.slug == "viii")
    alone = tmp_path / document.name
    _render(document.html, str(alone))
    assert alone.read_bytes() == pdf(site, "en", "viii").read_bytes()


def test_a_character_without_glyph_stops_the_build(sources):
    path = sources / "chapters" / "fr" / "iv.yml"
    text = path.read_text(encoding="utf-8")
    old = '    text: "Existe-t-il des modes'
    path.write_text(text.replace(old, '    text: "ع Existe-t-il des modes', 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    with pytest.raises(ContentError) as caught:
        build_pdfs(sources)
    message = str(caught.value)
    assert f"chapters/fr/iv.yml:{line}: IV.C.1: the character “ع” (U+0639) has no glyph" in message
    assert "fix: write the character the source prints, or add a font" in message
    assert message.count("U+0639") == 1
