"""The catalogue of resources (`content/resources.yml`): every instrument, resolution, tool and
publication cited by the toolkit's resource boxes and by the Working Group documents, once
each, with every place that cites it; its checks and its page.

A place is a box entry (`box.3.2.5`: box 3, second section, fifth entry), an item of a Working
Group document (`BP2018.58`, `WG.IV.45`) or a footnote of one (`BP2018#fn.13`). Every box entry
is cited by exactly one resource, so a box entry added to a chapter must be catalogued.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .edition import ROOT, Edition
from .errors import Problem, checked
from .loader import line_of, load_required
from .markup import escaped
from .models import ResourceCatalogue
from .xref import box_anchor

RESOURCES = Path("content") / "resources.yml"
PAGE_SLUG = "resources"
KINDS = ("instrument", "resolution", "tool", "publication", "database")
_BOX = re.compile(r"box\.(\d+)\.(\d+)\.(\d+)")
_FOOTNOTE = re.compile(r"([A-Z][A-Z0-9]*)#fn\.(\d+)")


def load_resources(root: Path = ROOT) -> tuple[ResourceCatalogue, object]:
    return load_required(root, RESOURCES, ResourceCatalogue)


def box_places(edition: Edition) -> list[str]:
    """Every box entry of the edition as a place, in reading order."""
    return [f"box.{box.number}.{s}.{e}"
            for page in edition.pages if page.is_chapter
            for box in [page.content.resources.box]
            for s, section in enumerate(box.sections, start=1)
            for e, _ in enumerate(section.entries, start=1)]


def _footnotes(edition: Edition) -> set[str]:
    return {f"{page.document.id}#fn.{number}" for page in edition.pages if page.document
            for number in page.content.footnotes}


def problems(catalogue: ResourceCatalogue, node, edition: Edition, root: Path = ROOT) -> list[Problem]:
    """Places that do not exist, box entries cited by no resource or by several (a paragraph of
    a document may cite several works), repeated IDs, titles missing in the edition's language."""
    path, out = root / RESOURCES, []
    boxes = box_places(edition)
    known = set(boxes) | {item.id for item in edition.items if item.page and edition.page(item.page).document} \
        | _footnotes(edition)
    cited: dict[str, str] = {}
    seen: set[str] = set()
    for index, resource in enumerate(catalogue.resources):
        name = f"resources[{index}] ({resource.id})"
        if resource.id in seen:
            out.append(Problem(path, name, "this id is used twice", "give each resource its own id, or merge the "
                               "two entries into one with all their places", line=line_of(node, ("resources", index, "id"))))
        seen.add(resource.id)
        if edition.lang not in resource.title:
            out.append(Problem(path, name, f"the title has no `{edition.lang}` text", f"add `{edition.lang}: \"…\"` "
                               "under `title:`", line=line_of(node, ("resources", index, "title"))))
        for p_index, place in enumerate(resource.cited_in):
            line = line_of(node, ("resources", index, "cited_in", p_index))
            if place not in known:
                out.append(Problem(path, name, f"`{place}` is no box entry, item or footnote of the {edition.lang} "
                                   "edition", "write a box entry as `box.<box>.<section>.<entry>` (1-based), an item "
                                   "by its ID (`BP2018.58`), a footnote as `BP2018#fn.13`", line=line))
            elif place in cited and (place.startswith("box.") or cited[place] == resource.id):
                out.append(Problem(path, name, f"`{place}` is also cited by `{cited[place]}`",
                                   "a box entry names one resource, and a place is listed once per resource: "
                                   "keep it under the resource it names", line=line))
            cited.setdefault(place, resource.id)
    for place in boxes:
        if place not in cited:
            box, section, entry = _BOX.fullmatch(place).groups()
            out.append(Problem(path, place, f"box {box}, section {section}, entry {entry} is in no resource's "
                               "`cited_in`", f"add `{place}` to the resource it names, or a new resource for it"))
    return out


def check(edition: Edition, root: Path = ROOT) -> ResourceCatalogue:
    """The catalogue, checked against an edition; ContentError lists every problem."""
    catalogue, node = load_resources(root)
    return checked(catalogue, problems(catalogue, node, edition, root))


def markdown(catalogue: ResourceCatalogue, edition: Edition) -> str:
    """The “Resources cited” page of one edition."""
    strings, lang = edition.strings.wg, edition.lang
    out = ["---", f"title: {json.dumps(escaped(strings.resources), ensure_ascii=False)}", "---", "",
           f"# {escaped(strings.resources)} {{#{PAGE_SLUG}}}", "",
           escaped(strings.resources_intro), ""]
    for kind in KINDS:
        members = [r for r in catalogue.resources if r.kind == kind]
        if not members:
            continue
        out += [f"## {escaped(strings.kinds[kind])} {{#{PAGE_SLUG}-{kind}}}", "",
                '<dl class="tk-resources" markdown="1">']
        for resource in members:
            places = ", ".join(_place_link(place, edition) for place in resource.cited_in)
            out += [f'<dt id="res-{resource.id}">{escaped(resource.title[lang])}</dt>',
                    f'<dd markdown="span">{escaped(strings.cited_in)}: {places}</dd>']
        out += ["</dl>", ""]
    return "\n".join(out)


def _place_link(place: str, edition: Edition) -> str:
    labels = edition.strings.labels
    box = _BOX.fullmatch(place)
    if box:
        number = int(box[1])
        page = edition.boxes[number]
        return f"[{escaped(labels.box)} {number} ({page.numeral})]({page.slug}.md#{box_anchor(number)})"
    footnote = _FOOTNOTE.fullmatch(place)
    if footnote:
        page = next(p for p in edition.pages if p.document and p.document.id == footnote[1])
        label = edition.strings.wg.footnote.replace("{n}", footnote[2])
        return f"[{footnote[1]}, {escaped(label)}]({page.slug}.md#fn-{footnote[2]})"
    item = edition.item(place)
    return f"[{item.id}]({item.page}.md#{item.anchor})"
