"""The real site, built by MkDocs: pages, IDs, links and anchors, and the export."""

import csv
import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

import html_pages
from tiptoolkit.export import FIELDS


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    """Every page of the site, by its path in the site (parsed once per run: read only)."""
    return {p.relative_to(site).as_posix(): html_pages.page(p) for p in site.rglob("*.html")}


def resolve(site: Path, page: str, href: str) -> tuple[str, str]:
    """Site-relative file of a link from `page`, and its fragment."""
    url = urlsplit(urljoin("http://site/" + page, href))
    path = unquote(url.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif (site / path).is_dir():
        path += "/index.html"
    return path, url.fragment


def test_every_internal_link_and_fragment_resolves(site, pages):
    broken = []
    for name, soup in pages.items():
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            if href.startswith(("http:", "https:", "mailto:", "data:")) or tag.get("rel") == ["canonical"]:
                continue
            target, fragment = resolve(site, name, href)
            if not (site / target).is_file():
                broken.append(f"{name}: {href} (no file {target})")
            elif fragment and target.endswith(".html") and fragment not in html_pages.ids(site / target):
                broken.append(f"{name}: {href} (no #{fragment} in {target})")
    assert broken == []


def test_no_link_to_another_host(pages):
    for name, soup in pages.items():
        for tag in soup.find_all(["script", "img", "link"], src=True) + soup.find_all("link", href=True):
            url = tag.get("src") or tag.get("href")
            assert not url.startswith(("http:", "https:", "//")), f"{name}: {url}"


def test_root_offers_the_language_choice(pages):
    """The site root links each edition, named in its own language, and names the site in both."""
    root = pages["index.html"]
    editions = {a["href"]: (a["hreflang"], a.get("lang"), a.get_text(strip=True))
                for a in root.find_all("a") if a.get("hreflang")}
    assert editions == {"fr/": ("fr", "fr", "Français"), "en/": ("en", "en", "English")}
    headings = {h["lang"]: h.get_text(strip=True) for h in root.find_all("h1")}
    assert headings == {"fr": "Référentiel d’évaluation des besoins — justice pénale et traite des personnes",
                        "en": "Needs assessment toolkit — criminal justice and trafficking in persons"}
    for href in editions:
        assert (pages[f"{href}index.html"].find("html")["lang"]) == href.rstrip("/")


def test_chapter_pages_have_roman_numeral_urls(site):
    for numeral in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"):
        assert (site / "fr" / numeral / "index.html").is_file()
    assert (site / "fr" / "introduction" / "index.html").is_file()
    assert (site / "fr" / "annex" / "index.html").is_file()


def test_every_item_is_on_its_page_with_its_id_and_permalink(site, edition, pages):
    for item in edition.items:
        assert f"fr/{item.page}/index.html" in pages, item.id
        element = html_pages.element(site / "fr" / item.page / "index.html", item.anchor)  # its find(id=…)
        assert element is not None and element.name == "li", item.id
        permalink = element.find("a", class_="tk-id")
        assert permalink.get_text() == item.id and permalink["href"] == f"#{item.anchor}"


def test_cross_references_are_links_in_the_html(pages):
    q7 = pages["fr/iii/index.html"].find(id="iii-d-7")
    assert q7.find("a", string="question 6")["href"] == "#iii-d-6"
    q9 = pages["fr/iii/index.html"].find(id="iii-d-9")
    assert q9.find("a", string="chapitre V")["href"] == "../v/"
    ii = pages["fr/ii/index.html"].find(id="ii-d-1")
    assert ii.find("a", string="encadré 1")["href"] == "#box-1"


def test_resource_boxes_and_footnotes(pages):
    box = pages["fr/ii/index.html"].find(id="box-1")
    assert "Encadré 1." in box.find(class_="admonition-title").get_text()
    headings = [h.get_text().rstrip("¶") for h in box.find_all("h3")]
    assert headings == ["Instruments juridiques régionaux et internationaux clefs",
                        "Résolutions de l’Assemblée générale", "Autres ressources"]
    note = pages["fr/ii/index.html"].find(id="fn-5")
    assert note["value"] == "5" and "traite des blanches" in note.get_text()
    assert pages["fr/ii/index.html"].find(id="fnref-5").find("a")["href"] == "#fn-5"


def test_annex_scales_notes_and_country_placeholder(pages):
    annex = pages["fr/annex/index.html"]
    usage = annex.find(id="annex-e-1-a-i").find("ul", class_="tk-scale")
    assert [li.get_text(strip=True).lstrip("☐").strip() for li in usage.find_all("li")] == \
        ["Pas du tout", "Pour les actes criminels en général", "Pour la traite des personnes"]
    rating = annex.find(id="annex-f-1-a").find("ul", class_="tk-scale")
    assert len(rating.find_all("li")) == 5
    assert "Note aux interrogateurs" in annex.find(id="annex-b-5").find(class_="tk-note").get_text()
    assert annex.find(id="annex-c-1").find(class_="tk-blank").get_text() == "[nom du pays]"
    assert "{country}" not in annex.get_text()


def test_export_records(site, edition):
    records = json.loads((site / "fr" / "questions.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [i.id for i in edition.items]
    assert all(list(r) == list(FIELDS) for r in records)
    with open(site / "fr" / "questions.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert rows[0]["parent"] == "" and records[0]["parent"] is None
    sub = next(r for r in records if r["id"] == "IV.D.3.o")
    assert sub["url"] == "fr/iv/#iv-d-3-o" and sub["parent"] == "IV.D.3" and sub["part"] == "D"
    heading = next(r for r in records if r["id"] == "III.D.4.a")
    assert heading["heading"] == "Répression — Activités"
    assert not any("[^" in r["text"] or "{country}" in r["text"] for r in records)


def test_every_export_url_exists(site, edition):
    records = json.loads((site / "fr" / "questions.json").read_text(encoding="utf-8"))
    cache: dict[str, set[str]] = {}
    for record in records:
        path, fragment = record["url"].split("#")
        file = site / path / "index.html"
        if path not in cache:
            cache[path] = html_pages.ids(file)
        assert fragment in cache[path], record["url"]


def test_export_is_documented(pages):
    text = pages["fr/export/index.html"].get_text()
    for field in FIELDS:
        assert field in text
    assert "{{" not in text
