"""MkDocs hook: the toolkit's structured content becomes this build's pages.

The edition's language is `theme.language`. Invalid content stops the build with the
problems listed (file, item, fix). Everything but the MkDocs glue is in `tiptoolkit`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from tiptoolkit import checklist_pages, csp, export, fonts, glossary, resources, theme_fixes
from tiptoolkit.catalog import editions as all_editions
from tiptoolkit.catalog import languages, load_edition
from tiptoolkit.errors import ContentError
from tiptoolkit.render import rendered_pages
from tiptoolkit.site import theme_cache

FONTS_CSS = "assets/stylesheets/fonts.css"  # generated: the checklists' @font-face rules (see mkdocs.yml)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme["language"]
    root = Path(config.config_file_path).parent
    pdfs = config.extra.get("pdfs")
    if pdfs is None:
        raise PluginError("the site is built by `make build` or `make serve` (tiptoolkit), which make the PDF "
                          "checklists first; plain `mkdocs build` cannot")
    try:
        edition = load_edition(lang, root)
        pages = rendered_pages(edition)
        terms = glossary.load_glossary(root)
        editions = all_editions(root)
        mission = checklist_pages.mission_body(edition, root)
        catalogue = resources.check(edition, root)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    config.extra["editions"] = [{"lang": code, "name": e.strings.language_name} for code, e in editions.items()]
    config.extra["alternate"] = True  # Material then shows partials/alternate.html: ours links page to page
    labels, strings = edition.strings.labels, edition.strings.checklist
    config.site_name = edition.strings.site_name
    config.site_description = edition.strings.site_description
    toolkit_pages = [{p.title: f"{p.slug}.md"} for p in pages if not edition.page(p.slug).document]
    wg_pages = [{p.title: f"{p.slug}.md"} for p in pages if edition.page(p.slug).document]
    config.nav = [{labels.home: "index.md"}, *toolkit_pages, {edition.strings.wg.section: wg_pages},
                  {strings.catalogue: f"{checklist_pages.CATALOGUE_SLUG}.md"},
                  {strings.custom: f"{checklist_pages.CUSTOM_SLUG}.md"},
                  {edition.strings.wg.resources: f"{resources.PAGE_SLUG}.md"},
                  {labels.glossary: f"{glossary.PAGE_SLUG}.md"}, {labels.export: "export.md"}]
    others = [code for code in languages(root) if code != lang]
    directory_urls = config.use_directory_urls
    config.extra["toolkit"] = {
        "edition": edition, "pages": pages, "mission": mission,
        "glossary": glossary.markdown(terms, edition, others, directory_urls),
        "resources": resources.markdown(catalogue, edition),
        "catalogue": checklist_pages.catalogue_page(edition, pdfs, editions, directory_urls),
        "printable": {page.slug: checklist_pages.printable_links(edition, page.slug, pdfs, editions, directory_urls)
                      for page in edition.pages}}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Of `content/`, keep only this language's hand-written pages, re-rooted; keep the
    theme's files; add the generated pages and the export."""
    toolkit = config.extra["toolkit"]
    edition = toolkit["edition"]
    prefix = f"{edition.lang}/pages/"
    docs_dir = Path(config.docs_dir).resolve()
    result = Files([])
    for file in files:
        if file.src_uri.startswith(prefix):
            result.append(File.generated(config, file.src_uri[len(prefix):], abs_src_path=file.abs_src_path))
        elif not (file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)):
            result.append(file)
    for page in toolkit["pages"]:
        result.append(File.generated(config, f"{page.slug}.md", content=page.markdown))
    result.append(File.generated(config, f"{glossary.PAGE_SLUG}.md", content=toolkit["glossary"]))
    result.append(File.generated(config, f"{resources.PAGE_SLUG}.md", content=toolkit["resources"]))
    result.append(File.generated(config, f"{checklist_pages.CATALOGUE_SLUG}.md", content=toolkit["catalogue"]))
    result.append(File.generated(config, f"{checklist_pages.CUSTOM_SLUG}.md",
                                 content=checklist_pages.mission_markdown(edition)))
    for pdf in config.extra["pdfs"][edition.lang]:
        result.append(File.generated(config, f"pdf/{pdf.name}", abs_src_path=str(pdf.path)))
    font_url = lambda path: f"../fonts/{path.name}"  # noqa: E731 (from assets/stylesheets/)
    result.append(File.generated(config, FONTS_CSS, content=fonts.font_faces(font_url)))
    for path in fonts.files():
        result.append(File.generated(config, f"assets/fonts/{path.name}", abs_src_path=str(path)))
    result.append(File.generated(config, "questions.json", content=export.to_json(edition)))
    result.append(File.generated(config, "questions.csv", content=export.to_csv(edition)))
    return result


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Under a chapter's title, the links to its PDFs in every language."""
    if config.extra.get("page_cache"):
        config.extra["page_cache"].attach(page, config)
    links = config.extra["toolkit"]["printable"].get(page.file.src_uri.removesuffix(".md"))
    if not links:
        return markdown
    title, _, rest = markdown.partition("\n")
    return f"{title}\n\n{links}\n{rest}"


def _offline(config: MkDocsConfig) -> bool:
    return config.plugins["material/offline"].config.enabled


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    if page.file.src_uri == f"{checklist_pages.CUSTOM_SLUG}.md":
        output = output.replace(checklist_pages.MISSION_MARKER, config.extra["toolkit"]["mission"], 1)
    return csp.with_policy(theme_fixes.valid_html(output), offline=_offline(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is served at any depth, so MkDocs gives it root-absolute URLs; each
    edition lives under `/<lang>/` of the site root, so they gain that prefix."""
    if template_name != "404.html":
        return output
    lang = config.extra["toolkit"]["edition"].lang
    output = output.replace('href="/', f'href="/{lang}/').replace('src="/', f'src="/{lang}/')
    return csp.with_policy(theme_fixes.valid_html(output), offline=_offline(config))


def on_env(env, config: MkDocsConfig, files: Files):
    """Keep the theme's compiled templates between builds (MkDocs compiles them anew each time)."""
    env.bytecode_cache = theme_cache()
    return env
