"""Broken content stops the build with a message naming the file, the item and the fix."""

from pathlib import Path

import pytest
import yaml

from tiptoolkit.cli import check
from tiptoolkit.site import build_site


def edit(root: Path, name: str, change) -> Path:
    """Apply `change` to the parsed YAML of chapters/fr/<name>.yml and write it back."""
    path = root / "chapters" / "fr" / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def failure(root: Path, capsys) -> str:
    assert check(root) == 1
    return capsys.readouterr().err


def replace_text(root: Path, name: str, old: str, new: str) -> None:
    path = root / "chapters" / "fr" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_content_passes(sources, capsys):
    assert check(sources) == 0


def test_yaml_syntax_error(sources, capsys):
    path = sources / "chapters" / "fr" / "iv.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("key_questions:", "key_questions: [", 1), encoding="utf-8")
    message = failure(sources, capsys)
    assert "chapters/fr/iv.yml:" in message and "(YAML syntax)" in message and "fix:" in message


def test_skipped_question_number(sources, capsys):
    edit(sources, "iv", lambda d: d["key_questions"][1].update(n=3))
    message = failure(sources, capsys)
    assert "chapters/fr/iv.yml" in message and "IV.C.3" in message
    assert "expected `2` after `1`, found `3`" in message and "set `n: 2`" in message


def test_repeated_letter_and_duplicate_id(sources, capsys):
    edit(sources, "iii", lambda d: d["specific_questions"][1]["questions"][0]["items"][2].update(n="b"))
    message = failure(sources, capsys)
    assert "III.D.4.b" in message and "`b` is repeated" in message
    assert "duplicate ID `III.D.4.b`" in message


def test_unknown_chapter_reference(sources, capsys):
    replace_text(sources, "iii", "voir aussi le chapitre V", "voir aussi le chapitre XIV")
    message = failure(sources, capsys)
    assert "chapters/fr/iii.yml" in message and "III.D.9" in message
    assert "“le chapitre XIV”" in message and "there is no chapter XIV" in message


def test_unknown_question_reference(sources, capsys):
    replace_text(sources, "iii", "à la question 6", "à la question 99")
    message = failure(sources, capsys)
    assert "III.D.7" in message and "there is no question III.D.99" in message


def test_missing_required_field(sources, capsys):
    edit(sources, "v", lambda d: d["key_questions"][0].pop("text"))
    message = failure(sources, capsys)
    assert "chapters/fr/v.yml:" in message and "key_questions[0].text" in message and "add the required field `text`" in message


def test_box_entry_outside_any_section(sources, capsys):
    edit(sources, "ii", lambda d: d["resources"]["box"].update(entries=["Convention orpheline"]))
    message = failure(sources, capsys)
    assert "resources.box.entries" in message and "remove or rename this field" in message


def test_missing_footnote_text(sources, capsys):
    edit(sources, "ii", lambda d: d["footnotes"].pop(5))
    message = failure(sources, capsys)
    assert "footnote [^5]" in message and "has no text" in message


def test_missing_chapter_file(sources, capsys):
    (sources / "chapters" / "fr" / "vi.yml").unlink()
    message = failure(sources, capsys)
    assert "chapter VI" in message and "without gaps" in message


def test_injected_markup_is_escaped(sources, edition):
    edit(sources, "iv", lambda d: d["key_questions"][0].update(text="<script>alert(1)</script> Texte?"))
    site = build_site(sources / "site", sources)
    page = (site / "fr" / "iv" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_failed_build_leaves_previous_site(sources):
    site = build_site(sources / "site", sources)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    stamp = (site / "fr" / "iv" / "index.html").read_bytes()
    replace_text(sources, "iii", "à la question 6", "à la question 99")
    with pytest.raises(Exception, match="question III.D.99"):
        build_site(site, sources)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert (site / "fr" / "iv" / "index.html").read_bytes() == stamp
    assert not list(sources.glob(".site-*"))
