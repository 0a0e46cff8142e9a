"""Repairs to the theme's HTML where its templates offer no block to override.

Material's two hidden toggles carry `autocomplete="off"`, which HTML allows only on text-like
inputs (the Nu Html Checker reports it); the attribute only stops Firefox from restoring a
toggle's state on reload, which the theme's script resets anyway.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_html(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
