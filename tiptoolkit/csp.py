"""The Content-Security-Policy every page carries, as a `<meta>` tag.

Everything a page loads comes from the site itself; the theme's few inline scripts and
styles are allowed by their SHA-256 hashes, so an injected script never runs. The offline
bundle is opened from `file://`, where the search runs in an iframe whose inline script
names the reader's own folder (it cannot be hashed in advance): there, inline scripts are
allowed, and every other host is still refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, *, offline: bool = False) -> str:
    """The policy for one page: only the site itself, plus the page's own inline code by hash."""
    scripts, styles = [], []
    for tag, attrs, body in _INLINE.findall(html):
        attrs = attrs or ""
        if tag.lower() == "style":
            styles.append(_hash(body))
        elif not _SRC.search(attrs):
            kind = _TYPE.search(attrs)
            if (kind.group(1).lower() if kind else "") in _SCRIPT_TYPES:
                scripts.append(_hash(body))
    script_src = ["'self'", "'unsafe-inline'"] if offline else ["'self'", *dict.fromkeys(scripts)]
    directives = {
        "default-src": ["'none'"],
        "script-src": script_src,
        "style-src": ["'self'", *dict.fromkeys(styles)],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": ["'self'"] if offline else ["'none'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, *, offline: bool = False) -> str:
    """`html` with its policy as the first element after `<meta charset>`."""
    match = _CHARSET.search(html)
    if not match:
        raise ValueError("page has no <meta charset=utf-8>: the policy must follow it")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, offline=offline)}">'
    return html[: match.end()] + meta + html[match.end():]
