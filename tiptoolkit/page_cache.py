"""Live reload's memory of converted pages. Python-Markdown takes most of a build's time, and an
edit changes the Markdown of one page or two: a page whose Markdown, address and fellow files are
those of a page converted in an earlier successful build takes that conversion's result instead
of being converted again. Nothing is kept from a build that failed (a strict build fails on any
warning, so a kept page never had one), and of a language built again, only its current pages."""

from __future__ import annotations

from typing import Any

RESULT = ("content", "toc", "_title_from_render", "present_anchor_ids")  # what `Page.render` sets


class PageCache:
    def __init__(self) -> None:
        self._kept: dict[tuple, dict[str, Any]] = {}
        self._built: dict[tuple, dict[str, Any]] = {}  # by the build under way: kept if it succeeds
        self._used: set[tuple] = set()  # the keys of the build under way
        self.converted: list[str] = []  # the pages the last build converted (the others came from the cache)
        self._files: tuple[int, tuple] | None = None

    def _key(self, page, config, files) -> tuple:
        if self._files is None or self._files[0] != id(files):
            self._files = (id(files), tuple(sorted((f.src_uri, f.url) for f in files)))
        return (config.theme["language"], page.file.src_uri, page.file.url, page.markdown, self._files[1])

    def attach(self, page, config) -> None:
        """Let `page` take its conversion from the cache (its own `render`, looked up before its class's)."""
        convert = page.render

        def render(config, files) -> None:
            key = self._key(page, config, files)
            self._used.add(key)
            if key in self._kept:
                kept = self._kept[key]
                for name in RESULT:
                    setattr(page, name, kept[name])
                page.present_anchor_ids = set(kept["present_anchor_ids"])
                page.links_to_anchors = {files.get_file_from_path(src): dict(links)
                                         for src, links in kept["links"].items()}
                return
            convert(config, files)
            self.converted.append(page.file.src_uri)
            self._built[key] = {**{name: getattr(page, name) for name in RESULT},
                                "links": {f.src_uri: dict(links) for f, links in (page.links_to_anchors or {}).items()}}

        page.render = render

    def starting(self) -> None:
        """A build begins."""
        self.converted = []

    def succeeded(self) -> None:
        built = {key[0] for key in self._used}
        self._kept = {key: kept for key, kept in self._kept.items() if key[0] not in built or key in self._used}
        self._kept.update(self._built)
        self.failed()

    def failed(self) -> None:
        self._built.clear()
        self._used.clear()
