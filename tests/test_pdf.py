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
from tiptoolkit.mission_data import part_items
from tiptoolkit.mission_file import ANSWERABLE
from tiptoolkit.models import MISSION_FIELDS, RESPONSES
from tiptoolkit.pdf import _render, build_pdfs, documents, file_name, plan

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
def extracted(path: Path) -> tuple[tuple[str, tuple[tuple[str, float], ...]], ...]:
    """Each page's text, and its text runs with the height of their baseline from the page's foot
    (in points): one extraction for both, the slowest thing these tests do."""
    pages = []
    for page in reader(path).pages:
        runs = []

        def visit(text, cm, tm, _font, _size):
            if text.strip():
                runs.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
        pages.append((page.extract_text(visitor_text=visit), tuple(runs)))
    return tuple(pages)


def page_texts(path: Path) -> tuple[str, ...]:
    return tuple(text for text, _ in extracted(path))


def text_of(path: Path) -> str:
    return "\n".join(page_texts(path))


def pdf(site: Path, lang: str, slug: str | None, *, fillable: bool = False) -> Path:
    return site / lang / "pdf" / file_name(lang, slug, fillable=fillable)


def widgets(page) -> list[tuple[str, list[float]]]:
    """A page's form widgets: each one's field name (a radio button's, its group's) and rectangle."""
    out = []
    for annotation in page.get("/Annots", []):
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Widget":
            field = annotation if "/T" in annotation else annotation["/Parent"].get_object()
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            out.append((str(field["/T"]), [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]))
    return out


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
    """A question up to half a page is never split; a longer one breaks between its items, each
    item on the page of its notes' lines."""
    edition = load_edition(lang)
    checked = kept = 0
    for section in Printer(edition, load_publication()).sections():
        pages = {}  # field name -> the pages its widgets are on
        for number, page in enumerate(reader(pdf(site, lang, section.slug, fillable=True)).pages):
            for name, _ in widgets(page):
                pages.setdefault(name, set()).add(number)
        for question in section.questions:
            family = [question, *_descendants(question)]
            for entry in family:
                assert pages[f"{entry.item.id}.response"] == pages[f"{entry.item.id}.notes"], entry.item.id
            if question.fits and question.children:
                spread = set().union(*(pages[f"{e.item.id}.response"] for e in family))
                assert len(spread) == 1, f"{question.item.id} is split across pages {sorted(spread)}"
                checked += 1
            kept += question.fits
    assert checked > 0 and kept >= 0.8 * sum(len(s.questions) for s in Printer(edition, load_publication()).sections())


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
        fonts = {font.idnum: font for page in document.pages for font in page["/Resources"]["/Font"].values()}
        for font in fonts.values():  # each once: the pages share them
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
    boxes = [name for page in reader(pdf(site, lang, ANNEX, fillable=True)).pages for name, _ in widgets(page)]
    assert sum(1 for name in boxes if name.endswith(".response")) == sum(len(scale.options) for scale in scaled) + sum(
        len(RESPONSES) for item in edition.items if item.page == ANNEX and item.kind in ANSWERABLE and not item.scale)
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
def test_checklists_have_the_response_scale_the_mission_fields_and_how_to_answer(site, lang):
    strings = load_edition(lang).strings
    responses = strings.mission.labels.responses.values()
    for slug in (*PRINTED, None):
        texts = page_texts(pdf(site, lang, slug))
        flat = " ".join(" ".join(texts).split())
        assert all(response in flat for response in responses)
        assert " ".join(texts[0].split()).count(" ".join(strings.checklist.scale_line.replace(
            "{responses}", ", ".join(responses)).split())) == 1  # the cover's one line, once per document
        for label in strings.checklist.mission_fields.values():
            assert " ".join(texts[0].split()).count(label) == 1 and flat.count(label) == 1, f"{slug}: {label}"


def test_catalogue_page_gives_true_page_counts_and_sizes(site):
    for lang in LANGS:
        edition = load_edition(lang)
        soup = BeautifulSoup((site / lang / "checklists" / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = soup.select("article table a[href$='.pdf']")
        assert len(links) == 2 * len(LANGS) * (len(PRINTED) + 1)  # and the mission pack; each plain and fillable
        for plain, fillable in zip(links[::2], links[1::2]):
            other = load_edition(plain["hreflang"]).strings.checklist
            details = []
            for link in (plain, fillable):
                target = (site / lang / "checklists" / link["href"]).resolve()
                pages = len(reader(target).pages)
                size = max(1, round(target.stat().st_size / 1000))
                details.append(f"{link.get_text()}, {other.pages.replace('{n}', str(pages))}, {size}\u00a0{other.kilobytes}")
            assert Path(fillable["href"]).name == Path(plain["href"]).name.replace(f"-{plain['hreflang']}.pdf",
                                                                                   f"-fillable-{plain['hreflang']}.pdf")
            assert [plain.get_text(), fillable.get_text()] == ["PDF", other.fillable]
            cell = plain.parent.get_text().strip()
            assert cell == "".join(details).strip(), cell
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
        for slug in ("iv", None):
            assert f"toolkit-offline/{lang}/pdf/{file_name(lang, slug)}" in names
            assert f"toolkit-offline/{lang}/pdf/{file_name(lang, slug, fillable=True)}" in names


def test_unchanged_pdfs_are_reused_and_a_change_rebuilds_only_its_own(site, sources, caplog):
    """The site fixture built every PDF: the same sources build none; after an English change in
    chapter XI, that chapter's English checklist and the English mission pack are the ones to build."""
    caplog.set_level(logging.INFO, logger="tiptoolkit")
    cache = caches.folder("pdf")  # the run's, where the site fixture's PDFs are
    build_pdfs(sources, cache=cache)
    count = 2 * (len(PRINTED) + 1)  # per language: each printed page and the mission pack
    assert f"PDF checklists: 0 to build, {count} unchanged (reused)" in caplog.text
    path = sources / "chapters" / "en" / "xi.yml"
    start, mark = "key_questions:\n  - n: 1\n    text: \"", f"Now ({uuid.uuid4().hex[:8]}), "  # new to the cache
    path.write_text(path.read_text(encoding="utf-8").replace(start, start + mark, 1), encoding="utf-8")
    todo = plan(sources, cache).todo
    assert sorted(document.name for document in todo) == sorted([file_name("en", "xi"), file_name("en", None)])
    assert all(mark in document.html for document in todo)


def test_a_pdf_made_by_a_worker_after_others_is_the_same_as_made_alone(site, tmp_path):
    """A worker keeps one font configuration for all its PDFs: the last and smallest ones,
    made after the others, are the same, byte for byte, as when made on their own."""
    document = next(d for d in documents(load_edition("en")) if d.slug == "viii")
    alone, fillable = tmp_path / document.name, tmp_path / "fillable.pdf"
    _render(document.html, str(alone), str(fillable))
    assert alone.read_bytes() == pdf(site, "en", "viii").read_bytes()
    assert fillable.read_bytes() == pdf(site, "en", "viii", fillable=True).read_bytes()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_weasyprint_understands_every_rule_of_the_pdfs_styles(lang, caplog):
    """No rule WeasyPrint ignores (and reports, once per PDF, in every build): the browser-only
    ones belong in mission.css, which the PDFs do not load."""
    from weasyprint import CSS

    html = documents(load_edition(lang))[0].html
    styles = "\n".join(style.get_text() for style in BeautifulSoup(html, "html.parser").find_all("style"))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        CSS(string=styles, base_url=Path.cwd().as_uri() + "/")
    assert [record.getMessage() for record in caplog.records if record.name == "weasyprint"] == []


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


MM = 72 / 25.4  # points in a millimetre
RULED_LINE = 6.5 * MM  # a ruled line for notes (checklist.css)


def _document_items(lang: str, slug: str | None):
    sections = Printer(load_edition(lang), load_publication()).sections()
    return [e for s in sections if slug is None or s.slug == slug for part in s.parts for e in part_items(part)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_fillable_pdf_has_a_response_and_a_notes_field_per_item(site, lang):
    """Per item, a radio group `<ID>.response` on the item's scale and a multi-line `<ID>.notes`; the
    mission's fields once; the tagged PDF has none."""
    for slug in (*PRINTED, None):
        entries = _document_items(lang, slug)
        document = reader(pdf(site, lang, slug, fillable=True))
        fields = document.get_fields()
        assert set(fields) == {f"{e.item.id}.{what}" for e in entries for what in ("response", "notes")} | {
            f"mission.{name}" for name in MISSION_FIELDS}, slug
        for entry in entries:
            response, notes = fields[f"{entry.item.id}.response"], fields[f"{entry.item.id}.notes"]
            choices = [str(n) for n in range(1, len(entry.scale.options) + 1)] if entry.scale else list(RESPONSES)
            assert response["/FT"] == "/Btn" and list(response["/Opt"]) == choices, entry.item.id
            assert {f"/{n}" for n in range(len(choices))} <= set(response["/_States_"]), entry.item.id  # a button each
            assert notes["/FT"] == "/Tx" and notes["/Ff"] & (1 << 12), entry.item.id  # multi-line
        listed = [field.get_object() for field in document.trailer["/Root"]["/AcroForm"]["/Fields"]]
        assert all("/T" in field for field in listed) and len(listed) == len(fields), slug  # no button as a field
        named = [name for page in document.pages for name, _ in widgets(page) if name.startswith("mission.")]
        assert sorted(named) == sorted(f"mission.{name}" for name in MISSION_FIELDS), slug  # once per document
        assert "/AcroForm" not in reader(pdf(site, lang, slug)).trailer["/Root"], slug
        assert len(document.pages) == len(reader(pdf(site, lang, slug)).pages), slug  # one layout


def _rects(lang: str, slug: str | None, site: Path) -> dict[str, tuple[int, list[float]]]:
    """Each field's page (from 0) and rectangle, the first of a radio group's buttons."""
    out = {}
    for number, page in enumerate(reader(pdf(site, lang, slug, fillable=True)).pages):
        for name, rect in widgets(page):
            out.setdefault(name, (number, rect))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_note_space_grows_with_sub_items(site, lang):
    """Four ruled lines for a question on its own, two for each sub-item and for a question with
    sub-items: IV.D.3 and its 15 sub-items have 32 lines, not two to share."""
    rects = _rects(lang, "iv", site)
    height = {name[:-len(".notes")]: (rect[3] - rect[1]) / RULED_LINE for name, (_, rect) in rects.items()
              if name.endswith(".notes")}
    for entry in _document_items(lang, "iv"):
        wanted = 2 if entry.item.depth == 1 or entry.children else 4
        assert height[entry.item.id] == pytest.approx(wanted, abs=0.05), entry.item.id
    family = [i for i in height if i == "IV.D.3" or i.startswith("IV.D.3.")]
    assert len(family) == 16 and sum(height[i] for i in family) == pytest.approx(32, abs=0.5)


FOOT = 19 * MM  # the bottom page margin: below it, the footer


def _lowest(runs, page) -> float:
    """How low a page's content reaches: its lowest text above the footer (`runs`, from the tagged
    PDF) or field (`page`, of the fillable one: the same layout)."""
    return min([y for _, y in runs if y > FOOT] + [rect[1] for _, rect in widgets(page)])


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_less_than_half_used_except_before_a_new_chapter(site, lang):
    for slug in (*PRINTED, None):
        document = reader(pdf(site, lang, slug, fillable=True))
        starts = {document.get_destination_page_number(entry) for entry, depth in _flatten(document.outline)
                  if depth == 0}  # the chapters' first pages (in the pack; and its contents)
        top, bottom = float(document.pages[0].mediabox.top) - 17 * MM, FOOT
        half = (top + bottom) / 2
        texts = extracted(pdf(site, lang, slug))
        for number, page in enumerate(document.pages[:-1]):
            if number + 1 in starts or number == 0 and slug is None:  # before a new chapter; the pack's title page
                continue
            assert _lowest(texts[number][1], page) < half, f"{slug} page {number + 1} is less than half used"


@pytest.mark.parametrize("lang", LANGS)
def test_no_heading_is_left_at_the_foot_of_a_page(site, lang):
    """Under each part's and group's heading, on its page: a question's fields, or the part's
    overview with three lines of it at least."""
    overview = load_edition(lang).strings.labels.overview
    for section in Printer(load_edition(lang), load_publication()).sections():
        document = reader(pdf(site, lang, section.slug, fillable=True))
        headings = [" ".join(p.bookmark.split()) for p in section.parts] + [
            " ".join(g.heading.striptags().split()) for p in section.parts for g in p.groups if g.heading]
        found = 0
        for page, (_, runs) in zip(document.pages, extracted(pdf(site, lang, section.slug))):
            for heading in headings:
                start = heading.split("[")[0][:25].strip()  # a blank to fill prints no “[…]”
                at = [y for text, y in runs if " ".join(text.split()).startswith(start)]
                if not at:
                    continue
                found += 1
                fields = [rect for _, rect in widgets(page) if rect[3] < at[0]]
                lines = sorted({round(y) for text, y in runs if FOOT < y < at[0]}, reverse=True)
                overview_follows = any(text.strip() == overview and y < at[0] for text, y in runs) and len(lines) >= 4
                assert fields or overview_follows, f"{section.slug}: “{heading}” is at the foot of a page"
        assert found >= len(set(headings)), section.slug
