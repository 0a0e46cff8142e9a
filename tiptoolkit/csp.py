"""The Content-Security-Policy every page carries, as a `<meta>` tag, and the check that no page
carries inline code the theme and the project do not ship.

Everything a page loads comes from the site itself. Inline code is allowed only if it is written
as it is in a template of the theme or of the project (Material's, `overrides/`,
`tiptoolkit/templates/`): those `<script>` and `<style>` bodies that hold no Jinja (a body with
Jinja differs per page), read from the templates at build time. A page's policy allows, by their
SHA-256 hashes, those of them it carries; a page carrying any other inline script or style stops
the build, since content can never add one. The theme's own inline scripts are files
(`overrides/partials/javascripts/`), so no page carries an inline script at all, and no policy
has 'unsafe-inline', not even the offline bundle's (its search loads classic scripts, as on the
served site).

`<script type="application/json">` (the theme's configuration) is data: browsers neither run it
nor check it against the policy.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import material.templates

from .edition import ROOT
from .errors import ContentError, Problem

THEME_TEMPLATES = Path(material.templates.__file__).parent
OWN_TEMPLATES = Path(__file__).with_name("templates")
_OPEN = re.compile(r"<(script|style)(?=[\s/>])", re.I)  # every start of either element, wherever it is
_CLOSE = {tag: re.compile(rf"</{tag}[\s/>]", re.I) for tag in ("script", "style")}
_JINJA = re.compile(r"\{[{%#]")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
_DATA_TYPES = {"application/json", "application/ld+json"}  # data blocks: never run, not subject to the policy


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _start_tag(element: str) -> tuple[dict[str, str | None], int]:
    """The attributes of the start tag `element` begins with, and its length; none, and no
    length, if the tag cannot be read (the whole element is then taken for code)."""
    parser, found = HTMLParser(), []
    parser.handle_starttag = lambda tag, attrs: found.append(dict(attrs))
    parser.feed(element)
    return (found[0], len(parser.get_starttag_text())) if found else ({}, 0)


def inline_code(html: str) -> Iterator[tuple[str, str]]:
    """Each inline script that would run and each style of `html`: its tag and its body. A
    `<script` or `<style` is looked at wherever it is (even inside another element's text):
    none can slip by."""
    for match in _OPEN.finditer(html):
        tag = match[1].lower()
        end = _CLOSE[tag].search(html, match.end())
        element = html[match.start():end.start() if end else len(html)]
        attrs, length = _start_tag(element)
        if tag == "script" and ("src" in attrs or (attrs.get("type") or "").strip().lower() in _DATA_TYPES):
            continue
        yield tag, element[length:]


def template_folders(root: Path) -> tuple[Path, ...]:
    """The templates of a build of the project at `root`: Material's, its overrides (mkdocs.yml's
    `custom_dir`), the package's."""
    return THEME_TEMPLATES, root / "overrides", OWN_TEMPLATES


@functools.cache
def shipped(root: Path) -> frozenset[str]:
    """The hashes of the inline code written in the templates of the project at `root` (read
    once per process: `tiptoolkit.site.serve` forgets them when the templates change)."""
    return frozenset(_hash(body) for folder in template_folders(root) for path in sorted(folder.rglob("*.html"))
                     for _, body in inline_code(path.read_text(encoding="utf-8")) if not _JINJA.search(body))


def _not_shipped(tag: str, body: str, page: str | None, html: str, offline: bool) -> ContentError:
    title = _TITLE.search(html)
    where = page or (f"the page titled “{' '.join(title[1].split())}”" if title else "a page")
    code = " ".join(body.split())
    return ContentError([Problem(
        where, f"inline <{tag}>" + (" (offline bundle)" if offline else ""),
        f"the page carries an inline {tag} that neither the theme nor the project ships: "
        f"<{tag}>{code[:80]}{'…' if len(code) > 80 else ''}",
        "content can never add scripts or styles: find the text that holds it and remove the HTML "
        "(texts are shown as text, so report how it got through); the project's own scripts are files "
        "under overrides/assets/javascripts/, loaded with `src`")])


def policy(html: str, *, root: Path = ROOT, page: str | None = None, offline: bool = False) -> str:
    """The policy for one page: only the site itself, and the shipped inline code the page carries,
    by hash. ContentError if the page carries inline code that is not shipped; `page` (else the
    page's title) and `offline` (a page of the offline bundle) say where."""
    allowed: dict[str, list[str]] = {"script": [], "style": []}
    for tag, body in inline_code(html):
        digest = _hash(body)
        if digest not in shipped(root):
            raise _not_shipped(tag, body, page, html, offline)
        allowed[tag].append(digest)
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *dict.fromkeys(allowed["script"])],
        "style-src": ["'self'", *dict.fromkeys(allowed["style"])],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'none'"],
        "frame-src": ["'none'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, *, root: Path = ROOT, page: str | None = None, offline: bool = False) -> str:
    """`html` with its policy as the first element after `<meta charset>` (see :func:`policy`)."""
    match = _CHARSET.search(html)
    if not match:
        raise ValueError("page has no <meta charset=utf-8>: the policy must follow it")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, root=root, page=page, offline=offline)}">'
    return html[: match.end()] + meta + html[match.end():]
