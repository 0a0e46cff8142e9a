"""MkDocs hook: the toolkit's structured content becomes this build's pages.

The edition's language is `theme.language`. Invalid content stops the build with the
problems listed (file, item, fix). What the build is made of is `tiptoolkit.generated`; each
function here only hands it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tiptoolkit import build_inputs, csp, palette, search_index, theme_fixes
from tiptoolkit.errors import ContentError
from tiptoolkit.generated import Generated, generated, not_found_page
from tiptoolkit.markup import for_theme
from tiptoolkit.site import theme_cache


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The edition's navigation, names and languages; its files wait in the build's inputs. The
    theme prints the names and titles as they are (MkDocs's Jinja does not autoescape): they go
    escaped, as Markup. The colour scheme toggle is named in the edition's language; the footer
    says what the edition is."""
    inputs = build_inputs.of(config)
    if inputs is None:
        raise PluginError("the site is built by `make build` or `make serve` (tiptoolkit), which make the PDF "
                          "checklists first; plain `mkdocs build` cannot")
    try:
        toolkit = generated(config.theme["language"], _root(config), inputs.pdfs,
                            directory_urls=config.use_directory_urls)
        config.theme["palette"] = palette.named(config.theme["palette"], toolkit.edition.strings.palette)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    config.site_name, config.site_description = for_theme(toolkit.site_name), for_theme(toolkit.site_description)
    config.nav = for_theme(toolkit.nav)
    config.extra.update(toolkit.extra)
    inputs.generated = toolkit
    return config


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _toolkit(config: MkDocsConfig) -> Generated:
    return build_inputs.of(config).generated


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The theme's files but its search engine's, and the edition's (`generated().files`); nothing
    MkDocs found in the docs folder (`content/`), wherever a link there leads."""
    theme = [f for f in files if f.src_dir != config.docs_dir and not f.src_uri.startswith(search_index.THEME_SEARCH)]
    return Files([*theme, *(_file(config, path, source) for path, source in _toolkit(config).files.items())])


def _file(config: MkDocsConfig, path: str, source: str | Path) -> File:
    if isinstance(source, Path):
        return File.generated(config, path, abs_src_path=str(source))
    return File.generated(config, path, content=source)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Live reload: the page takes its conversion from the last build if nothing it depends on changed."""
    pages = build_inputs.of(config).pages
    if pages:
        pages.attach(page, config)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's search units, unless its front matter says `search: {exclude: true}`."""
    if not (page.meta.get("search") or {}).get("exclude"):
        build_inputs.of(config).search[page.file.src_uri] = search_index.units(html, page.url)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """The edition's search index, from every page's units (`search/index.js`)."""
    script = search_index.index_script(list(build_inputs.of(config).search.values()))
    path = Path(config.site_dir, search_index.INDEX)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")


def _offline(config: MkDocsConfig) -> bool:
    return build_inputs.of(config).offline


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """What comes after Markdown (the mission checklist), the theme's HTML repaired, the policy."""
    html = theme_fixes.compact(theme_fixes.valid_html(_toolkit(config).finished(page.file.src_uri, output)))
    return csp.with_policy(html, root=_root(config), page=page.file.dest_uri, offline=_offline(config))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Of the theme's static templates, the 404 page: its URLs under the edition's folder, the policy."""
    if template_name != "404.html":
        return output_content
    html = theme_fixes.compact(theme_fixes.valid_html(not_found_page(output_content, _toolkit(config).base)))
    return csp.with_policy(html, root=_root(config), page=template_name, offline=_offline(config))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between builds (MkDocs compiles them anew each time)."""
    env.bytecode_cache = theme_cache()
    return env
