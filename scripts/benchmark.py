"""Benchmark the site build: `python scripts/benchmark.py [--runs N] [--json FILE]`.

A thin adapter over `tiptoolkit.benchmark`, for running from a checkout; prints one table.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tiptoolkit.benchmark import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
