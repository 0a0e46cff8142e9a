"""The mission file: what an assessor's "Save mission file" writes and "Open mission file" reads,
one model per format, versioned, published as JSON Schema (`content/schema/`, and on the site
under `schema/`).

A mission's answers are keyed by the items' stable IDs, the same in every language. A response
is on the toolkit's scale (`RESPONSES`) or, for an annex item rated on one of the annex's
scales, the number of the option chosen, as printed (1 for the first). Every change is recorded
with its time and the assessor's name. An encrypted file holds the JSON of a plain one,
encrypted with AES-GCM under a key derived from a passphrase with PBKDF2-SHA-256 (WebCrypto's
algorithms), the salt and the initialisation vector beside it. `check` reads a file as the site
must before touching a mission: size first, then format and version, then the model, then the
IDs and scales against the edition; each refusal says what is wrong and what to do.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from pathlib import Path
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, Field, StringConstraints, ValidationError, field_validator, model_validator

from .edition import Edition
from .errors import ContentError, Problem
from .models import RESPONSES, LanguageCode, Strict, Text

FORMAT = "tiptoolkit-mission"
ENCRYPTED_FORMAT = "tiptoolkit-mission-encrypted"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024  # a larger file is refused before it is read
MIN_ITERATIONS = 600_000  # PBKDF2-HMAC-SHA256 iterations at least (OWASP's recommendation)
MAX_ITERATIONS = 10_000_000  # at most: a hostile file must not keep a browser deriving a key for hours
SALT_BYTES, IV_BYTES = 16, 12  # AES-GCM's usual 96-bit IV
ANSWERABLE = ("question", "discussion-question")  # the kinds of item a mission answers (the mission page's)

ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(\.[A-Za-z0-9]+)+$")]
Base64 = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]+={0,2}$")]


class Source(Strict):
    """Where an answer comes from: an institution, the role of the person met, a document."""

    institution: Text | None = None
    role: Text | None = Field(default=None, description="The role of the person met (not their name)")
    document: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Source:
        if not (self.institution or self.role or self.document):
            raise ValueError("a source names an institution, a role or a document")
        return self


class Change(Strict):
    """One change to an answer: when, by whom, which of its fields."""

    at: AwareDatetime
    by: Text = Field(description="The assessor's name, as they gave it")
    field: Literal["response", "option", "notes", "sources"]


class Answer(Strict):
    """The answer to one item: a response on the toolkit's scale, or the option of the item's annex
    scale; notes; sources; and its changes, oldest first."""

    response: Literal[RESPONSES] | None = None  # type: ignore[valid-type]
    option: int | None = Field(default=None, ge=1, description="Annex items rated on a scale: the number of "
                                                               "the option chosen, as printed (1 for the first)")
    notes: str = ""
    sources: list[Source] = Field(default_factory=list)
    changes: list[Change] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_scale(self) -> Answer:
        if self.response is not None and self.option is not None:
            raise ValueError("an answer has a response or an option of a scale, not both")
        return self


class Mission(Strict):
    id: UUID
    title: Text
    country: Text
    start: date
    end: date
    team: list[Text] = Field(min_length=1, description="The assessors' names")
    language: LanguageCode = Field(description="The mission's working language, that of its exports")

    @model_validator(mode="after")
    def _dates(self) -> Mission:
        if self.end < self.start:
            raise ValueError("the mission ends before it starts")
        return self


class MissionFile(Strict):
    """A saved mission (`<title>-<date>.mission.json`)."""

    format: Literal[FORMAT]
    version: Literal[VERSION]
    saved: AwareDatetime
    mission: Mission
    answers: dict[ItemId, Answer] = Field(default_factory=dict, description="By item ID, e.g. `IV.D.3.o`")


class EncryptedMissionFile(Strict):
    """A saved mission encrypted with a passphrase: `data` is the plain file's JSON (UTF-8),
    encrypted with AES-GCM (its 128-bit tag at the end) under the key PBKDF2-SHA-256 derives
    from the passphrase with `salt` and `iterations`; all bytes in standard Base64."""

    format: Literal[ENCRYPTED_FORMAT]
    version: Literal[VERSION]
    cipher: Literal["AES-GCM"]
    kdf: Literal["PBKDF2-SHA-256"]
    iterations: int = Field(ge=MIN_ITERATIONS, le=MAX_ITERATIONS)
    salt: Base64
    iv: Base64
    data: Base64

    @field_validator("salt", "iv", "data")
    @classmethod
    def _decodes(cls, value: str, info) -> str:
        try:
            size = len(base64.b64decode(value, validate=True))
        except binascii.Error as exc:
            raise ValueError(f"not Base64: {exc}") from None
        wanted = {"salt": SALT_BYTES, "iv": IV_BYTES}.get(info.field_name)
        if wanted is not None and size != wanted:
            raise ValueError(f"{size} bytes, where {wanted} are needed")
        return value


FILE_MODELS = {f"mission.v{VERSION}": MissionFile, f"mission-encrypted.v{VERSION}": EncryptedMissionFile}
_MODELS = {FORMAT: MissionFile, ENCRYPTED_FORMAT: EncryptedMissionFile}


def check(path: Path, edition: Edition) -> MissionFile | EncryptedMissionFile:
    """The mission file at `path`, checked; ContentError naming what is wrong and the fix. An
    encrypted file's content is checked once it is decrypted (`check_data` on its plain JSON)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _refused(path, "(whole file)", f"it holds {size:,} bytes, more than a mission file's "
                       f"{MAX_BYTES // 2**20} MB", "open the mission file itself, saved from the mission page")
    return check_data(path.read_bytes(), edition, path)


def check_data(raw: bytes, edition: Edition, path: Path | str = "mission file") -> MissionFile | EncryptedMissionFile:
    """A mission file's bytes, checked as `check` does."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refused(path, "(whole file)", f"it is not JSON ({exc}): it may be cut short or another kind of "
                       "file", "open a file saved with “Save mission file”") from None
    kind = data.get("format") if isinstance(data, dict) else None
    if kind not in _MODELS:
        raise _refused(path, "format", "it is not a mission file of this site", "open a file saved with "
                       "“Save mission file”")
    if data.get("version") != VERSION:
        raise _refused(path, "version", f"it is a mission file of format version {data.get('version')!r}; this "
                       f"site reads version {VERSION}", "open it with the edition of the site that saved it")
    try:
        file = _MODELS[kind].model_validate(data)
    except ValidationError as exc:
        raise ContentError([Problem(path, ".".join(map(str, error["loc"])) or "(whole file)",
                                    error["msg"], "save the mission again from the mission page")
                            for error in exc.errors()]) from None
    if isinstance(file, MissionFile):
        problems = [Problem(path, f"answers.{item_id}", what, fix)
                    for item_id, answer in file.answers.items() for what, fix in _fits(item_id, answer, edition)]
        if problems:
            raise ContentError(problems)
    return file


def _fits(item_id: str, answer: Answer, edition: Edition) -> list[tuple[str, str]]:
    """What is wrong with `answer` for the item `item_id` of `edition`: (what, fix) pairs."""
    item = edition.item(item_id)
    if item is None:
        return [(f"the edition has no item {item_id}", "check the ID; the file may come from another edition")]
    if item.kind not in ANSWERABLE:
        return [(f"{item_id} is a {item.kind}, which a mission does not answer",
                 "answer the toolkit's questions, the annex form's items and the questions for discussion")]
    if item.scale is None:
        return [("this item has no scale: it takes a response, not an option",
                 f"use one of {', '.join(RESPONSES)}")] if answer.option is not None else []
    options = len(edition.annex_scales[item.scale].options)
    if answer.response is not None:
        return [(f"this item is rated on the `{item.scale}` scale: it takes an option, not a response",
                 f"give `option` from 1 to {options}")]
    if answer.option is not None and answer.option > options:
        return [(f"the `{item.scale}` scale has {options} options, not {answer.option}",
                 f"give `option` from 1 to {options}")]
    return []


def _refused(path: Path | str, item: str, what: str, fix: str) -> ContentError:
    return ContentError([Problem(path, item, what, fix)])


def schemas() -> dict[str, dict]:
    """File name stem -> JSON Schema of each mission file format."""
    return {name: model.model_json_schema() for name, model in FILE_MODELS.items()}
