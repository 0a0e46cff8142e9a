"""What tiptoolkit hands one MkDocs build besides its configuration: every language's PDFs, the
live reload's page cache, and what the hook generated from the content for this build (and the
search units it collects from the pages).

They ride on the config object but outside `config.extra`: the macros plugin serialises all of
`extra` to JSON at every build (for its debug log, logged or not), which took 0.05 s of each
live reload when the generated files were there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .generated import Generated
    from .page_cache import PageCache
    from .pdf import Manifest

ATTRIBUTE = "tiptoolkit_inputs"


@dataclass
class BuildInputs:
    pdfs: Manifest
    pages: PageCache | None = None  # live reload: pages converted by earlier builds
    offline: bool = False  # built for the offline bundle (`file://`)
    generated: Generated | None = None  # set by the hook's `on_config`
    search: dict[str, tuple] = field(default_factory=dict)  # each page's search units, by its file


def attach(config: object, inputs: BuildInputs) -> None:
    setattr(config, ATTRIBUTE, inputs)


def of(config: object) -> BuildInputs | None:
    """The inputs of the build of `config`; None for a build that tiptoolkit did not start."""
    return getattr(config, ATTRIBUTE, None)
