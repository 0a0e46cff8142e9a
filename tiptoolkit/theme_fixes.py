"""Repairs to the theme's HTML where its templates offer no block to override.

Material's two hidden toggles carry `autocomplete="off"`, which HTML allows only on text-like
inputs (the Nu Html Checker reports it); the attribute only stops Firefox from restoring a
toggle's state on reload, which the theme's script resets anyway. And the templates' indentation
and blank lines, a tenth of a chapter page's bytes, are dropped (`compact`).
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)  # their text counts as written
_INDENT = re.compile(r"\n\s+")


def valid_html(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)


def compact(html: str) -> str:
    """`html` without the white space that starts its lines: a line break stays wherever there was
    any, which HTML reads alike, but in `<pre>`, `<textarea>`, `<script>` and `<style>` (whose
    inline code the policy knows by its hash, see :mod:`tiptoolkit.csp`) nothing changes."""
    parts, end = [], 0
    for kept in _KEPT.finditer(html):
        parts += [_INDENT.sub("\n", html[end:kept.start()]), kept[0]]
        end = kept.end()
    parts.append(_INDENT.sub("\n", html[end:]))
    return "".join(parts)
