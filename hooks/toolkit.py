"""MkDocs hook: the toolkit's structured content becomes this build's pages.

The edition's language is `theme.language`. Invalid content stops the build with the
problems listed (file, item, fix). Everything but the MkDocs glue is in `tiptoolkit`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from tiptoolkit import csp, export, glossary, theme_fixes
from tiptoolkit.catalog import languages, load_edition
from tiptoolkit.errors import ContentError
from tiptoolkit.render import rendered_pages
from tiptoolkit.site import theme_cache


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme["language"]
    root = Path(config.config_file_path).parent
    try:
        edition = load_edition(lang, root)
        pages = rendered_pages(edition)
        terms = glossary.load_glossary(root)
        config.extra["editions"] = [{"lang": code, "name": load_edition(code, root).strings.language_name}
                                    for code in languages(root)]
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    config.extra["alternate"] = True  # Material then shows partials/alternate.html: ours links page to page
    labels = edition.strings.labels
    config.site_name = edition.strings.site_name
    config.site_description = edition.strings.site_description
    config.nav = [{labels.home: "index.md"}, *({p.title: f"{p.slug}.md"} for p in pages),
                  {labels.glossary: f"{glossary.PAGE_SLUG}.md"}, {labels.export: "export.md"}]
    others = [code for code in languages(root) if code != lang]
    config.extra["toolkit"] = {"edition": edition, "pages": pages,
                               "glossary": glossary.markdown(terms, edition, others, config.use_directory_urls)}
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
    result.append(File.generated(config, "questions.json", content=export.to_json(edition)))
    result.append(File.generated(config, "questions.csv", content=export.to_csv(edition)))
    return result


def _offline(config: MkDocsConfig) -> bool:
    return config.plugins["material/offline"].config.enabled


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
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
