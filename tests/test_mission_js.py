"""The mission workspace's scripts (web/mission/) against the Python model of the mission file
(tiptoolkit/mission_file.py): their Node unit tests (tests/js/) pass; the validator they use is
the one web/tools/validator.mjs generates from the published JSON Schemas; a file they write,
plain or encrypted, is one the model reads; and they refuse what `check_data` refuses."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess

import pytest

from tiptoolkit.edition import ROOT
from tiptoolkit.errors import ContentError
from tiptoolkit.mission_file import EncryptedMissionFile, MissionFile, check_data

VALIDATOR = ROOT / "web" / "mission" / "validate-mission.js"
MODULES = ("answers", "file", "crypto", "merge")
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
CODE_FROM_STRINGS = re.compile(r"new Function|\bFunction\(|\beval\(")  # what the pages' CSP forbids

# Writes, with the scripts, a mission answered in every way and saved, then encrypted.
WRITE_FILES = """
import { setAnswer } from "./web/mission/answers.js";
import { encryptMission } from "./web/mission/crypto.js";
import { serialise } from "./web/mission/file.js";
import { ANNEX, at, data, missionWith } from "./tests/js/fixtures.mjs";

const file = missionWith([
  ["IV.D.3.o", "response", "partly", "Anna", 1], ["IV.D.3.o", "notes", "Vu au ministère.\\nÀ vérifier.", "Anna", 2],
  ["IV.D.3.o", "notes", "Vu au ministère.\\nÀ vérifier : « loi 2019 ».", "Anna", 5],
  ["IV.D.3.o", "sources", [{ institution: "Ministère de l’intérieur", role: "juriste", document: "" }], "Bob", 20],
  [ANNEX, "option", 4, "Bob", 21], ["IV.C.1", "response", "unknown", "Bob", 22],
]);
const plain = serialise(file, at(30));
const encrypted = JSON.stringify(await encryptMission(plain, "une phrase secrète assez longue"));
console.log(JSON.stringify({ plain, encrypted }));
"""

# Reads each file of a JSON list on standard input as the page does: "ok", or the refusal's code.
READ_FILES = """
import { readFileSync } from "node:fs";
import { readMissionText } from "./web/mission/file.js";
import { data } from "./tests/js/fixtures.mjs";

const verdicts = JSON.parse(readFileSync(0, "utf8")).map((text) => {
  try {
    readMissionText(text, data);
    return "ok";
  } catch (error) {
    return error.code ?? String(error);
  }
});
console.log(JSON.stringify(verdicts));
"""


def node(*args: str, stdin: str | None = None) -> str:
    """What `node args…` prints (run in the repository); fails the test with its output if it fails."""
    executable = shutil.which("node")
    assert executable, "Node.js is missing: the build needs it (Debian: apt-get install nodejs npm)"
    run = subprocess.run([executable, *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"node {' '.join(args[:2])} failed:\n{run.stdout}\n{run.stderr}"
    return run.stdout


@pytest.mark.content
def test_the_node_unit_tests_pass():
    node("--test", "tests/js/")


@pytest.mark.content
def test_the_generated_validator_is_current(tmp_path):
    fresh = tmp_path / "validate-mission.js"
    node("web/tools/validator.mjs", str(fresh))
    assert VALIDATOR.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{VALIDATOR.relative_to(ROOT)} is not the one the schemas give: "
        "run `node web/tools/validator.mjs web/mission/validate-mission.js`")


@pytest.mark.content
def test_the_modules_bundle_as_the_page_runs_them_without_code_from_strings(tmp_path):
    entries = [f"web/mission/{name}.js" for name in MODULES]
    run = subprocess.run([str(ESBUILD), *entries, "--bundle", "--format=iife", f"--outdir={tmp_path}",
                          "--log-level=warning"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr, run.stderr
    for name in MODULES:
        bundle = (tmp_path / f"{name}.js").read_text(encoding="utf-8")
        assert not CODE_FROM_STRINGS.search(bundle), f"{name}.js: {CODE_FROM_STRINGS.search(bundle)[0]}"


@pytest.mark.content
def test_a_mission_file_the_scripts_write_is_one_the_model_reads():
    files = json.loads(node("--input-type=module", "-e", WRITE_FILES))
    plain = MissionFile.model_validate_json(files["plain"])
    answer = plain.answers["IV.D.3.o"]
    assert (answer.response, answer.notes) == ("partly", "Vu au ministère.\nÀ vérifier : « loi 2019 ».")
    assert [(s.institution, s.role, s.document) for s in answer.sources] == [
        ("Ministère de l’intérieur", "juriste", None)]
    assert [(c.by, c.field) for c in answer.changes] == [("Anna", "response"), ("Anna", "notes"), ("Bob", "sources")]
    assert plain.answers["ANNEX.E.1.d.ii"].option == 4 and plain.answers["IV.C.1"].response == "unknown"
    encrypted = EncryptedMissionFile.model_validate_json(files["encrypted"])
    assert encrypted.iterations == 600_000
    assert len(base64.b64decode(encrypted.data)) == len(files["plain"].encode()) + 16  # with AES-GCM's tag


CHANGE = {"at": "2026-12-07T10:15:00+01:00", "by": "Anna", "field": "response"}
ANSWER = {"response": "yes", "changes": [CHANGE]}
SAVED = {"format": "tiptoolkit-mission", "version": 1, "saved": "2026-12-07T18:00:00Z",
         "mission": {"id": "2f1c7d9e-5b7a-4d8e-9a0b-1c2d3e4f5a6b", "title": "Mission", "country": "Pays",
                     "start": "2026-11-30", "end": "2026-12-11", "team": ["Anna"], "language": "fr"},
         "answers": {"IV.D.3.o": ANSWER}}
ENCRYPTED = {"format": "tiptoolkit-mission-encrypted", "version": 1, "cipher": "AES-GCM", "kdf": "PBKDF2-SHA-256",
             "iterations": 600_000, "salt": base64.b64encode(b"s" * 16).decode(),
             "iv": base64.b64encode(b"i" * 12).decode(), "data": base64.b64encode(b"ciphertext").decode()}


def saved(**fields) -> dict:
    return {**SAVED, **fields}


def mission(**fields) -> dict:
    return saved(mission={**SAVED["mission"], **fields})


def answer(**fields) -> dict:
    return saved(answers={"IV.D.3.o": {**ANSWER, **fields}})


def change(**fields) -> dict:
    return answer(changes=[{**CHANGE, **fields}])


def encrypted(**fields) -> dict:
    return {**ENCRYPTED, **fields}


# Files both must refuse: mostly the rules the JSON Schema cannot state, which the scripts add.
REFUSED = {
    "blank title": mission(title=" \u3000"),
    "blank team name": mission(team=["\t"]),
    "blank assessor (U+0085)": change(by="\u0085"),
    "empty source": answer(sources=[{}]),
    "blank source part": answer(sources=[{"role": " "}]),
    "response and option": answer(option=1),
    "ends before it starts": mission(end="2026-11-01"),
    "year 0": mission(start="0000-01-01"),
    "leap second": change(at="2026-12-31T23:59:60Z"),
    "offset without minutes": change(at="2026-12-07T10:15:00+01"),
    "tab in a date-time": saved(saved="2026-12-07\t18:00:00Z"),
    "date-time without offset": saved(saved="2026-12-07T18:00:00"),
    "key not an ID": saved(answers={"foo": ANSWER}),
    "key with a newline": saved(answers={"IV.D.3.o\n": ANSWER}),
    "extra field": saved(extra=1),
    "language": mission(language="EN"),
    "no changes": answer(changes=[]),
    "other version": saved(version=2),
    "iterations": encrypted(iterations=1000),
    "salt of 15 bytes": encrypted(salt=base64.b64encode(b"s" * 15).decode()),
    "data without padding": encrypted(data="abc"),
    "data with too much padding": encrypted(data="abc=="),
    "iv of one character": encrypted(iv="a"),
}
# Files both must accept, near those lines.
ACCEPTED = {
    "plain": SAVED,
    "offset without colon": change(at="2026-12-07T10:15:00+0100"),
    "space for T, long fraction": saved(saved="2026-12-07 18:00:00.123456789Z"),
    "title of a control that is not white space": mission(title="\x1c"),
    "title of a BOM": mission(title="\ufeff"),
    "encrypted": ENCRYPTED,
    "data with padding after a full group": encrypted(data="abcd="),
}


def python_accepts(text: str, edition) -> bool:
    try:
        check_data(text.encode(), edition)
    except ContentError:
        return False
    return True


def test_the_scripts_refuse_what_the_model_refuses(edition):
    cases = {**REFUSED, **ACCEPTED}
    texts = [json.dumps(case, ensure_ascii=False) for case in cases.values()]
    verdicts = dict(zip(cases, json.loads(node("--input-type=module", "-e", READ_FILES, stdin=json.dumps(texts)))))
    python = {name: python_accepts(text, edition) for name, text in zip(cases, texts)}
    assert {name: python[name] for name in cases} == {name: name in ACCEPTED for name in cases}
    assert {name: verdicts[name] == "ok" for name in cases} == {name: name in ACCEPTED for name in cases}, verdicts


def test_every_wording_the_workspace_uses_exists_in_every_language_and_none_is_unused():
    """`t("key")` of web/mission/ is a key of `mission.ui` in content/<lang>/site.yml; a key built
    from a template (`t(\\`keep_${choice}\\`)`) covers the keys it matches; the templates, the
    hooks and the package name the keys they use as `.key` or `["key"]`."""
    from tiptoolkit.catalog import load_edition

    scripts = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "web" / "mission").glob("*.js"))
    others = "\n".join(path.read_text(encoding="utf-8") for folder in ("tiptoolkit", "hooks", "overrides")
                       for path in (ROOT / folder).rglob("*") if path.suffix in (".py", ".html"))
    literal = set(re.findall(r'\bt\("(\w+)"', scripts))
    built = [re.compile(re.sub(r"\\\$\\\{\w+\\\}", r"\\w+", re.escape(template)) + "$")
             for template in re.findall(r"\bt\(`([\w${}]+)`", scripts)]
    for lang in ("fr", "en"):
        keys = set(load_edition(lang).strings.mission.ui)
        assert literal - keys == set(), lang
        assert all(any(pattern.match(key) for key in keys) for pattern in built), lang
        unused = {key for key in keys - literal if not any(p.match(key) for p in built)
                  and not re.search(rf"""(\.{key}\b|\[["']{key}["']\]|["']{key}["'])""", others + scripts)}
        assert unused == set(), lang


def test_every_refusal_the_scripts_make_has_its_wording():
    """The codes of MissionFileError (web/mission/file.js) are exactly the refusals the site's
    strings word (`tiptoolkit.models.REFUSALS`, `mission.errors` of each site.yml)."""
    from tiptoolkit.models import REFUSALS

    explained = re.findall(r'case "([\w-]+)": return', (ROOT / "web" / "mission" / "file.js").read_text(encoding="utf-8"))
    assert sorted(explained) == sorted(REFUSALS)
