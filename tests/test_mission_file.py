"""The mission file's formats (tiptoolkit/mission_file.py): a saved mission and an encrypted one
are read back as they were written; every kind of file the site must refuse is refused with what
is wrong and the fix, before anything is used; the formats' JSON Schemas are published."""

from __future__ import annotations

import base64
import json

import pytest

from tiptoolkit import mission_file, schema
from tiptoolkit.errors import ContentError
from tiptoolkit.site import SCHEMAS

CHANGE = {"at": "2026-12-07T10:15:00+01:00", "by": "A. Assessor", "field": "response"}


def saved(**answers) -> dict:
    """A mission file as the site saves it, with `answers` by ID."""
    return {"format": mission_file.FORMAT, "version": mission_file.VERSION, "saved": "2026-12-07T18:00:00Z",
            "mission": {"id": "2f1c7d9e-5b7a-4d8e-9a0b-1c2d3e4f5a6b", "title": "Mission d’évaluation",
                        "country": "Pays", "start": "2026-11-30", "end": "2026-12-11",
                        "team": ["A. Assessor", "B. Assessor"], "language": "fr"},
            "answers": answers}


def answer(**fields) -> dict:
    return {"changes": [CHANGE], **fields}


def encrypted(**fields) -> dict:
    return {"format": mission_file.ENCRYPTED_FORMAT, "version": mission_file.VERSION, "cipher": "AES-GCM",
            "kdf": "PBKDF2-SHA-256", "iterations": 600_000, "salt": base64.b64encode(b"s" * 16).decode(),
            "iv": base64.b64encode(b"i" * 12).decode(), "data": base64.b64encode(b"ciphertext").decode(),
            **fields}


def read(data: dict, edition):
    return mission_file.check_data(json.dumps(data).encode(), edition, "mission.json")


def refusal(data: dict | bytes, edition) -> str:
    with pytest.raises(ContentError) as error:
        mission_file.check_data(data if isinstance(data, bytes) else json.dumps(data).encode(), edition,
                                "mission.json")
    return str(error.value)


def test_a_saved_mission_reads_back_as_written(edition):
    data = saved(**{"IV.D.3.o": answer(response="partly", notes="Vu au ministère.\nÀ vérifier.",
                                       sources=[{"institution": "Ministère de l’intérieur", "role": "juriste"}]),
                    "ANNEX.E.1.d.ii": answer(option=2),
                    "BP2019.Q.3.g": answer(response="unknown")})
    file = read(data, edition)
    assert isinstance(file, mission_file.MissionFile)
    assert json.loads(file.model_dump_json(exclude_defaults=True)) == {**data, "saved": "2026-12-07T18:00:00Z"}
    assert file.answers["ANNEX.E.1.d.ii"].option == 2 and file.answers["IV.D.3.o"].response == "partly"


def test_an_encrypted_mission_is_read_as_its_envelope(edition):
    assert read(encrypted(), edition).iterations == 600_000


@pytest.mark.parametrize("data, item, what", [
    (b"\xff\xfe not json", "(whole file)", "it is not JSON"),
    (b'{"format": "tiptoolkit-missi', "(whole file)", "it is not JSON"),
    ({"format": "something else", "version": 1}, "format", "it is not a mission file of this site"),
    ({**saved(), "version": 2}, "version", "it is a mission file of format version 2; this site reads version 1"),
    (saved(**{"IV.D.99": answer(response="yes")}), "answers.IV.D.99", "the edition has no item IV.D.99"),
    (saved(**{"WG.IV.46.j": answer(response="yes")}), "answers.WG.IV.46.j",
     "WG.IV.46.j is a recommendation, which a mission does not answer"),
    (saved(**{"IV.D.3.o": answer(option=1)}), "answers.IV.D.3.o", "this item has no scale"),
    (saved(**{"ANNEX.E.1.d.ii": answer(response="yes")}), "answers.ANNEX.E.1.d.ii",
     "it takes an option, not a response"),
    (saved(**{"ANNEX.E.1.d.ii": answer(option=9)}), "answers.ANNEX.E.1.d.ii", "scale has 5 options, not 9"),
    (saved(**{"IV.D.3.o": answer(response="maybe")}), "answers.IV.D.3.o.response", "Input should be 'yes'"),
    (saved(**{"IV.D.3.o": {"response": "yes", "changes": []}}), "answers.IV.D.3.o.changes", "at least 1 item"),
    (saved(**{"IV.D.3.o": answer(sources=[{}])}), "answers.IV.D.3.o.sources.0", "names an institution, a role"),
    ({**saved(), "mission": {**saved()["mission"], "end": "2026-11-01"}}, "mission", "ends before it starts"),
    ({**saved(), "extra": 1}, "extra", "Extra inputs are not permitted"),
    (encrypted(iterations=1000), "iterations", "greater than or equal to 600000"),
    (encrypted(iv=base64.b64encode(b"short").decode()), "iv", "5 bytes, where 12 are needed"),
    (encrypted(data="not base64!"), "data", "String should match pattern"),
])
def test_a_file_the_site_must_refuse_is_refused_with_what_is_wrong(edition, data, item, what):
    message = refusal(data, edition)
    assert f"mission.json: {item}: " in message and what in message and "fix: " in message, message


def test_a_file_over_the_limit_is_refused_before_it_is_read(edition, tmp_path):
    path = tmp_path / "huge.mission.json"
    with path.open("wb") as file:
        file.truncate(mission_file.MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(ContentError) as error:
        mission_file.check(path, edition)
    assert "more than a mission file's 50 MB" in str(error.value)


def test_the_formats_json_schemas_are_in_the_repository_and_on_the_site(site):
    files = schema.file_schemas()
    assert set(files) == {"mission.v1.schema.json", "mission-encrypted.v1.schema.json"}
    for name, text in files.items():
        assert (site / SCHEMAS / name).read_text(encoding="utf-8") == text
        assert json.loads(text)["additionalProperties"] is False


def test_the_mission_answers_exactly_the_items_its_page_prints(edition):
    """`ANSWERABLE` kinds, which a mission file may answer, are the items of the mission page."""
    from tiptoolkit.mission_data import mission_data

    page = mission_data(edition, ["fr", "en"], directory_urls=True)
    assert [item["id"] for item in page["items"]] == [i.id for i in edition.items if i.kind in mission_file.ANSWERABLE]


def test_a_response_without_its_wording_is_refused_naming_it(sources, capsys):
    from tiptoolkit import cli

    path = sources / "content" / "en" / "site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(', "unknown": "Unknown"', "", 1), encoding="utf-8")
    assert cli.check(sources) == 1
    error = capsys.readouterr().err
    assert "content/en/site.yml" in error and "mission.labels.responses" in error and "unknown" in error
