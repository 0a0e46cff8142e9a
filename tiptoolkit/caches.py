"""Where builds keep what a later build may reuse (built PDFs, compiled theme templates):
`$TIPTOOLKIT_CACHE` if set (the tests give each run its own), else a folder of the user's in
the system's temporary folder. Everything in it is checked before reuse, so deleting it only
costs time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

VARIABLE = "TIPTOOLKIT_CACHE"


def folder(name: str) -> Path:
    """The cache folder `name` (`pdf`, `templates`), created if missing."""
    base = os.environ.get(VARIABLE) or Path(tempfile.gettempdir()) / f"tiptoolkit-{os.getuid()}"
    path = Path(base) / name
    path.mkdir(parents=True, exist_ok=True)
    return path
