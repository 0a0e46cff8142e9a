"""JSON Schema of every content file, for editors, and of the mission files assessors save
(`content/schema/*.schema.json`; the site publishes the latter under `schema/`)."""

from __future__ import annotations

import json
from pathlib import Path

from .edition import ROOT
from .errors import ContentError, Problem
from .mission_file import schemas as mission_schemas
from .models import CONTENT_MODELS
from .source_files import read

SCHEMA_DIR = Path("content") / "schema"


def _files(schemas: dict[str, dict]) -> dict[str, str]:
    return {f"{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            for name, schema in schemas.items()}


def file_schemas() -> dict[str, str]:
    """File name -> JSON text, one per mission file format (versioned: `mission.v1.schema.json`)."""
    return _files(mission_schemas())


def schemas() -> dict[str, str]:
    """File name -> JSON text, one per content model and per mission file format."""
    return {**_files({name: model.model_json_schema() for name, model in CONTENT_MODELS.items()}),
            **file_schemas()}


def write(root: Path = ROOT) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def problems(root: Path = ROOT) -> list[Problem]:
    """Schema files that are missing, differ from the models, or are not files the project may read."""
    folder, found = root / SCHEMA_DIR, []
    for name, text in schemas().items():
        try:
            current = read(folder / name, root) if (folder / name).exists() else None
        except ContentError as exc:
            found += exc.problems
            continue
        if current != text.encode("utf-8"):
            found.append(Problem(SCHEMA_DIR / name, "(JSON Schema)", "missing or out of date with the models",
                                 "run `make schema` and commit the result"))
    return found
