"""JSON Schema of every content file, for editors (`content/schema/*.schema.json`)."""

from __future__ import annotations

import json
from pathlib import Path

from .edition import ROOT
from .models import CONTENT_MODELS

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


def stale(root: Path = ROOT) -> list[str]:
    """Schema files that are missing or differ from the models."""
    folder = root / SCHEMA_DIR
    return [name for name, text in schemas().items()
            if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
