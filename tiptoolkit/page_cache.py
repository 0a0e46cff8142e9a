"""Live reload's memory of converted pages. Python-Markdown takes most of a build's time, and an
edit changes the Markdown of one page or two: a page whose Markdown, address and fellow files are
those of a page converted in an earlier successful build takes that conversion's result instead
of being converted again (its search units are kept by :func:`tiptoolkit.search_index.units`);
and the theme's templates are loaded, compiled and listed once (MkDocs
walks the theme's folders at every build, Material's thousands of icons included). A change to the
theme or the code starts a new cache. Nothing is kept from a build that failed (a strict build fails on
any warning, so a kept page never had one), and of a language built again, only its current pages."""

from __future__ import annotations

from typing import Any

RESULT = ("content", "toc", "_title_from_render", "present_anchor_ids")  # what `Page.render` sets


class PageCache:
    def __init__(self) -> None:
        self._kept: dict[tuple, dict[str, Any]] = {}
        self._built: dict[tuple, dict[str, Any]] = {}  # by the build under way: kept if it succeeds
        self._used: dict[str, tuple] = {}  # the build under way: each page's key, by its file
        self._files: tuple[int, tuple] | None = None
        self._envs: dict[str, Any] = {}  # the theme's Jinja environment, by language
        self.converted: list[str] = []  # the pages the last build converted (the others came from the cache)

    def _key(self, page, config, files) -> tuple:
        if self._files is None or self._files[0] != id(files):
            self._files = (id(files), tuple(sorted((f.src_uri, f.url) for f in files)))
        return (config.theme["language"], page.file.src_uri, page.file.url, page.markdown, self._files[1])

    def attach(self, page, config) -> None:
        """Let `page` take its conversion from the cache (its own `render`, looked up before its class's)."""
        convert = page.render

        def render(config, files) -> None:
            key = self._key(page, config, files)
            self._used[page.file.src_uri] = key
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

    def starting(self, config) -> None:
        """A build of `config` begins: it gets the theme's Jinja environment of the last build of
        its language, with the templates it compiled (MkDocs makes a new one at every build) and
        its answer to MkDocs's one question, which of the theme's thousands of files to copy (the
        same at every build while the theme is the same)."""
        self.converted = []
        lang, make_env = config.theme["language"], config.theme.get_env

        def env():
            if lang not in self._envs:
                made = self._envs[lang] = make_env()
                list_templates, listed = made.list_templates, {}

                def templates(extensions=None, filter_func=None):
                    key = (extensions and tuple(extensions), getattr(filter_func, "__qualname__", filter_func))
                    if key not in listed:
                        listed[key] = list_templates(extensions, filter_func)
                    return list(listed[key])

                made.list_templates = templates
            return self._envs[lang]

        config.theme.get_env = env

    def succeeded(self) -> None:
        used = set(self._used.values())
        built = {key[0] for key in used}
        self._kept = {key: kept for key, kept in self._kept.items() if key[0] not in built or key in used}
        self._kept.update(self._built)
        self.failed()

    def failed(self) -> None:
        """The build under way ended (after `succeeded`, or failed): nothing of it is kept but what
        `succeeded` kept."""
        self._built.clear()
        self._used.clear()
