"""Shared fixtures: the real French edition, a real site build, and a scratch copy of the sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tiptoolkit.catalog import ROOT, load_edition
from tiptoolkit.site import build_site

SOURCES = ("chapters", "content", "hooks", "overrides", "mkdocs.yml")


@pytest.fixture(scope="session")
def edition():
    return load_edition("fr")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built for real from the repository's content."""
    return build_site(tmp_path_factory.mktemp("build") / "site")


@pytest.fixture
def sources(tmp_path) -> Path:
    """A scratch copy of the content and build configuration, safe to break."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path
