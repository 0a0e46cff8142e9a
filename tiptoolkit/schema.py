"""JSON Schema of every content file, for editors (`content/schema/*.schema.json`)."""

from __future__ import annotations

import json
from pathlib import Path

from .edition import ROOT
from .errors import ContentError, Problem
from .models import CONTENT_MODELS
from .source_files import read

SCHEMA_DIR = Path("content") / "schema"


def schemas() -> dict[str, str]:
    """File name -> JSON text, one per content model."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        for name, model in CONTENT_MODELS.items()
    }


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
