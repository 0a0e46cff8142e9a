"""The broken-content corpus: each case breaks a scratch copy of the sources in one way, and the
check must stop with a message that teaches — the file (with its line where the loader can know
it), the item, what is wrong and the fix (`fix:`).

Adding a case is one entry in CASES: a name, a function that breaks the copy and returns the line
the message must point to (None where no line can be known), and the expected fragments.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import lxml.html
import markdown
import pytest
import yaml

import html_pages
from tiptoolkit import search_index, style
from tiptoolkit.cli import check
from tiptoolkit.markup import refusals
from tiptoolkit.parity import mark_reviewed
from tiptoolkit.project import CHECKOUT
from tiptoolkit.render import Renderer
from tiptoolkit.site import build_site
from tiptoolkit.xref import Context

# --- breaking a copy ---------------------------------------------------------------------


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def swap(root: Path, rel: str, old: str, new: str, at: str | None = None) -> int:
    """Replace the first `old` with `new` in `rel`; return the line of `at` (a part of `new`),
    or of the start of `new`, in the changed file."""
    text = read(root, rel)
    index = text.find(old)
    assert index >= 0, f"{old!r} not in {rel}: the corpus needs updating"
    write(root, rel, text[:index] + new + text[index + len(old):])
    line = text.count("\n", 0, index) + 1
    return line + (new[: new.index(at)].count("\n") if at else 0)


def swap_line(root: Path, rel: str, start: str, new: str | None) -> int:
    """Replace the first whole line that starts with `start` by `new` (None: delete it); return its line."""
    lines = read(root, rel).split("\n")
    index = next((i for i, line in enumerate(lines) if line.startswith(start)), None)
    assert index is not None, f"no line starting {start!r} in {rel}: the corpus needs updating"
    lines[index: index + 1] = [] if new is None else [new]
    write(root, rel, "\n".join(lines))
    return index + 1


def line_with(root: Path, rel: str, needle: str) -> int:
    """The line of the first `needle` in `rel`."""
    text = read(root, rel)
    assert needle in text, f"{needle!r} not in {rel}"
    return text[: text.index(needle)].count("\n") + 1


def last(*steps: int | None) -> int | None:
    """Several steps in one case, in order; the line is the last one's."""
    return steps[-1]


def latin1(root: Path) -> int:
    path = root / "chapters/fr/iv.yml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    return next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())


def delete(root: Path, rel: str) -> None:
    (root / rel).unlink()


def rename(root: Path, rel: str, new: str) -> None:
    (root / rel).rename(root / new)


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], int | None]  # returns the line the message must name, or None
    file: str  # relative path, as printed
    item: str  # the item: an ID and/or the field path
    what: str  # what is wrong
    fix: str  # a fragment of the `fix:` line

    def __repr__(self) -> str:
        return self.name


IV, III, II, V, VI, ANNEX = (f"chapters/fr/{n}.yml" for n in ("iv", "iii", "ii", "v", "vi", "annex"))
WG_REC, BP18, BP19 = (f"content/fr/wg/{n}.yml" for n in ("recommendations", "background-2018", "background-2019"))
EN_BP19 = "content/en/wg/background-2019.yml"
CITE_20 = "[CTOC/COP/WG.4/2010/6, par. 20](cite:CTOC/COP/WG.4/2010/6#par.20)"
SITE = "content/fr/site.yml"
EN_IV, EN_III = "chapters/en/iv.yml", "chapters/en/iii.yml"
Q1 = '    text: "Existe-t-il des modes'  # the question IV.C.1

CASES = [
    # --- YAML and files -------------------------------------------------------------------
    Case("yaml syntax error",
         lambda r: swap(r, IV, "  - n: 2\n    text: \"Un mécanisme", "  - n: 2\n    text: \"Un\" mécanisme", at="text"),
         IV, "(YAML syntax)", "did not find expected key", "correct the YAML syntax"),
    Case("tab in indentation",
         lambda r: swap(r, IV, "  - n: 2\n    text:", "  - n: 2\n\ttext:", at="\t"),
         IV, "(YAML syntax)", "found a tab character", "correct the YAML syntax"),
    Case("field written twice",
         lambda r: swap(r, IV, "  - n: 2\n", "  - n: 2\n    text: \"Ancien texte?\"\n", at="text") + 1,  # the second
         IV, "key_questions[1].text", "the field `text` is written twice", "keep one of them"),
    Case("non-UTF-8 file (Latin-1)", latin1,
         IV, "(whole file)", "not valid UTF-8", "save the file as UTF-8"),
    Case("empty file", lambda r: write(r, V, ""),
         V, "(whole file)", "the file is empty", "restore the file's content"),
    Case("file that is a list, not fields", lambda r: last(write(r, V, "- \"Une question?\"\n"), 1),
         V, "(whole file)", "expected fields (`name: value` lines)", "write the fields here as `name: value` lines"),
    Case("missing chapter file", lambda r: delete(r, VI),
         VI, "chapter VI", "this chapter file is missing: chapters must run I, II, III, … without gaps",
         "git checkout -- chapters/fr/vi.yml"),
    Case("missing annex file", lambda r: delete(r, ANNEX),
         ANNEX, "annex", "this file is missing", "git checkout -- chapters/fr/annex.yml"),
    Case("chapter file not named in lower-case roman numerals",
         lambda r: rename(r, IV, "chapters/fr/IV.yml"),
         "chapters/fr/IV.yml", "(file name)", "named by its roman numeral in lower case", "rename it: `iv.yml`"),
    # --- models: types, unknown and missing fields ---------------------------------------
    Case("list where a text is expected",
         lambda r: swap_line(r, IV, '    text: "Existe-t-il des modes', '    text: ["Existe-t-il", "des modes?"]'),
         IV, "key_questions[0].text", "Input should be a valid string, found [\"Existe-t-il\"",
         "write one text in quotes here, not a list"),
    Case("string where a number is expected",
         lambda r: swap(r, IV, "  - n: 2\n    text: \"Un mécanisme", "  - n: deux\n    text: \"Un mécanisme"),
         IV, "key_questions[1].n", "Input should be a valid integer", "write a whole number in digits"),
    Case("box number in words",
         lambda r: swap(r, IV, "    number: 3", "    number: trois"),
         IV, "resources.box.number", 'found "trois"', "write a whole number in digits"),
    Case("empty text",
         lambda r: swap_line(r, IV, '    title: "Sélection de ressources', '    title: " "'),
         IV, "resources.box.title", "String should have at least 1 character", "give a non-empty text"),
    Case("unknown field",
         lambda r: swap(r, IV, "key_questions:\n  - n: 1\n",
                        "key_questions:\n  - n: 1\n    commentaire: \"à revoir\"\n", at="commentaire"),
         IV, "key_questions[0].commentaire", "unknown field `commentaire`",
         "remove or rename this field; the fields allowed here are: `n`, `text`, `items`, `after`"),
    Case("resource box entry outside any section",
         lambda r: swap(r, IV, "    number: 3\n", "    number: 3\n    entries:\n      - \"Convention orpheline\"\n",
                        at="entries"),
         IV, "resources.box.entries", "unknown field `entries`",
         "the fields allowed here are: `number`, `title`, `sections`"),
    Case("missing required field",
         lambda r: swap_line(r, V, '    text: "Des accords de coopération formels', None) - 1,  # the question's line
         V, "key_questions[0].text", "the required field `text` is missing", "add the required field `text`"),
    Case("empty list of questions",
         lambda r: swap(r, IV, "specific_questions:\n",
                        "specific_questions:\n  - heading: \"Sans questions\"\n    questions: []\n",
                        at="questions: []"),
         IV, "specific_questions[0].questions", "List should have at least 1 item", "add at least one entry"),
    # --- printed numbering and IDs -------------------------------------------------------
    Case("skipped number",
         lambda r: swap(r, IV, "  - n: 2\n    text: \"Un mécanisme", "  - n: 3\n    text: \"Un mécanisme"),
         IV, "IV.C.3 (key_questions[1].n)", "expected `2` after `1`, found `3`: numbers run from 1 without gaps",
         "set `n: 2` here and renumber the following entries"),
    Case("missing number among several",
         lambda r: swap(r, IV, "  - n: 2\n    text: \"Un mécanisme", "  - text: \"Un mécanisme"),
         IV, "IV.C, entry 2 (key_questions[1].n)", "the number is missing", "add `n: 2`"),
    Case("repeated letter",
         lambda r: swap(r, IV, "          - n: c\n            text: \"Indicateurs généraux?\"",
                        "          - n: b\n            text: \"Indicateurs généraux?\""),
         IV, "IV.D.2.b (specific_questions[0].questions[1].items[2].n)", "`b` is repeated",
         "set `n: c` here"),
    Case("sub-item label that is not a letter",
         lambda r: swap(r, IV, "          - n: c\n", "          - n: 3\n"),
         IV, "specific_questions[0].questions[1].items[2].n",
         "a sub-item is labelled by one lower-case letter as printed (a, b, c, …), found 3",
         "set `n: c` here (entry 3 of its list)"),
    Case("sub-sub-item label in capitals",
         lambda r: swap(r, VI, "              - n: ii\n", "              - n: II\n"),
         VI, "specific_questions[0].questions[5].items[0].items[1].n",
         "a sub-sub-item is labelled by a lower-case roman numeral as printed (i, ii, iii, …), found \"II\"",
         "set `n: ii` here (entry 2 of its list)"),
    Case("skipped roman numeral",
         lambda r: swap(r, VI, "              - n: ii\n", "              - n: iii\n"),
         VI, "VI.D.6.a.iii", "expected `ii` after `i`, found `iii`", "set `n: ii` here"),
    Case("duplicate ID (a sub-heading restarts the numbering)",
         lambda r: swap(r, III, "  - heading: \"Répression — Activités\"\n    questions:\n      - n: 4\n",
                        "  - heading: \"Répression — Activités\"\n    questions:\n      - n: 1\n", at="- n: 1"),
         III, "III.D.1 (specific_questions[1].questions[0])",
         "duplicate ID `III.D.1`: specific_questions[0].questions[0] (line 55) already has it",
         "give each item its own number or letter"),
    Case("resource box number used twice",
         lambda r: swap(r, V, "    number: 4", "    number: 3"),
         V, "resource box 3 (resources.box.number)", "resource box 3 is also in iv.yml",
         "numbered once across the whole edition"),
    # --- cross-references ---------------------------------------------------------------
    Case("reference to a missing chapter",
         lambda r: swap(r, III, "voir aussi le chapitre V", "voir aussi le chapitre XIV"),
         III, "III.D.9", "reference “le chapitre XIV”: there is no chapter XIV (chapters run I to XI)",
         "correct the chapter number (I to XI)"),
    Case("reference to a missing question",
         lambda r: swap(r, III, "à la question 6", "à la question 99"),
         III, "III.D.7", "reference “à la question 99”: there is no question III.D.99",
         "correct the question number"),
    Case("reference to a missing box",
         lambda r: swap(r, IV, "L’encadré 3 propose", "L’encadré 99 propose"),
         IV, "resources.intro", "reference “L’encadré 99”: there is no box 99 (boxes run 1 to 10)",
         "correct the box number (1 to 10)"),
    Case("arabic chapter number after “voir”",
         lambda r: swap(r, III, "voir aussi le chapitre V", "voir aussi le chapitre 5"),
         III, "III.D.9", "reference “voir aussi le chapitre 5”: chapters are cited by their roman numeral",
         "“chapitre V”"),
    Case("question cited outside any list of questions",
         lambda r: swap(r, IV, "est en place.\n", "est en place, comme à la question 2.\n", at="question 2"),
         IV, "overview", "reference “à la question 2”: a question can only be cited from within a list",
         "rephrase without “la question N”"),
    # --- footnotes ----------------------------------------------------------------------
    Case("missing footnote text",
         lambda r: last(swap_line(r, II, "  5: ", None), line_with(r, II, "[^5]")),
         II, "overview", "footnote reference `[^5]` has no footnote text", "add `5: \"…\"` under `footnotes:`"),
    Case("footnote reference without text in a question",
         lambda r: swap(r, IV, "l’immigration[^12]", "l’immigration[^99]"),
         IV, "IV.D.3.o (specific_questions[0].questions[2].items[14].text)",
         "footnote reference `[^99]` has no footnote text", "add `99: \"…\"` under `footnotes:`"),
    Case("footnote reference that is not a number",
         lambda r: swap(r, IV, "l’immigration[^12]", "l’immigration[^12a]"),
         IV, "IV.D.3.o (specific_questions[0].questions[2].items[14].text)",
         "footnote reference `[^12a]` is not a footnote number", "write the footnote number as printed"),
    Case("footnote referenced twice",
         lambda r: swap(r, IV, "pour identifier les personnes victimes de la traite?\"\n",
                        "pour identifier les personnes victimes de la traite[^11]?\"\n"),
         IV, "IV.C.1 (key_questions[0].text)",
         "footnote `[^11]` is referenced a second time (first in overview, line 9)",
         "keep `[^11]` only where its number is printed"),
    Case("footnote defined but never referenced",
         lambda r: last(swap(r, IV, "l’immigration[^12]", "l’immigration"), line_with(r, IV, "  12: ")),
         IV, "footnotes.12", "footnote 12 is never referenced", "put `[^12]` in the text where its number is printed"),
    # --- what a text may contain (tiptoolkit.markup) ---------------------------------------
    Case("javascript: link in a question",
         lambda r: swap(r, IV, Q1, Q1.replace('"', '"[Plus](javascript:alert(document.domain)) ')),
         IV, "IV.C.1", "the link “[Plus](javascript:alert(document.domain))” leads to "
         "`javascript:alert(document.domain)`: links are allowed only in prose fields", "keep its text without the link"),
    Case("javascript: link in a footnote",
         lambda r: swap(r, IV, '  11: "Bureau', '  11: "[Plus](javascript:alert(1)) Bureau'),
         IV, "footnote 11", "the link “[Plus](javascript:alert(1))” leads to `javascript:alert(1)`: links are allowed "
         "only in prose fields", "keep its text without the link"),
    Case("javascript: link in a Working Group paragraph",
         lambda r: swap(r, BP19, CITE_20, "[Plus](javascript:alert(1)) " + CITE_20),
         BP19, "BP2019.5", "the link “[Plus](javascript:alert(1))” leads to `javascript:alert(1)`",
         "keep its text without the link"),
    Case("javascript: link in a resource box entry",
         lambda r: swap(r, IV, '          - "Convention du Conseil', '          - "[Convention](javascript:alert(1)) du Conseil'),
         IV, "box 3", "the link “[Convention](javascript:alert(1))” leads to `javascript:alert(1)`: links are allowed "
         "only in prose fields", "keep its text without the link"),
    Case("javascript: link in prose",
         lambda r: swap(r, IV, "est en place.\n", "est en place, [voir](javascript:alert(1)).\n"),
         IV, "overview", "the link “[voir](javascript:alert(1))” leads to `javascript:alert(1)`: a link may lead only "
         "to an `https://` address or to a page of the site", "keep its text without the link"),
    Case("attribute list in a question",
         lambda r: swap(r, IV, Q1, Q1 + "{: onmouseover=alert(1) } "),
         IV, "IV.C.1", "the attribute list “{: onmouseover=alert(1) }”: a text cannot set ids, classes or attributes",
         "remove it"),
    Case("attribute list in prose",
         lambda r: swap(r, IV, "est en place.\n", "est en place. { onmouseover=alert(1) }\n"),
         IV, "overview", "the attribute list “{ onmouseover=alert(1) }”", "`{country}` is the only word written in braces"),
    Case("id given in an overview",
         lambda r: swap(r, IV, "est en place.\n", "est en place.\n  {: #iv-c-1 }\n", at="{:"),
         IV, "overview", "the attribute list “{: #iv-c-1 }”: a text cannot set ids",
         "every page, part, box and question has its anchor already"),
    Case("image in a question",
         lambda r: swap(r, IV, Q1, Q1 + "![](https://evil.example/pixel.png) "),
         IV, "IV.C.1", "the image “![](https://evil.example/pixel.png)”: a text cannot show images",
         "loads nothing from another site"),
    Case("HTML tag in a text",
         lambda r: swap(r, IV, Q1, Q1 + "<b>vraiment</b> "),
         IV, "IV.C.1", "the HTML tag “<b>”: a text cannot contain HTML", "remove the tag"),
    Case("control character written as the YAML escape \\0",
         lambda r: swap(r, IV, Q1, Q1 + "\\0"),
         IV, "key_questions[0].text", "the control character U+0000: readers cannot see it", "`\\0`"),
    Case("bidirectional override",
         lambda r: swap(r, IV, Q1, Q1 + "\u202e"),
         IV, "key_questions[0].text", "the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)",
         "write the text in its reading order"),
    Case("control character in a page title",
         lambda r: swap(r, V, 'title: "', 'title: "\\a'),
         V, "title", "the control character U+0007: readers cannot see it", "in a double-quoted text"),
    Case("bidirectional isolate in an interface string",
         lambda r: swap(r, "content/en/site.yml", 'site_name: "', 'site_name: "\u2067'),
         "content/en/site.yml", "site_name", "the bidirectional control U+2067 (RIGHT-TO-LEFT ISOLATE)",
         "write the text in its reading order"),
    Case("chapter numeral in lower case",
         lambda r: swap(r, III, "voir aussi le chapitre V", "voir aussi le chapitre xii"),
         III, "III.D.9", "reference “le chapitre xii”: names no chapter: chapters are cited as “chapitre N”, N a roman "
         "numeral in capitals from I to XI", "correct the chapter number (I to XI, in capitals)"),
    Case("malformed chapter numeral after “Chapitre”",
         lambda r: swap(r, III, "voir aussi le chapitre V", "voir aussi le Chapitre IIII"),
         III, "III.D.9", "reference “le Chapitre IIII”: names no chapter", "correct the chapter number"),
    Case("English chapter numeral in lower case",
         lambda r: swap(r, EN_III, "see also chapter V on", "see also chapter v on"),
         EN_III, "III.D.9", "reference “chapter v”: names no chapter", "write “chapter V”"),
    # --- interface strings ---------------------------------------------------------------
    Case("missing label in site.yml",
         lambda r: last(swap_line(r, SITE, "  home: ", None), line_with(r, SITE, "labels:")),
         SITE, "labels.home", "the required field `home` is missing", "add the required field `home`"),
    Case("unknown label in site.yml",
         lambda r: swap(r, SITE, "  home: \"Accueil\"\n", "  home: \"Accueil\"\n  accueil: \"Accueil\"\n",
                        at="accueil"),
         SITE, "labels.accueil", "unknown field `accueil`", "the fields allowed here are: `home`, `chapter`"),
    Case("missing site.yml", lambda r: delete(r, SITE),
         SITE, "(whole file)", "the interface strings of `fr` are missing", "git checkout -- content/fr/site.yml"),
    Case("missing checklist string in site.yml",
         lambda r: last(swap_line(r, SITE, "  scale_line: ", None), line_with(r, SITE, "checklist:")),
         SITE, "checklist.scale_line", "the required field `scale_line` is missing",
         "add the required field `scale_line`"),
    Case("missing mission field in site.yml",
         lambda r: swap(r, SITE, ', "assessor": "Évaluateur"}', '}'),
         SITE, "checklist.mission_fields", "a text is missing for assessor", "follow the rule stated in the message"),
    # --- publication address (printed on the checklists) -----------------------------------
    Case("publication address without https",
         lambda r: swap_line(r, "content/publication.yml", "url: ", 'url: "tiptoolkit.github.io"'),
         "content/publication.yml", "url", "String should match pattern",
         "write the address of the site root: `https://` (or `http://`), the host, then the folder the site is "
         "served under if any, ending with `/`, without `?` or `#` (e.g. `https://example.org/toolkit/`); folder "
         "names of letters, digits, `-`, `_`, `.`, `~`"),
    Case("missing publication file", lambda r: delete(r, "content/publication.yml"),
         "content/publication.yml", "(whole file)", "the publication address is missing",
         "git checkout -- content/publication.yml"),
    # --- the original publication, as citations name it -----------------------------------
    Case("citation facts without a language of the site",
         lambda r: swap(r, "content/citation.yml", ', "en": "Vienna"}', '}'),
         "content/citation.yml", "place", "no `en` entry: citations in that language cannot name it",
         'add `"en": "…"` to `place`'),
    # --- annex ---------------------------------------------------------------------------
    Case("annex item using an undefined scale",
         lambda r: swap(r, ANNEX, "                scale: rating", "                scale: notation"),
         ANNEX, "ANNEX.E.1.a.ii (sections[4].questions[0].items[0].items[1].scale)", "unknown scale `notation`",
         "use one of the scales defined under `scales:` (rating, usage)"),
    Case("annex scale name in capitals",
         lambda r: swap(r, ANNEX, "                scale: rating", "                scale: Rating"),
         ANNEX, "sections[4].questions[0].items[0].items[1].scale", "String should match pattern",
         "a scale is named in lower-case letters"),
    Case("annex section letter skipped",
         lambda r: swap(r, ANNEX, "  - letter: C\n", "  - letter: D\n", at="letter"),
         ANNEX, "section D (sections[2].letter)", "expected section letter `C`, found `D`",
         "set `letter: C` and reletter the following sections"),
    # --- the English edition against the French --------------------------------------------
    Case("English sub-item missing",
         lambda r: last(swap_line(r, EN_IV, "          - n: i", None),
                        swap_line(r, EN_IV, '            text: "Emergency hotlines', None),
                        line_with(r, EN_IV, "      - n: 2\n        text: \"Does a") + 2),
         EN_IV, "IV.D.2/items", "8 entries where the French has 9", "translate each entry of"),
    Case("English text stale after a French change",
         lambda r: last(swap(r, IV, "Un mécanisme est-il en place", "Un mécanisme est-il vraiment en place"),
                        line_with(r, EN_IV, "  - n: 2\n    text:") + 1),
         EN_IV, "IV.C.2", "the French text has changed since this translation was reviewed",
         "then run `make reviewed EDITION=en UNITS='IV.C.2'`"),
    Case("English cross-reference to another chapter",
         lambda r: last(swap(r, EN_III, "see also chapter V on", "see also chapter VI on"),
                        line_with(r, EN_III, "      - n: 9\n") + 1),
         EN_III, "III.D.9", "its cross-references differ from the French", "refer to the same chapters"),
    Case("English country blank dropped",
         lambda r: swap(r, "chapters/en/annex.yml", "in the context of {country}?", "in the context of the country?",
                        at="in the context") - 0,
         "chapters/en/annex.yml", "ANNEX.C.2", "footnote markers, {country} or `cite:` links differ from the French",
         "keep every [^N], {country} and `cite:` target"),
    Case("English file missing",
         lambda r: delete(r, "chapters/en/introduction.yml"),
         "chapters/en/introduction.yml", "introduction", "this file is missing", "git checkout -- chapters/en/"),
    # --- Working Group documents ---------------------------------------------------------
    Case("recommendation number skipped",
         lambda r: swap(r, WG_REC, "      - n: 2\n", "      - n: 3\n", at="n: 3"),
         WG_REC, "WG.I.3", "expected `2` after `1`, found `3`", "set `n: 2` here and renumber"),
    Case("meeting out of order",
         lambda r: swap(r, WG_REC, "  - n: II\n", "  - n: IV\n", at="n: IV"),
         WG_REC, "WG.IV (meetings[1].n)", "expected meeting II, found IV", "set `n: II`"),
    Case("paper paragraph repeated",
         lambda r: swap(r, BP19, "      - n: 2\n", "      - n: 1\n", at="n: 1"),
         BP19, "BP2019.1", "expected paragraph 2, found 1", "set `n: 2` and renumber the following paragraphs"),
    Case("citation of a report without its cite: link",
         lambda r: swap(r, BP19, CITE_20, "CTOC/COP/WG.4/2010/6, par. 20", at="CTOC/COP/WG.4/2010/6, par. 20"),
         BP19, "BP2019.5", "“CTOC/COP/WG.4/2010/6” is cited without a `cite:` link",
         "(cite:CTOC/COP/WG.4/2010/6#par.N)"),
    Case("citation the correspondence table does not know",
         lambda r: swap(r, BP19, CITE_20, CITE_20.replace("#par.20", "#par.99"), at="#par.99"),
         BP19, "BP2019.5", "the citation `CTOC/COP/WG.4/2010/6#par.99` has no row in content/wg/citations.yml",
         "`target: null` with a `flag`"),
    Case("English citation differs from the French",
         lambda r: swap(r, EN_BP19, "#par.20)", "#par.18)", at="#par.18"),
         EN_BP19, "BP2019.5", "footnote markers, {country} or `cite:` links differ from the French",
         "`cite:` target of the French text"),
    Case("English Working Group document missing",
         lambda r: delete(r, EN_BP19),
         EN_BP19, "(whole file)", "the en text of `background-2019` is missing", "content/schema/paper.schema.json"),
    Case("thematic mapping names an unknown recommendation",
         lambda r: swap(r, "content/wg/themes.yml", "  - item: ", "  - item: WG.I.99\n    chapters: [IV]\n"
                        "    reason: {fr: \"x\", en: \"x\"}\n  - item: ", at="WG.I.99"),
         "content/wg/themes.yml", "entries[0] (WG.I.99)", "`WG.I.99` is no recommendation or theme of questions",
         "use a recommendation ID"),
    Case("thematic mapping names a chapter without questions",
         lambda r: swap(r, "content/wg/themes.yml", "    chapters: [", "    chapters: [I, ", at="I, "),
         "content/wg/themes.yml", "entries[0]", "chapter `I` is not a toolkit chapter with questions",
         "name a chapter II–XI"),
    Case("resolved citation that keeps a note for unresolved ones",
         lambda r: swap(r, "content/wg/citations.yml", "    target: null\n", "    target: WG.I.1\n", at="target") - 1,
         "content/wg/citations.yml", "citations[", "a resolved citation has no `flag:`; remove it or set `target: null`",
         "follow the rule stated in the message"),
    Case("resource cites a place that does not exist",
         lambda r: swap(r, "content/resources.yml", "    cited_in: [", "    cited_in: [box.99.1.1, ", at="box.99"),
         "content/resources.yml", "resources[0]", "`box.99.1.1` is no box entry, item or footnote",
         "`box.<box>.<section>.<entry>`"),
    Case("box entry in no resource",
         lambda r: swap(r, IV, '          - "Convention du Conseil de l’Europe relative à la lutte contre la traite des '
                        'êtres humains, articles 10 et 13"\n', '          - "Convention du Conseil de l’Europe relative à la '
                        'lutte contre la traite des êtres humains, articles 10 et 13"\n          - "Un ouvrage nouveau"\n')
         and None,
         "content/resources.yml", "box.3.1.2", "box 3, section 1, entry 2 is in no resource's `cited_in`",
         "add `box.3.1.2` to the resource it names"),
    Case("correction of an ID that does not exist",
         lambda r: swap(r, "content/departures.yml", "  - id: II.D.13.e\n", "  - id: II.D.13.z\n", at="II.D.13.z"),
         "content/departures.yml", "corrections[0] (II.D.13.z)",
         "`II.D.13.z` is no item, box, box section, box entry or footnote of the fr edition",
         "a box entry as `box.<box>.<section>.<entry>`"),
    Case("correction the item no longer holds",
         lambda r: swap(r, II, "L’auteur est un(e) ressortissant(e) ou un(e) résident(e) habituel(le) de cet État et "
                        "l’extradition est refusée?", "L’auteur est un(e) ressortissante) ou un(e) résident(e) "
                        "habituel(le) de cet État et l’extradition est refusée?")
         and line_with(r, "content/departures.yml", "    after: \"L’auteur"),
         "content/departures.yml", "corrections[0] (II.D.13.e)", "II.D.13.e does not contain the `after` text",
         "or remove the entry if the correction was undone"),
    Case("editor's note on a box entry the chapter does not have",
         lambda r: swap(r, "chapters/fr/viii.yml", '  "box.7.2.8":', '  "box.7.2.99":', at="box.7.2.99"),
         "chapters/fr/viii.yml", "editor_notes (box.7.2.99)", "`box.7.2.99` is no box entry or footnote of this chapter",
         "(`box.<box>.<section>.<entry>`) or footnotes (`VIII#fn.<n>`)"),
    Case("glossary: wrong English variant",
         lambda r: swap(r, EN_IV, "Does a procedure implemented", "Does a trafficking of persons procedure implemented",
                        at="Does") ,
         EN_IV, "IV.D.2", "uses “trafficking of persons”, a wrong variant of the glossary term “trafficking in persons”",
         "write “trafficking in persons” (content/glossary.yml, term `trafficking-in-persons`)"),
    Case("glossary: definition missing in English",
         lambda r: swap_line(r, "content/glossary.yml", '      en: "Short title of the Protocol to Prevent', None) and None,
         "content/glossary.yml", "trafficking-in-persons-protocol", "no definition in `en`",
         "add `en:` under `definition`"),
    # --- house style (STYLE.md): every kind of text, each rule's message ---------------------
    Case("style: a space before a question mark",
         lambda r: swap(r, IV, "victimes de la traite?\"", "victimes de la traite ?\"") and line_with(r, IV, "traite ?"),
         IV, "IV.C.1", "`traite ?`: a space before `?`, `:`, `;` or `!`",
         "write `traite?`: no space before ? : ; ! in either language"),
    Case("style: `par.` in English",
         lambda r: swap(r, EN_BP19, "WG.4/2010/6, para. 20]", "WG.4/2010/6, par. 20]", at="par. 20"),
         EN_BP19, "BP2019.5", "`par.`: `par.` for a paragraph", "write `para.`: UN English writes para. and paras."),
    Case("style: guillemets in a shared file",
         lambda r: swap(r, "content/glossary.yml", "Accords, formels", "« Accords », formels"),
         "content/glossary.yml", "cooperation-agreements", "`« Accords »,`: guillemets « »",
         "write `“Accords”,`: quotation marks are “ ” in both languages"),
    Case("style: a straight apostrophe in an interface string",
         lambda r: swap(r, SITE, "Note de l’éditeur", "Note de l'éditeur"),
         SITE, "wg.editor_note", "`l'éditeur`: a straight apostrophe", "write `l’éditeur`: the apostrophe is ’"),
    Case("style: a hand-written page",
         lambda r: swap(r, "content/fr/pages/index.md", "cette édition?]", "cette édition ?]"),
         "content/fr/pages/index.md", "pages/index", "`édition ?`: a space before",
         "write `édition?`"),
]


def problems_in(output: str) -> list[str]:
    """The problem blocks of a check's output: `- where: item: what` and its `    fix:` line."""
    return ["- " + block for block in re.split(r"(?m)^- ", output)[1:]]


def block_for(output: str, case: Case, line: int | None) -> str:
    """The one problem block that names the case's file (and line), item and what is wrong."""
    where = f"- {case.file}:{line}: " if line else f"- {case.file}: "
    blocks = [b for b in problems_in(output) if b.startswith(where) and case.item in b and case.what in b]
    assert blocks, f"no problem `{where}… {case.item}: … {case.what}` in:\n{output}"
    return blocks[0]


def test_corpus_is_large_enough():
    assert len(CASES) >= 22 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_content_is_reported(case, sources, capsys, monkeypatch):
    monkeypatch.chdir(sources)  # paths are printed relative to where the editor runs the check
    line = case.breaks(sources)
    assert line is None or isinstance(line, int)
    assert check(sources) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err and out == ""
    block = block_for(err, case, line)
    head, _, fix = block.partition("\n    fix: ")
    assert head.startswith(f"- {case.file}") and f": {case.item}" in head and case.what in head
    assert case.fix in fix, f"fix {fix!r} lacks {case.fix!r}"


def test_real_content_passes(sources, capsys):
    assert check(sources) == 0
    assert "content ok" in capsys.readouterr().out


def test_checks_in_one_process_see_each_edit_and_its_undoing(sources, capsys):
    """What the checks keep of unchanged pages (live reload) never hides an edit."""
    annex, iv = sources / "chapters/en/annex.yml", sources / EN_IV
    original = {path: path.read_text(encoding="utf-8") for path in (annex, iv)}
    assert check(sources) == 0
    swap(sources, "chapters/en/annex.yml", "in the context of {country}?", "in the context of the country?")
    assert check(sources) == 1
    assert "ANNEX.C.2: footnote markers, {country}" in capsys.readouterr().err
    swap(sources, EN_IV, "trafficking in persons", "trafficking of persons")
    assert check(sources) == 1
    err = capsys.readouterr().err
    assert "ANNEX.C.2: footnote markers" in err and "a wrong variant of the glossary term" in err
    for path, text in original.items():
        path.write_text(text, encoding="utf-8")
    assert check(sources) == 0


# --- the real build: escaping, and a failed build leaves site/ alone -----------------------

EN_SITE = "content/en/site.yml"
INJECTED = {  # where -> (file, old text, the payload put after it, page whose HTML must show it as text)
    "page title": (V, 'title: "', '<script>alert("title")</script>', "fr/v/index.html"),
    "box title": (IV, '    title: "Sélection de ressources', '<img src=x onerror=alert("box")>', "fr/iv/index.html"),
    "link in a sub-heading": (III, '  - heading: "Répression — Activités', '[voir](javascript:alert("heading"))',
                              "fr/iii/index.html"),
    "English page title": ("chapters/en/vi.yml", 'title: "', '<script>alert("en")</script>', "en/vi/index.html"),
    "resource title": ("content/resources.yml", '      en: "Additional Protocol', '<img src=x onerror=alert("res")>',
                       "en/resources/index.html"),
    "site name": (EN_SITE, 'site_name: "', '<script>alert("name")</script>', "en/iv/index.html"),
    "site description": (EN_SITE, 'site_description: "', "x\"><script>alert('desc')</script><meta x=\"", "index.html"),
    "box label": (EN_SITE, '  box: "', 'Box<img src=x onerror=alert("label")>', "en/iv/index.html"),
    "navigation label": (EN_SITE, '  home: "', '<img src=x onerror=alert("home")>', "en/iv/index.html"),
    "language name": (EN_SITE, 'language_name: "', '<img src=x onerror=alert("lang")>', "fr/iv/index.html"),
    "page title label": (EN_SITE, '  catalogue: "', '<script>alert("catalogue")</script>', "en/checklists/index.html"),
    "navigation title of a hand-written page": (EN_SITE, '  export: "', '</title><script>alert("export")</script>',
                                                "en/export/index.html"),
    "footer status": (EN_SITE, '  status: "', '<script>alert("footer")</script>', "en/iv/index.html"),
    "search help": (EN_SITE, '  keys: "', '<img src=x onerror=alert("search")>', "en/iv/index.html"),
}
MARKER = "alert("  # in every payload: no script of the site may carry it
LINKED = {"leak": "../hooks", "notes.txt": "../mkdocs.yml"}  # in the docs folder, to files of the project outside it


def inject(root: Path) -> None:
    """Every payload, and links in the docs folder to files outside it."""
    for rel, old, payload, _ in INJECTED.values():
        swap(root, rel, old, old + payload.replace('"', '\\"'))
    mark_reviewed("en", [], root, everything=True)  # the French changed: its translation is reviewed
    for name, target in LINKED.items():
        (root / "content" / name).symlink_to(target)


def test_injected_markup_is_shown_as_text(sources, pdfs, monkeypatch):
    """Interface strings and titles (which no check refuses but the house style's, for the
    straight quotes that break out of an attribute: that check is off here, to test the second
    line, the escaping) reach the pages as text, nothing on any page is active, and of the docs
    folder only the edition's own files are published."""
    monkeypatch.setattr(style, "problems", lambda edition: [])
    monkeypatch.setattr(style, "shared_problems", lambda root: [])
    inject(sources)
    site = build_site(sources / "site", sources, bundle=False, pdfs=pdfs)  # the HTML is what is checked
    pages = list(site.rglob("*.html"))
    assert len(pages) > 1000
    found = [problem for path in pages for problem in active_content(path)]
    assert found == []
    for where, (_, _, payload, page) in INJECTED.items():
        raw = (site / page).read_text(encoding="utf-8")
        assert payload in html_pages.parse(raw).get_text(), f"{where}: the payload is not shown as text on {page}"
        assert payload not in raw, where
    description = html_pages.page(site / "en" / "iv" / "index.html").find("meta", attrs={"name": "description"})
    assert description["content"].startswith(INJECTED["site description"][2])
    for lang in ("fr", "en"):  # the search index holds them as data: texts, which search.js shows as text
        index = (site / lang / search_index.INDEX).read_text(encoding="utf-8")
        data = re.fullmatch(r"self\.tiptoolkitSearchIndex = (.*);\n", index, re.S)[1]
        texts = " ".join(unit["t"] for unit in json.loads(data)["units"])
        in_pages = [INJECTED[where] for where in ("page title", "box title", "English page title", "resource title")]
        assert [p for _, _, p, page in in_pages if page.startswith(lang) and p not in texts] == []
    assert [p for p in site.rglob("*") if p.name in LINKED or p.name in ("toolkit.py", "mkdocs.yml")] == []


def active_content(path: Path) -> list[str]:
    """What on a page could run or fetch: `on*` attributes, `javascript:` URLs, sources on another
    host, a script carrying a payload's marker; and repeated ids (a permalink that lands elsewhere)."""
    found, ids = [], Counter()
    for element in lxml.html.fromstring(path.read_bytes()).iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        for name, value in element.attrib.items():
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.lower().startswith("on"):
                found.append(f"{path}: <{element.tag} {name}=…>")
            if url.startswith("javascript:"):
                found.append(f"{path}: <{element.tag} {name}={value!r}>")
            if name in ("src", "srcset") and re.match(r"(https?:)?//", url):
                found.append(f"{path}: <{element.tag} {name}={value!r}> from another host")
        if element.tag == "script" and element.get("type") == "application/json":
            json.loads(element.text)  # data, which browsers never run: whole, whatever text it carries
        elif element.tag == "script" and MARKER in (element.text or "") + element.get("src", ""):
            found.append(f"{path}: a script that is not the site's: {(element.text or element.get('src'))[:80]!r}")
        if element.get("id") is not None:
            ids[element.get("id")] += 1
    return found + [f"{path}: id {id_!r} {count} times" for id_, count in ids.items() if count > 1]


@pytest.mark.parametrize("raw, prose", [
    ("[la page](https://example.org/a_(b)) et [le chapitre V](v.md#v-a), [l’encadré](#box-3)", True),
    ("### Sous-titre\n\n- un\n- deux\n\nSuite *soulignée* et _citée_.", True),
    ("Voir [CTOC/COP/WG.4/2010/6, par. 20](cite:CTOC/COP/WG.4/2010/6#par.20), à <http://www.unhcr.org/fr/>.", False),
    ("Au {country}[^3], 1 < 2 > 0 & S&E,\tune tabulation.", False),
])
def test_what_a_text_may_contain(raw, prose):
    assert refusals(raw, prose) == []


@pytest.mark.parametrize("raw", ["[la page](https://example.org)", "### Sous-titre", "- un"])
def test_prose_markup_only_in_prose(raw):
    assert refusals(raw, prose=True) == [] and len(refusals(raw, prose=False)) == 1


EXTENSIONS = yaml.safe_load((CHECKOUT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
HOSTILE = ["[Plus](javascript:alert(1))", "[a [b] c](javascript:alert(1))", "![](https://evil.example/pixel.png)",
           "*Texte*{: onmouseover=alert(1) }", "Texte\n{: #iv-c-1 }", "<img src=x onerror=alert(1)>",
           "[x]: javascript:alert(1)\n\n[y][x]", "## iv c 1", "- ## iv c 1", "iv c 1\n---", "iv c 1\n==="]


@pytest.mark.parametrize("prose", [False, True], ids=["text", "prose"])
@pytest.mark.parametrize("raw", HOSTILE)
def test_what_the_check_refuses_the_renderer_makes_inert(edition, raw, prose):
    """The check is the guarantee; should a text get past it, the renderer's Markdown still
    makes no link, image, attribute or id of it (converted as MkDocs converts the pages)."""
    assert refusals(raw, prose), "the check refuses it"
    text = Renderer(edition).text(raw, Context(edition.page("iv"), None, "overview"), prose=prose)
    converted = markdown.markdown(text, extensions=[e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS])
    for element in lxml.html.fragment_fromstring(converted, create_parent="div").iter():
        assert element.tag in ("div", "p", "ul", "li", "em"), converted
        assert dict(element.attrib) == {}, converted


def test_failed_build_leaves_previous_site(sources, site):
    """A copy of the run's built site stands for the previous build of the broken sources."""
    previous = shutil.copytree(site, sources / "site")
    before = snapshot(previous)
    swap(sources, III, "à la question 6", "à la question 99")
    with pytest.raises(Exception, match="question III.D.99"):
        build_site(previous, sources, bundle=False)
    assert snapshot(previous) == before
    assert not list(sources.glob(".site-*")) and not (sources / "site.previous").exists()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")}


@pytest.mark.parametrize("command", ["build", "check"])
def test_command_line_on_broken_content(sources, command):
    """The real command, as an editor runs it from the project folder: non-zero exit, the
    teaching message on stderr, and the existing site/ untouched, byte for byte."""
    site = sources / "site"
    (site / "fr" / "iv").mkdir(parents=True)
    (site / "index.html").write_bytes(b"<!doctype html><title>previous build</title>\n")
    (site / "fr" / "iv" / "index.html").write_bytes("précédent \x00\xff".encode("utf-8") + b"\xfe\n")
    before = snapshot(site)
    line = swap(sources, III, "à la question 6", "à la question 99")
    args = ["build", "--site-dir", str(site)] if command == "build" else ["check"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "tiptoolkit", *args, "--root", str(sources)],
                            cwd=sources, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"chapters/fr/iii.yml:{line}: III.D.7: reference “à la question 99”: there is no question III.D.99" \
        in result.stderr
    assert "    fix: correct the question number" in result.stderr
    assert snapshot(site) == before
    assert not list(sources.glob(".site-*")) and not (sources / "site.previous").exists()


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tiptoolkit", "check", *args], cwd=folder,
                          capture_output=True, text=True, timeout=300)


def test_command_line_works_on_the_project_it_is_run_in():
    """Without `--root`, the command checks the project folder it is run in, or above."""
    result = run_check(CHECKOUT / "content" / "fr")
    assert result.returncode == 0, result.stderr
    assert "content ok" in result.stdout


def test_command_line_outside_a_project_says_where_to_run(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f": (current folder): {tmp_path} is not a project folder" in result.stderr
    assert "fix: run the command in the project folder (`make` does), or pass `--root <project folder>`" \
        in result.stderr


def test_another_checkout_is_refused_unless_named(sources):
    """A copy of the project (as `cp -a` makes, with the environment that runs this checkout's
    code) is not silently built with this checkout's code, nor this checkout's content built."""
    result = run_check(sources)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f": (project folder): {sources} is another checkout than the one tiptoolkit is installed from, " \
        f"{CHECKOUT}" in result.stderr
    assert "`rm -rf .venv && make install`" in result.stderr
    named = run_check(sources, "--root", str(sources))
    assert named.returncode == 0 and "content ok" in named.stdout, named.stderr
