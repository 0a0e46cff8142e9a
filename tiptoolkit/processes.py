"""Worker processes of the builds: forked from the build's own process where that is safe (they
inherit what it has imported and loaded, and start at once), else none or new ones."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext


def forking() -> BaseContext | None:
    """Fork, where it is safe: on Linux, from a process that runs no other thread (the live-reload
    server runs threads: its rebuilds stay in its own process); else None."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")
