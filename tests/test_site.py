"""The real site, built by MkDocs: pages, IDs, links and anchors, the export, the short
permalinks in every form, the 404 pages, and what search engines read (robots.txt, the
sitemap, canonical and alternate addresses); and the site published under a sub-path
(`https://example.org/toolkit/`), served and previewed there."""

import csv
import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

import html_pages
from tiptoolkit.catalog import editions, load_edition
from tiptoolkit.checklist import PUBLICATION, Printer, load_publication
from tiptoolkit.edition import languages
from tiptoolkit.errors import ContentError
from tiptoolkit.export import FIELDS
from tiptoolkit.site import LIVE_RELOAD, preview_server
from tiptoolkit.static_server import free_port

ADDRESS = load_publication().url  # where the site is published: `https://…/`, ending with `/`
BASE = urlsplit(ADDRESS).path  # the site root's path on its host: `/`, or `/toolkit/` under a sub-path
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


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
    """Nothing is loaded from another host; canonical and alternate addresses, which browsers do
    not load, are the published site's."""
    for name, soup in pages.items():
        for tag in soup.find_all(["script", "img", "link"], src=True) + soup.find_all("link", href=True):
            url = tag.get("src") or tag.get("href")
            rel = set(tag.get("rel", []))
            if tag.name == "link" and rel and rel <= {"canonical", "alternate"} and not tag.get("type"):
                assert url.startswith(ADDRESS), f"{name}: {url}"
            else:
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


def edition_paths(site: Path, lang: str) -> list[str]:
    """The address of every page of an edition, under the site root: `fr/`, `fr/iv/` …"""
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / lang).rglob("index.html"))


def test_every_item_has_a_short_permalink_as_printed(site):
    """`/q/IV.D.3.o/`, the ID as printed beside the question and on paper, is the same page as
    `/q/iv-d-3-o/`."""
    items = [item for edition in editions().values() for item in edition.items]
    assert {"IV.D.3.o", "WG.IV.46.j.ii", "ANNEX.E.1.a.ii", "BP2019.Q.3.g"} <= {item.id for item in items}
    for item in items:
        printed, anchored = site / "q" / item.id / "index.html", site / "q" / item.anchor / "index.html"
        assert printed.read_bytes() == anchored.read_bytes(), item.id


def test_no_two_short_permalinks_differ_only_in_case(site):
    """On a file system that ignores case (macOS, Windows) they would be one folder."""
    folders = [p.name for p in (site / "q").iterdir() if p.is_dir()]
    assert len({name.lower() for name in folders}) == len(folders) > 2000


def test_the_404_page_knows_every_short_permalink(site):
    """`q/anchors.json` lists what the 404 page may send a reader to: every short permalink by
    its anchor."""
    anchors = json.loads((site / "q" / "anchors.json").read_text(encoding="utf-8"))
    folders = {p.name for p in (site / "q").iterdir() if p.is_dir() and p.name == p.name.lower()}
    assert sorted(anchors) == anchors and set(anchors) == folders and "iv-d-3-o" in anchors


def search_forms(soup: BeautifulSoup) -> dict[str, str]:
    """Each form that searches an edition, by the language it is in: where it sends the query."""
    forms = {}
    for form in soup.find_all("form"):
        if form.get("method") == "get" and form.find("input", attrs={"name": "q", "type": "search"}):
            lang = form.find_parent(lang=True)["lang"]
            field = form.find("input", attrs={"name": "q"})
            assert field.get("aria-label") or field["id"] in {label["for"] for label in form.find_all("label")}
            assert forms.setdefault(lang, form["action"]) == form["action"]
    return forms


def example_permalink(site: Path, soup: BeautifulSoup) -> str:
    """The example of a short permalink a 404 page gives: an existing one, as printed."""
    [link] = soup.select(f'article a[href^="{ADDRESS}q/"], section a[href^="{ADDRESS}q/"]')
    printed = link["href"].removeprefix(f"{ADDRESS}q/").rstrip("/")
    assert "." in printed and (site / "q" / printed / "index.html").is_file(), link
    return link["href"]


def test_the_site_root_has_a_404_page_in_each_language(site, pages):
    """The page servers give for any unknown address, at any depth: its addresses are absolute
    from the site root; per language, a search of that edition, its home page, and how short
    permalinks are written; its script resolves other forms of a short permalink."""
    page = pages["404.html"]
    langs = languages()
    assert search_forms(page) == {lang: f"{BASE}{lang}/" for lang in langs}
    for lang in langs:
        section = page.find(attrs={"data-not-found": lang})
        assert section["lang"] == lang and section.find("h1")
        assert section.find("a", href=f"{BASE}{lang}/")
        example_permalink(site, section)
    script = page.find("script", src=f"{BASE}q/permalink.js")
    assert script.has_attr("data-not-found") and script["data-base"] == BASE
    for tag in page.find_all(href=True) + page.find_all(src=True) + page.find_all(action=True):
        url = tag.get("href") or tag.get("src") or tag.get("action")
        assert url.startswith((BASE, ADDRESS, "#")), url


@pytest.mark.parametrize("lang", languages())
def test_each_edition_s_404_page_has_a_search_and_the_way_home(site, pages, lang):
    page = pages[f"{lang}/404.html"]
    assert search_forms(page) == {lang: f"{BASE}{lang}/"}
    assert page.find("article").find("a", href=f"{BASE}{lang}/")
    example_permalink(site, page)
    config = json.loads(page.find("script", id="__config").string)
    assert config["base"] == f"{BASE}{lang}/"
    assert page.find("script", src=f"{BASE}{lang}/assets/javascripts/search.js")  # the header's search


def test_robots_txt_allows_all_and_gives_the_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and f"Sitemap: {ADDRESS}sitemap.xml" in lines
    assert not any(line.startswith("Disallow:") and line.removeprefix("Disallow:").strip() for line in lines)


def test_the_sitemap_lists_every_page_of_every_language_with_its_alternates(site):
    """One absolute `<loc>` per page and language, each with the page in every language and
    `x-default` (the language choice for the home pages, else the French), each itself listed."""
    tree = ElementTree.parse(site / "sitemap.xml")
    entries = {}
    for url in tree.getroot().findall("s:url", SITEMAP):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP)
                 if link.get("rel") == "alternate"}
        entries[url.findtext("s:loc", namespaces=SITEMAP)] = links
    langs = languages()
    paths = edition_paths(site, langs[0])
    assert len(paths) > 20 and all(edition_paths(site, lang) == [p.replace(langs[0], lang, 1) for p in paths]
                                   for lang in langs)
    expected = {ADDRESS: {**{lang: f"{ADDRESS}{lang}/" for lang in langs}, "x-default": ADDRESS}}
    for path in paths:
        here = path.removeprefix(f"{langs[0]}/")
        links = {lang: f"{ADDRESS}{lang}/{here}" for lang in langs}
        links["x-default"] = ADDRESS if here == "" else links[langs[0]]
        expected |= {links[lang]: links for lang in langs}
    assert entries == expected


def test_every_canonical_and_hreflang_address_is_absolute(pages):
    """Search engines take only absolute ones. Every page of an edition names its own address as
    canonical; a short permalink names its item's page in the source language."""
    for name, soup in pages.items():
        for link in soup.select("link[rel~=canonical], link[hreflang]"):
            assert link["href"].startswith(ADDRESS), f"{name}: {link}"
        canonical = [link["href"] for link in soup.select("link[rel~=canonical]")]
        if name.split("/")[0] in languages() and not name.endswith("404.html"):
            assert canonical == [ADDRESS + name.removesuffix("index.html")], name
    assert [link["href"] for link in pages["q/IV.D.3.o/index.html"].select("link[rel~=canonical]")] == \
        [f"{ADDRESS}fr/iv/"]
    root = {link["hreflang"]: link["href"] for link in pages["index.html"].select("link[rel=alternate][hreflang]")}
    assert root == {**{lang: f"{ADDRESS}{lang}/" for lang in languages()}, "x-default": ADDRESS}


def test_no_page_makes_the_theme_request_a_missing_sitemap(site, pages):
    """The theme's script fetches `<address>sitemap.xml` for each `<link rel=alternate>` of a page
    (for its language selector): each must exist on the site itself."""
    theme = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
    checked = 0
    for name, soup in pages.items():
        if not soup.find("script", src=theme):
            continue
        checked += 1
        for link in soup.select("link[rel~=alternate]"):
            target = urljoin(urljoin(f"http://site/{name}", link["href"]), "sitemap.xml")
            assert target.startswith("http://site/") and (site / target.removeprefix("http://site/")).is_file(), \
                f"{name}: {link}"
    assert checked > 40


def test_the_404_page_sends_any_form_of_a_short_permalink_to_its_item(served, browser):
    """Served as GitHub Pages serves the site (its 404 page for any unknown address), a short
    permalink written in another form reaches the item, in the reader's language; an unknown one
    stays on the 404 page; under an edition, the 404 page is shown in its language."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    for form in ("q/iv.d.3.o/", "q/IV%20D%203%20o"):
        assert page.goto(served + form).status == 404
        page.wait_for_url("**/fr/iv/#iv-d-3-o")
    page.goto(served + "q/iv.d.3.zz/", wait_until="networkidle")
    assert page.url == served + "q/iv.d.3.zz/"
    page.goto(served + "en/iv/no-such-page/")
    assert page.locator("[data-not-found=en] h1").is_visible() and page.locator("[data-not-found=fr]").is_hidden()
    context.close()



# --- published under a sub-path ------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://example.org/toolkit", "https://example.org/toolkit/?lang=fr",
                                 "https://example.org/toolkit/#top", "ftp://example.org/toolkit/",
                                 "example.org/toolkit/", "https://example.org/../toolkit/",
                                 'https://example.org/tool"kit/', "https://example.org/tool kit/"])
def test_a_publication_address_that_is_not_one_is_refused(sources, url):
    """Its path goes as it is into the pages' addresses: only a site root's address passes, one
    whose folders are plain names."""
    (sources / PUBLICATION).write_text(f"url: {json.dumps(url)}\n", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_publication(sources)
    [problem] = refused.value.problems
    assert (Path(problem.file), problem.item, problem.line) == (sources / PUBLICATION, "url", 1)
    assert "address of the site root" in problem.fix and "`/`" in problem.fix


def test_a_site_root_under_a_sub_path_on_any_host_is_an_address(sources):
    (sources / PUBLICATION).write_text('url: "http://intranet.example:8080/unodc/toolkit/"\n', encoding="utf-8")
    assert load_publication(sources).base == "/unodc/toolkit/"


def test_printed_short_links_follow_the_publication_address(subpath_sources):
    published = load_publication(subpath_sources)
    sections = Printer(load_edition("fr", subpath_sources), published).sections()
    links = [s.link for s in sections] + [q.link for s in sections for q in s.questions]
    assert f"{published.url}q/iv/" in links and all(link.startswith(f"{published.url}q/") for link in links)


def fetched(url: str, method: str = "GET") -> tuple[int, bytes]:
    """The status and body of `url`, not found or not."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method)) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


SUBPATH_SAMPLE = {  # the language choice, an edition's home, a chapter, short permalinks, the 404 pages
    "": 200, "fr/": 200, "fr/iv/": 200, "q/IV.D.3.o/": 200, "q/iv/": 200, "fr/404.html": 200,
    "q/no-such/page/": 404,  # the site's 404 page, as served at any depth
}


def test_under_a_sub_path_every_address_of_a_page_is_under_it(served_subpath, subpath_sources):
    """Every link, file, form and the theme's base of a sample of pages lead under the sub-path;
    the absolute ones under the published address; each leads to a file (but in the editions
    not built: see `subpath_site`)."""
    published = load_publication(subpath_sources).url
    not_built = tuple(f"{served_subpath}{lang}/" for lang in languages()[1:])
    outside, targets = [], set()
    for path, status in SUBPATH_SAMPLE.items():
        here = served_subpath + path
        code, body = fetched(here)
        assert code == status, here
        soup = html_pages.parse(body.decode("utf-8"))
        addresses = [tag[name] for name in ("href", "src", "action", "data-base")
                     for tag in soup.find_all(attrs={name: True})]
        config = soup.find("script", id="__config")
        addresses += [json.loads(config.string)["base"]] if config else []
        for address in addresses:
            if address.startswith("#"):  # this page
                continue
            if address.startswith(published):
                address = served_subpath + address.removeprefix(published)
            elif address.startswith(("http:", "https:", "mailto:", "data:")):
                assert not address.startswith(ADDRESS), f"{path}: {address}"  # the real address: not this site's
                continue
            url = urldefrag(urljoin(here, address)).url
            if not url.startswith(served_subpath):
                outside.append(f"{path}: {address}")
            elif not url.startswith(not_built):
                targets.add(url)
    assert outside == []
    assert {url for url in targets if fetched(url, "HEAD")[0] != 200} == set()
    assert f"{served_subpath}q/permalink.js" in targets and f"{served_subpath}fr/pdf/checklist-iv-fr.pdf" in targets


def test_under_a_sub_path_search_engines_get_its_full_address(subpath_site, subpath_sources):
    published = load_publication(subpath_sources)
    robots = (subpath_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {published.url}sitemap.xml" in robots and f"Allow: {published.base}" in robots
    root = ElementTree.parse(subpath_site / "sitemap.xml").getroot()
    locs = [url.findtext("s:loc", namespaces=SITEMAP) for url in root.findall("s:url", SITEMAP)]
    alternates = [link.get("href") for link in root.iter(f"{{{SITEMAP['xhtml']}}}link")]
    assert {published.url, f"{published.url}fr/iv/", f"{published.url}en/iv/"} <= set(locs)
    assert all(url.startswith(published.url) for url in locs + alternates)
    for page, canonical in (("fr/iv/index.html", "fr/iv/"), ("q/IV.D.3.o/index.html", "fr/iv/"), ("index.html", "")):
        soup = html_pages.page(subpath_site / page)
        assert [link["href"] for link in soup.select("link[rel~=canonical]")] == [published.url + canonical], page


def test_under_a_sub_path_a_short_permalink_in_any_form_reaches_its_item(served_subpath, browser):
    """As printed, the short permalink's page sends the reader on; in another form, the site's 404
    page finds it first (permalink.js, from the sub-path)."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    for form, status in (("q/IV.D.3.o/", 200), ("q/iv.d.3.o/", 404)):
        assert page.goto(served_subpath + form).status == status
        page.wait_for_url(f"{served_subpath}fr/iv/#iv-d-3-o")
    context.close()


def test_the_preview_serves_a_sub_path_site_under_its_path(subpath_site, subpath_sources):
    """`make serve` previews the site where its address puts it (`/toolkit/`), the host's root
    leading there, with the site's 404 page for unknown addresses; its live reload script is a
    file, which the pages' policy allows (no inline script)."""
    port = free_port()
    server = preview_server(subpath_site, subpath_sources, "127.0.0.1", port, lambda: None)
    server.watch(str(subpath_sources / "content"))  # pages get the reload script when something is watched
    threading.Thread(target=server.serve, daemon=True).start()

    def get(path: str) -> http.client.HTTPResponse:
        for _ in range(50):  # until the server listens
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", path)
                return connection.getresponse()
            except ConnectionRefusedError:
                time.sleep(0.1)
        raise AssertionError("the preview server did not start")

    base = load_publication(subpath_sources).base
    try:
        assert server.url == f"http://127.0.0.1:{port}{base}" and base != "/"
        home = get("/")
        assert (home.status, home.getheader("Location")) == (302, base)
        served = get(f"{base}fr/iv/").read().decode("utf-8")
        [script] = re.findall(rf'<script src="({re.escape(LIVE_RELOAD)}\?[0-9]+-[0-9]+)"></script></body>', served)
        assert served.replace(f'<script src="{script}"></script>', "") == (
            subpath_site / "fr" / "iv" / "index.html").read_text(encoding="utf-8")
        reload_script = get(script)
        assert reload_script.getheader("Content-Type") == "application/javascript"
        assert "location.reload()" in reload_script.read().decode("utf-8")
        missing = get(f"{base}q/iv.d.3.zz/")
        assert (missing.status, missing.read()) == (404, (subpath_site / "404.html").read_bytes())
    finally:
        server.shutdown()
