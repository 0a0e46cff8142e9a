"""How the site is built: languages in parallel processes give the same site as one after the
other, and a live reload rebuilds only what an edit touches: the edited language (its pages
converted again only where their Markdown changed) and the short permalinks that changed."""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import yaml

from tiptoolkit import site as site_module
from tiptoolkit.benchmark import write_baseline
from tiptoolkit.edition import ROOT
from tiptoolkit.page_cache import PageCache
from tiptoolkit.site import build_site

EDITED = "chapters/en/iv.yml"
QUESTION = re.compile(r'^(\s*text: ".*)"$', re.M)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def written(folder: Path) -> dict[str, tuple[int, int]]:
    """When and where each file was written: its modification time and inode."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_ino)
            for p in folder.rglob("*") if p.is_file()}


def test_a_reload_rebuilds_only_what_the_edit_touches_and_one_language_at_a_time_builds_the_same(
        sources, pdfs, monkeypatch):
    """Built with a process per language, then reloaded after an edit, the site is the one a build
    of the same sources makes from nothing, one language after the other."""
    monkeypatch.setattr(site_module, "_parallel", lambda: multiprocessing.get_context("fork"))
    pages = PageCache()
    site = build_site(sources / "site", sources, bundle=False, pdfs=pdfs, pages=pages)
    assert len(pages.converted) > 20 and "iv.md" in pages.converted  # every page, the first time
    before, french = written(site), files(site / "fr")
    path = sources / EDITED
    text, edits = QUESTION.subn(r'\1 reloaded-marker"', path.read_text(encoding="utf-8"), count=1)
    assert edits == 1
    path.write_text(text, encoding="utf-8")

    build_site(site, sources, bundle=False, only=frozenset({"en"}), pdfs=pdfs, pages=pages)

    assert pages.converted == ["iv.md"]  # the other English pages came from the cache
    assert "reloaded-marker" in (site / "en" / "iv" / "index.html").read_text(encoding="utf-8")
    assert files(site / "fr") == french
    after = written(site)
    assert {p: n for p, n in after.items() if p.startswith("fr/")} == {p: n for p, n in before.items()
                                                                      if p.startswith("fr/")}  # not even copied
    rewritten = sorted(p for p in after if p.startswith("q/") and after[p] != before.get(p))
    assert rewritten == ["q/IV.C.1/index.html", "q/iv-c-1/index.html"]  # the edited question's permalink pages only
    assert "reloaded-marker" in (site / "q" / "iv-c-1" / "index.html").read_text(encoding="utf-8")
    assert sorted(after) == sorted(before)
    monkeypatch.setattr(site_module, "_parallel", lambda: None)
    fresh = build_site(sources / "fresh", sources, bundle=False, pdfs=pdfs)  # the same sources, nothing reused
    built = files(site)
    assert len(built) > 1000 and built == files(fresh)


def test_the_generated_project_is_a_plain_mkdocs_project(pdfs, tmp_path):
    """What the hook gives MkDocs (navigation, `extra` for the templates) is plain data that a
    mkdocs.yml holds: the benchmark's baseline writes it as one."""
    for lang in pdfs:
        config = yaml.safe_load(write_baseline(lang, tmp_path / lang, ROOT, pdfs).read_text(encoding="utf-8"))
        assert config["extra"]["citations"]["iv.md"]["meta"], lang
