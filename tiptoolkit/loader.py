"""Reading content files: YAML to models, with errors that name file, line, item and fix."""

from __future__ import annotations

import hashlib
import json
import re
import types
import typing
import unicodedata
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import source_files
from .errors import ContentError, Problem
from .models import Strict
from .numbering import expected, past_the_letters

M = TypeVar("M", bound=Strict)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, shipped in PyYAML's wheels: ~20× faster


def _node_at(node: yaml.Node | None, loc: tuple) -> yaml.Node | None:
    """Walk a composed YAML node tree along a pydantic error location. A list or a mapping
    under a key is given as its key, whose line is where the reader looks; so is the mapping
    that lacks a field."""
    owner: yaml.Node | None = None  # the key `node` is the value of, if any
    for position, key in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if pair is None:
                return owner or node
            if position == len(loc) - 1 and isinstance(pair[1], (yaml.MappingNode, yaml.SequenceNode)):
                return pair[0]
            owner, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            owner, node = None, node.value[key]
        else:
            return node
    return node


def line_of(root: yaml.Node | None, loc: tuple, needle: str | None = None) -> int | None:
    """The line of the value at `loc`; with `needle`, the line within it where `needle` is
    written (a long text spans many lines), if it is written there as such."""
    node = _node_at(root, loc)
    if node is None:
        return None
    line = node.start_mark.line + 1
    text = getattr(root, "text", None)
    if needle and text:
        source = text[node.start_mark.index:node.end_mark.index]
        at = source.find(needle)
        if at >= 0:
            line += source.count("\n", 0, at)
    return line


def describe(loc: tuple) -> str:
    """('specific_questions', 1, 'questions', 3, 'n') -> 'specific_questions[1].questions[3].n'."""
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(whole file)"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that validates the mapping at `loc`, following field annotations."""
    current: object = model
    for key in loc:
        if isinstance(key, str) and isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(key)
            if field is None:
                return None
            current = field.annotation
        else:  # a list index or a dict key: step into the element type
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[-1] if args else None
        while typing.get_origin(current) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0] if len(args) == 1 else None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _label_style(model: type[BaseModel], loc: tuple) -> str | None:
    """For an error on a label `n` that is a string: "letter" or "roman" (from the field's pattern)."""
    if not loc or loc[-1] != "n":
        return None
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get("n") if parent else None
    patterns = [getattr(m, "pattern", None) for m in (field.metadata if field else [])]
    return "letter" if "^[a-z]$" in patterns else "roman" if "^[ivxl]+$" in patterns else None


_LABELS = {
    "letter": "a sub-item is labelled by one lower-case letter as printed (a, b, c, …)",
    "roman": "a sub-sub-item is labelled by a lower-case roman numeral as printed (i, ii, iii, …)",
}


def _found(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def _position(loc: tuple) -> int:
    """The 1-based position in its list of the entry whose field is at `loc`."""
    return loc[-2] + 1 if len(loc) > 1 and isinstance(loc[-2], int) else 1


def _what(error: dict, model: type[Strict], written: str | None) -> str:
    """What is wrong; `written` is the value as the file writes it, if it is a scalar."""
    kind, loc = error["type"], error["loc"]
    style = _label_style(model, loc) if kind.startswith("string_") else None
    if style and expected(style, _position(loc)) is None:
        return past_the_letters(_position(loc))[0]
    if style:
        return f"{_LABELS[style]}, found {_found(error.get('input'))}"
    if kind == "int_type" and isinstance(error.get("input"), bool):
        return f"`{written}` is not a number: YAML reads it as {str(error['input']).lower()}"
    if kind == "extra_forbidden":
        return f"unknown field `{loc[-1]}`"
    if kind == "missing":
        return f"the required field `{loc[-1]}` is missing"
    if kind in ("model_type", "dict_type"):
        return f"expected fields (`name: value` lines), found {_found(error.get('input'))}"
    message = error["msg"]
    if "input" in error and kind != "too_short" and not isinstance(error["input"], dict):
        message += f", found {_found(error['input'])}"
    return message


def _fix_for(error: dict, model: type[Strict]) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = f": {', '.join(f'`{name}`' for name in parent.model_fields)}" if parent else ""
        return f"remove or rename this field; the fields allowed here are{allowed or ' listed in the JSON Schema'}"
    if kind == "missing":
        return f"add the required field `{loc[-1]}`"
    style = _label_style(model, loc) if kind.startswith("string_") else None
    if style and expected(style, _position(loc)) is None:
        return past_the_letters(_position(loc))[1]
    if style:
        return f"set `n: {expected(style, _position(loc))}` here (entry {_position(loc)} of its list), as printed"
    if kind == "string_pattern_mismatch":
        field = loc[-1]
        if field == "scale" or (len(loc) > 1 and loc[-2] == "scales"):
            return "a scale is named in lower-case letters and `_`, as under `scales:` (e.g. `rating`)"
        if field == "letter":
            return "write the section letter in upper case: A, B, C, …"
        if field == "url":
            return ("write the address of the site root: `https://` (or `http://`), the host, then the folder the "
                    "site is served under if any, ending with `/`, without `?` or `#` (e.g. "
                    "`https://example.org/toolkit/`); folder names of letters, digits, `-`, `_`, `.`, `~`")
        return "write the value as the JSON Schema of this file describes it"
    if kind == "string_type" and isinstance(error.get("input"), (list, dict)):
        return "write one text in quotes here, not a list (`- ` lines) or fields"
    if kind.startswith("string_"):
        return "give a non-empty text (quote it if it starts with a YAML special character)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "write a whole number in digits, without quotes, e.g. `3`"
    if kind == "greater_than":
        return "numbers start at 1"
    if kind == "list_type":
        return "write a list here: one `- ` line per entry"
    if kind == "too_short":
        return "add at least one entry"
    if kind in ("model_type", "dict_type"):
        return "write the fields here as `name: value` lines (a YAML mapping)"
    if kind == "value_error":
        return "follow the rule stated in the message"
    return f"correct the value to match the `{model.__name__}` model (see its JSON Schema in content/schema/)"


INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters: C0 but tab and newline, DEL, C1
                       "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # bidirectional controls


def _invisible(char: str) -> tuple[str, str]:
    """What is wrong with a character of INVISIBLE, and the fix."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
    if unicodedata.category(char) == "Cf":  # the bidirectional controls; the others are `Cc`
        return (f"the bidirectional control {code}: it changes the order in which readers see the text",
                "remove it and write the text in its reading order")
    return (f"the control character {code}: readers cannot see it",
            "remove it (in YAML it may be written as an escape, such as `\\0`, `\\a` or `\\x07`, in a double-quoted text)")


def _node_problems(path: Path, node: yaml.Node | None, loc: tuple = ()) -> list[Problem]:
    """What YAML accepts but the content may not hold: two equal keys (YAML keeps only the last:
    the first value would vanish silently), and values with control or bidirectional characters
    (written as escapes such as `"\\0"`, which the file's bytes do not show)."""
    problems: list[Problem] = []
    if isinstance(node, yaml.ScalarNode):
        for char in dict.fromkeys(INVISIBLE.findall(node.value)):
            what, fix = _invisible(char)
            problems.append(Problem(path, describe(loc), what, fix, line=node.start_mark.line + 1))
    elif isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                problems.append(Problem(path, describe((*loc, key.value)),
                                        f"the field `{key.value}` is written twice; YAML would keep only the second",
                                        "keep one of them (merge their values if both are needed)",
                                        line=key.start_mark.line + 1))
            seen.add(key.value)
            problems += _node_problems(path, value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            problems += _node_problems(path, value, (*loc, index))
    return problems


def _control_character(path: Path, raw: str, exc: yaml.reader.ReaderError) -> Problem:
    """libyaml names a character it refuses by its offset in bytes: its line and column instead."""
    at = raw.index(chr(exc.character))  # the reader stops at the first one
    line, column = raw.count("\n", 0, at) + 1, at - raw.rfind("\n", 0, at)
    caret = exc.character < 0x20 or exc.character == 0x7F  # how terminals and many editors show C0 and DEL
    shown = f" (shown as `^{chr(exc.character ^ 0x40)}` by many editors)" if caret else ""
    return Problem(path, "(YAML syntax)", f"the invisible control character U+{exc.character:04X}{shown} at column "
                   f"{column}: YAML files hold no control characters besides tabs and line breaks",
                   "delete that character (go to this line and column, or retype the text around it); it usually "
                   "comes with text pasted from another program", line=line)


MAX_DEPTH = 50  # lists and mappings within one another: the content nests 9 deep; near 1000, walking the
# file's nodes would exceed Python's recursion limit
_DEPTH = {yaml.SequenceStartEvent: 1, yaml.MappingStartEvent: 1, yaml.SequenceEndEvent: -1, yaml.MappingEndEvent: -1}


def _refuse_unbounded(path: Path, raw: str) -> None:
    """What would make loading a small file unbounded, refused from the parser's events, before
    any node is composed or walked: YAML anchors (`&name`) and aliases (`*name`), which repeat a
    value by reference (the content uses none, and a few nested aliases expand a tiny file beyond
    any memory: a “billion laughs”), and values nested deeper than MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(raw, Loader=_Loader):
        depth += _DEPTH.get(type(event), 0)
        anchor = getattr(event, "anchor", None)
        if anchor is None and depth <= MAX_DEPTH:
            continue
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if anchor is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise ContentError([Problem(
                path, "(YAML anchor)", f"`{sign}{anchor}` at column {column}: YAML anchors (`&name`) and aliases "
                "(`*name`) are not used in the content",
                f"write the value out in full wherever it belongs, without `&{anchor}` or `*{anchor}`", line=line)])
        raise ContentError([Problem(
            path, "(YAML syntax)", f"a value nested {depth} lists or mappings deep at column {column}: no content "
            f"needs more than {MAX_DEPTH}", "check the brackets (`[`, `{`) and the indentation of the lines up to "
            "this one", line=line)])


def read_yaml(path: Path, raw_bytes: bytes) -> tuple[object, yaml.Node | None]:
    """Parse a YAML file from its bytes; syntax, encoding and emptiness problems become ContentError."""
    try:
        raw = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw_bytes.count(b"\n", 0, exc.start) + 1
        raise ContentError([Problem(
            path, "(whole file)", f"not valid UTF-8 ({exc.reason} at byte {exc.start}, "
            f"{raw_bytes[exc.start:exc.start + 1]!r}); the file was probably saved as Latin-1 or Windows-1252",
            "save the file as UTF-8 (in your editor: “Save with encoding” → UTF-8)", line=line)]) from None
    try:
        _refuse_unbounded(path, raw)
        loader = _Loader(raw)  # composed once: the nodes give lines, the data is built from them
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        raise ContentError([_control_character(path, raw, exc)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context", None)
        what = str(getattr(exc, "problem", None) or exc)
        raise ContentError([Problem(
            path, "(YAML syntax)", f"{context}: {what}" if context else what,
            "correct the YAML syntax on this line or the one before: indentation (spaces, never tabs), a missing "
            "colon or bracket, a `\"` inside a text written in `\"…\"` (write “ ” or `\\\"`), or a text containing "
            "': ' or ' #' that needs quotes",
            line=mark.line + 1 if mark else None)]) from None
    if data is None:
        raise ContentError([Problem(path, "(whole file)", "the file is empty",
                                    "restore the file's content (e.g. `git checkout -- <file>`)")])
    duplicates = _node_problems(path, root)
    if duplicates:
        raise ContentError(duplicates)
    root.text = raw  # for `line_of`: libyaml marks carry no buffer
    return data, root


def load_model(path: Path, model: type[M], root: Path) -> tuple[M, yaml.Node | None]:
    """Load and validate one content file of the project at `root` against its model; only a file the project may read is read
    (:mod:`tiptoolkit.source_files`). Content already read is not parsed again (a live reload
    parses the edited file alone; a copy of the sources, its changed files alone): the model is
    shared, never change it."""
    raw = source_files.read(path, root)
    key = (model, hashlib.sha256(raw).digest())
    if key not in _parsed:
        _parsed[key] = _parse(path, raw, model)
        if len(_parsed) > PARSED_KEPT:
            del _parsed[next(iter(_parsed))]  # the oldest
    return _parsed[key]


PARSED_KEPT = 128  # every file of two editions and the shared ones, twice over
_parsed: dict[tuple, tuple] = {}  # (model, SHA-256 of the file's bytes) -> (model instance, node)


def _parse(path: Path, raw: bytes, model: type[M]) -> tuple[M, yaml.Node | None]:
    data, root = read_yaml(path, raw)
    try:
        return model.model_validate(data), root
    except ValidationError as exc:
        problems = [
            Problem(path, describe(err["loc"]), _what(err, model, _written(root, err["loc"])), _fix_for(err, model),
                    line=line_of(root, err["loc"]))
            for err in exc.errors()
        ]
        raise ContentError(problems) from None


def _written(root: yaml.Node | None, loc: tuple) -> str | None:
    node = _node_at(root, loc)
    return node.value if isinstance(node, yaml.ScalarNode) else None


def load_required(root: Path, relative: Path, model: type[M]) -> tuple[M, yaml.Node | None]:
    """`load_model` for a file the project cannot do without: missing, it is a content problem."""
    path = root / relative
    if not path.exists():
        raise ContentError([Problem(path, "(whole file)", "this file is missing",
                                    f"restore it (e.g. `git checkout -- {relative}`)")])
    return load_model(path, model, root)


def files_state(*paths: Path) -> tuple:
    """Name, modification time and size of every file at or under `paths`: equal states, same files."""
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()})
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
