"""Reading content files: YAML to models, with errors that name file, line and item."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from .errors import ContentError, Problem
from .models import Strict

M = TypeVar("M", bound=Strict)


def _node_at(node: yaml.Node | None, loc: tuple) -> yaml.Node | None:
    """Walk a composed YAML node tree along a pydantic error location."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                match = next((k for k, v in node.value if k.value == str(key)), None)
                return match or node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    node = _node_at(root, loc)
    return node.start_mark.line + 1 if node is not None else None


def describe(loc: tuple) -> str:
    """('specific_questions', 1, 'questions', 3, 'n') -> 'specific_questions[1].questions[3].n'."""
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(whole file)"


def _fix_for(error: dict, model: type[Strict]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "remove or rename this field; the fields allowed here are listed in the JSON Schema (`make schema`)"
    if kind == "missing":
        return f"add the required field `{error['loc'][-1]}`"
    if kind == "string_pattern_mismatch":
        return "write the label as printed: a number, one lower-case letter (a, b, …) or a lower-case roman numeral (i, ii, …)"
    if kind.startswith("string_") or kind == "string_type":
        return "give a non-empty text (quote it if it starts with a YAML special character)"
    return f"correct the value to match the `{model.__name__}` model"


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Parse a YAML file; syntax, encoding and emptiness problems become ContentError."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(path, "(whole file)", f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                                    "save the file as UTF-8")]) from None
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError([Problem(
            path, "(YAML syntax)", str(getattr(exc, "problem", exc)),
            "correct the YAML syntax there (indentation, a missing colon, or quote a text containing ': ' or '#')",
            line=mark.line + 1 if mark else None)]) from None
    if data is None:
        raise ContentError([Problem(path, "(whole file)", "the file is empty", "restore the file's content from git")])
    return data, root


def load_model(path: Path, model: type[M]) -> tuple[M, yaml.Node | None]:
    """Load and validate one content file against its model."""
    data, root = read_yaml(path)
    try:
        return model.model_validate(data), root
    except ValidationError as exc:
        problems = [
            Problem(path, describe(err["loc"]), err["msg"], _fix_for(err, model), line=line_of(root, err["loc"]))
            for err in exc.errors()
        ]
        raise ContentError(problems) from None
