"""Markdown snippets for the hand-written pages (called through mkdocs-macros)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .checklist import load_publication
from .edition import Edition, Page
from .export import FIELDS
from .markup import escaped, permalink_path
from .render import Renderer


def table_of_contents(edition: Edition) -> str:
    """The toolkit's pages (the Working Group's documents are `working_group_documents`), each
    with the number of questions it addresses."""
    def questions(page: Page) -> str:
        count = sum(1 for item in edition.items if item.page == page.slug and item.kind == "question")
        return f" — {count} {escaped(edition.strings.labels.questions.lower())}" if count else ""

    return _listed(Renderer(edition), [page for page in edition.pages if not page.document], questions)


def working_group_documents(edition: Edition) -> str:
    """The Working Group's documents, each with its subtitle (a paper's kind and author) if it has one."""
    renderer = Renderer(edition)

    def subtitle(page: Page) -> str:
        text = getattr(page.content, "subtitle", None)
        return f" — {renderer.plain(text)}" if text else ""

    return _listed(renderer, [page for page in edition.pages if page.document], subtitle)


def _listed(renderer: Renderer, pages: list[Page], after: Callable[[Page], str]) -> str:
    """A Markdown list of links to `pages`, each followed by `after(page)`."""
    return "\n".join(f"- [{renderer.title(page)}]({page.slug}.md){after(page)}" for page in pages)


def short_link(edition: Edition, item_id: str, page_url: str, *, offline: bool) -> str:
    """An item's short permalink as printed (`<publication address>q/IV.D.3.o/`), linking to
    that page of this site, relative to `page_url` (a page's URL in the edition, `""` for its
    home page); in the `offline` bundle, which has no short permalinks, to the published one.
    The site's link checks find a link to an item that does not exist."""
    address = f"{load_publication(edition.root).url}{permalink_path(item_id)}"
    href = address if offline else "../" * (1 + page_url.count("/")) + permalink_path(item_id)
    return f'<a class="tk-short-link" href="{escape(href)}">{escape(address.removeprefix("https://"))}</a>'


def export_fields() -> str:
    rows = ["| field | meaning |", "| --- | --- |"]
    rows += [f"| `{name}` | {meaning} |" for name, meaning in FIELDS.items()]
    return "\n".join(rows)


def export_summary(edition: Edition) -> str:
    return str(len(edition.items))


def offline_bundle(edition: Edition, href: str | None) -> str:
    """The download link of the offline bundle; nothing where the site has none (preview,
    or the bundle itself)."""
    if not href:
        return ""
    labels = edition.strings.labels
    return (f'<p class="tk-bundle"><a href="{escape(href)}" download>{escaped(labels.offline_bundle)}</a> '
            f'{escaped(labels.offline_bundle_help)}</p>')
