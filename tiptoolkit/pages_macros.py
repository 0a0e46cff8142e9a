"""Markdown snippets for the hand-written pages (called through mkdocs-macros)."""

from __future__ import annotations

from html import escape

from .edition import Edition
from .export import FIELDS
from .markup import escaped
from .render import Renderer


def table_of_contents(edition: Edition) -> str:
    """The edition's pages, each toolkit page with the number of questions it addresses."""
    renderer = Renderer(edition)
    lines = []
    for page in edition.pages:
        count = sum(1 for item in edition.items if item.page == page.slug and item.kind == "question")
        suffix = f" — {count} {escaped(edition.strings.labels.questions.lower())}" if count else ""
        lines.append(f"- [{renderer.title(page)}]({page.slug}.md){suffix}")
    return "\n".join(lines)


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
