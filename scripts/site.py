"""Build, serve or check the whole site, every language: `python scripts/site.py build|serve|check`.

A thin adapter over `tiptoolkit.cli` (the same as the `tiptoolkit` command the Makefile uses),
for running from a checkout without the console script on PATH.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tiptoolkit.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
