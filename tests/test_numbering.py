"""Printed numbering and the stable IDs derived from it, on the real content."""

import pytest

from tiptoolkit.edition import anchor_of
from tiptoolkit.numbering import expected, from_roman, to_roman

# Counts per chapter, from an independent reading of the source (V.09-87519):
# (key questions, specific questions, sub-items, sub-sub-items, resource-box entries)
EXPECTED = {
    "II": (2, 16, 15, 0, 46),
    "III": (4, 15, 46, 0, 18),
    "IV": (3, 9, 24, 0, 14),
    "V": (2, 11, 9, 0, 10),
    "VI": (3, 6, 13, 15, 16),
    "VII": (1, 9, 26, 0, 13),
    "VIII": (2, 10, 0, 0, 13),
    "IX": (3, 8, 11, 0, 37),
    "X": (3, 11, 21, 0, 17),
    "XI": (4, 10, 0, 0, 8),
}
# Annex: questions per section, sub-items, sub-sub-items
ANNEX_QUESTIONS = {"A": 0, "B": 13, "C": 7, "D": 5, "E": 5, "F": 4, "G": 12}


def test_roman_numerals_round_trip():
    assert [to_roman(n) for n in (1, 4, 9, 11, 14, 40)] == ["i", "iv", "ix", "xi", "xiv", "xl"]
    assert from_roman("XIV") == 14 and from_roman("iiii") is None and from_roman("abc") is None
    assert [expected("letter", n) for n in (1, 15, 26)] == ["a", "o", "z"]


@pytest.mark.parametrize("numeral", EXPECTED)
def test_counts_per_chapter_match_the_source(edition, numeral):
    items = [i for i in edition.items if i.chapter == numeral]
    key = [i for i in items if i.part == "C" and i.depth == 0]
    specific = [i for i in items if i.part == "D" and i.depth == 0]
    subs = [i for i in items if i.depth == 1]
    subsubs = [i for i in items if i.depth == 2]
    box = edition.page(numeral.lower()).content.resources.box
    entries = sum(len(s.entries) for s in box.sections)
    assert (len(key), len(specific), len(subs), len(subsubs), entries) == EXPECTED[numeral]


def test_annex_counts(edition):
    for letter, count in ANNEX_QUESTIONS.items():
        assert len([i for i in edition.items if i.chapter == "ANNEX" and i.part == letter and i.depth == 0]) == count
    annex = [i for i in edition.items if i.chapter == "ANNEX"]
    assert sum(i.depth == 1 for i in annex) == 28 and sum(i.depth == 2 for i in annex) == 45


@pytest.mark.parametrize("item_id", [
    "II.C.1", "IV.C.2", "IV.D.3.o", "VI.D.6.a.ii", "VI.D.6.c.vii", "VII.C.1", "III.D.13.t",
    "ANNEX.B.5", "ANNEX.E.1.a.ii", "ANNEX.E.1.o.iii", "ANNEX.F.1.e",
])
def test_documented_ids_exist(edition, item_id):
    item = edition.item(item_id)
    assert item is not None
    assert item.anchor == item_id.lower().replace(".", "-")


def test_ids_are_unique_and_well_formed(edition):
    ids = [i.id for i in edition.items]
    assert len(ids) == len(set(ids))
    for item in edition.items:
        assert anchor_of(item.id) == item.anchor
        assert item.parent is None or item.id.startswith(item.parent + ".")


def test_chapter_vii_single_key_question_is_unnumbered(edition):
    item = edition.item("VII.C.1")
    assert item.label == "" and edition.item("VII.C.2") is None


def test_numbering_is_contiguous(edition):
    """Within each list: 1, 2, 3…; a, b, c…; i, ii, iii… (numbers continue across sub-headings);
    the Working Group's recommendations restart in each meeting (papers: tests/test_wg.py)."""
    by_parent: dict = {}
    for item in (i for i in edition.items if i.kind in ("question", "recommendation")):
        key = (item.chapter, item.part, item.parent)
        by_parent.setdefault(key, []).append(item.id.rsplit(".", 1)[1])
    for (chapter, part, parent), labels in by_parent.items():
        style = "number" if parent is None else ("letter" if len(parent.split(".")) == 3 else "roman")
        assert labels == [expected(style, n) for n in range(1, len(labels) + 1)], (chapter, part, parent)


def test_specific_question_headings(edition):
    assert edition.item("III.D.4").heading == "Répression — Activités"
    assert edition.item("III.D.4.c").heading == "Répression — Activités"
    assert edition.item("II.D.3").heading is None
