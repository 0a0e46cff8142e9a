"""Hostile files: only the project's own files are read or published, loading cannot hang, and a
loading problem is reported where its cause is. Each case breaks a scratch copy of the sources;
the message names the file (with its line where one applies), the item and a fix, and never
prints the contents of a file that is not ours."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tiptoolkit import source_files
from tiptoolkit.cli import check
from tiptoolkit.errors import ContentError
from tiptoolkit.generated import _hand_written
from tiptoolkit.loader import MAX_DEPTH, load_model
from tiptoolkit.models import Chapter

SECRET = "private-key-of-someone-else-7f3a"  # the contents of the files outside the project
PAGES = "content/en/pages"


@pytest.fixture
def project(sources, monkeypatch) -> Path:
    """The scratch copy, as the current folder: messages name its files as `chapters/…`."""
    monkeypatch.chdir(sources)
    return sources


@pytest.fixture
def elsewhere(tmp_path_factory) -> Path:
    """A folder outside the project, holding a file that is none of its business."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "id_rsa").write_text(SECRET + "\n", encoding="utf-8")
    return folder


def failed_check(root: Path, capsys) -> str:
    """The check's report, which must be a refusal with no traceback."""
    assert check(root) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return err


def blocks(report: str) -> list[str]:
    """The problems of a report: `- where: item: what` and its `    fix:` line."""
    return ["- " + block for block in re.split(r"(?m)^- ", report)[1:]]


def block(report: str, file: str, item: str, what: str, fix: str, line: int | None = None) -> str:
    where = f"- {file}:{line}: " if line else f"- {file}: "
    found = [b for b in blocks(report) if b.startswith(where) and f": {item}: " in b and what in b]
    assert found, f"no `{where}{item}: …{what}…` in:\n{report}"
    assert fix in found[0].partition("\n    fix: ")[2], found[0]
    return found[0]


def real(path: Path) -> Path:
    """Where `path` really is, as messages name the target of a link."""
    return Path(os.path.realpath(path))


def line_of(root: Path, relative: str, needle: str) -> int:
    text = (root / relative).read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1


# --- only the project's own files ----------------------------------------------------------


def test_links_out_of_the_project_are_refused_by_name_never_read(project, elsewhere, capsys):
    files = ("chapters/en/v.yml", "content/en/wg/background-2019.yml", "content/glossary.yml", f"{PAGES}/passwd.txt")
    folders = ("content/wg/extra", f"{PAGES}/extra")
    for name in files:
        (project / name).unlink(missing_ok=True)
        (project / name).symlink_to(elsewhere / "id_rsa")
    for name in folders:
        (project / name).symlink_to(elsewhere)
    report = failed_check(project, capsys)
    assert SECRET not in report
    for name in files:
        block(report, name, "(whole file)", f"leads to {real(elsewhere / 'id_rsa')}, outside the project folder",
              f"remove the link (`rm {name}`)")
    for name in folders:
        block(report, name, "(folder)", f"leads to {real(elsewhere)} (a folder), outside the project folder",
              f"remove the link (`rm {name}`)")


def test_hand_written_pages_publish_no_link_out_of_the_project(project, elsewhere):
    (project / PAGES / "passwd.txt").symlink_to(elsewhere / "id_rsa")
    (project / PAGES / "extra").symlink_to(elsewhere)
    with pytest.raises(ContentError) as refused:
        _hand_written(project / PAGES, project)
    assert [(Path(p.file).name, p.item) for p in refused.value.problems] == [("extra", "(folder)"),
                                                                              ("passwd.txt", "(whole file)")]
    assert SECRET not in str(refused.value)


def test_links_within_the_project_are_followed(project, capsys):
    """A file or folder linked from elsewhere in the project is read and published; editors'
    hidden lock files (Emacs: a link to nowhere) are left alone."""
    (project / "chapters/en/iv.yml").rename(project / "iv-en.yml")
    (project / "chapters/en/iv.yml").symlink_to(Path("../../iv-en.yml"))
    (project / PAGES / "shared").symlink_to(Path("../../fr/pages"))
    (project / "chapters/fr/.#iv.yml").symlink_to("someone@host.1234:1700000000")
    assert check(project) == 0, capsys.readouterr().err
    assert "shared/index.md" in _hand_written(project / PAGES, project)


def test_folder_loops_and_links_to_nothing_are_refused(project, capsys):
    (project / PAGES / "loop").symlink_to(Path(".."))
    (project / PAGES / "gone.md").symlink_to("nowhere.md")
    report = failed_check(project, capsys)
    block(report, f"{PAGES}/loop", "(folder)", f"a link to {real(project / 'content/en')}, a folder it is in",
          f"remove the link (`rm {PAGES}/loop`)")
    block(report, f"{PAGES}/gone.md", "(whole file)",
          f"a link to {real(project / PAGES / 'nowhere.md')}, which does not exist", "remove the link")


def test_pipes_and_devices_are_refused_without_hanging(sources):
    """Opening a FIFO waits for a writer forever and /dev/zero never ends: the check runs in its
    own process, so that a check that opens one fails this test instead of hanging the run."""
    (sources / "chapters/en/iv.yml").unlink()
    os.mkfifo(sources / "chapters/en/iv.yml")
    (sources / "chapters/en/vi.yml").unlink()
    (sources / "chapters/en/vi.yml").symlink_to("/dev/zero")
    os.mkfifo(sources / PAGES / "pipe.md")
    run = subprocess.run([sys.executable, "-m", "tiptoolkit", "check", "--root", str(sources)], cwd=sources,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    for name in ("chapters/en/iv.yml", f"{PAGES}/pipe.md"):
        block(run.stderr, name, "(whole file)", "a named pipe (FIFO) where a file belongs",
              f"`git checkout -- {name}`")
    block(run.stderr, "chapters/en/vi.yml", "(whole file)", "leads to /dev/zero (a character device), outside the "
          "project folder", "remove the link (`rm chapters/en/vi.yml`)")


def test_files_over_their_limit_are_refused_unread(project, capsys):
    iv = project / "chapters/fr/iv.yml"
    iv.write_text(SECRET, encoding="utf-8")
    os.truncate(iv, source_files.TEXT_LIMIT + 1)  # sparse: costs no disk
    report = failed_check(project, capsys)
    assert SECRET not in report
    block(report, "chapters/fr/iv.yml", "(whole file)", f"{source_files.TEXT_LIMIT + 1:,} bytes, more than the 2 MB "
          "a content file may have", "`git checkout -- chapters/fr/iv.yml`")
    for name, size in (("photo.jpg", source_files.TEXT_LIMIT + 1), ("scan.pdf", source_files.ASSET_LIMIT + 1)):
        with open(project / PAGES / name, "wb") as file:
            file.truncate(size)
    with pytest.raises(ContentError) as refused:
        _hand_written(project / PAGES, project)
    assert [Path(p.file).name for p in refused.value.problems] == ["scan.pdf"]  # a photograph fits
    assert refused.value.problems[0].what.startswith(f"{source_files.ASSET_LIMIT + 1:,} bytes, more than the 20 MB")


def test_a_folder_where_a_file_belongs_is_refused(project, capsys):
    vii = project / "chapters/fr/vii.yml"
    vii.unlink()
    vii.mkdir()
    block(failed_check(project, capsys), "chapters/fr/vii.yml", "(whole file)", "a folder where a file belongs",
          "`git checkout -- chapters/fr/vii.yml`")


def test_a_file_that_cannot_be_read_is_named(project, capsys, monkeypatch):
    vii = project / "chapters/fr/vii.yml"
    vii.unlink()
    vii.symlink_to("vii.yml")  # a link to itself
    block(failed_check(project, capsys), "chapters/fr/vii.yml", "(whole file)",
          "cannot be read: Too many levels of symbolic links", "`ls -l chapters/fr/vii.yml` shows what it is")
    read_bytes = Path.read_bytes

    def forbidden(path: Path) -> bytes:
        if path.name == "iv.yml":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", forbidden)
    with pytest.raises(ContentError) as refused:
        load_model(project / "chapters/fr/iv.yml", Chapter, project)
    assert str(refused.value.problems[0]).startswith("chapters/fr/iv.yml: (whole file): cannot be read: "
                                                     "Permission denied\n    fix: make it a readable file")


# --- loading that cannot hang -----------------------------------------------------------------


def test_yaml_alias_bomb_is_refused_at_once(project, capsys):
    iv = project / "chapters/en/iv.yml"
    text = iv.read_text(encoding="utf-8")
    bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    iv.write_text(text + "\n".join(bomb) + "\n", encoding="utf-8")
    start = time.monotonic()
    report = failed_check(project, capsys)
    assert time.monotonic() - start < 5
    block(report, "chapters/en/iv.yml", "(YAML anchor)", "`&a0` at column 7: YAML anchors (`&name`) and aliases "
          "(`*name`) are not used in the content", "write the value out in full", line=text.count("\n") + 1)


def test_values_nested_too_deep_are_refused(project, capsys):
    """Deeper than Python's recursion limit, the checks that walk the file would crash."""
    iv = project / "chapters/en/iv.yml"
    text = iv.read_text(encoding="utf-8")
    iv.write_text(text + "deep: " + "[" * 990 + "]" * 990 + "\n", encoding="utf-8")
    block(failed_check(project, capsys), "chapters/en/iv.yml", "(YAML syntax)",
          f"a value nested {MAX_DEPTH + 1} lists or mappings deep at column {len('deep: ') + MAX_DEPTH}",
          "check the brackets", line=text.count("\n") + 1)


# --- messages that lead to the cause ---------------------------------------------------------


def test_control_character_is_given_by_line_and_column(project, capsys):
    iv = project / "chapters/fr/iv.yml"
    text = iv.read_text(encoding="utf-8")
    at = text.index("Un mécanisme") + len("Un ")
    iv.write_text(text[:at] + "\0" + text[at:], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    block(failed_check(project, capsys), "chapters/fr/iv.yml", "(YAML syntax)",
          f"the invisible control character U+0000 (shown as `^@` by many editors) at column {column}",
          "delete that character", line=line)


def test_yaml_boolean_where_a_number_belongs(project, capsys):
    iv = project / "chapters/fr/iv.yml"
    iv.write_text(iv.read_text(encoding="utf-8").replace("  - n: 2\n", "  - n: yes\n", 1), encoding="utf-8")
    block(failed_check(project, capsys), "chapters/fr/iv.yml", "key_questions[1].n",
          "`yes` is not a number: YAML reads it as true", "write a whole number in digits",
          line=line_of(project, "chapters/fr/iv.yml", "n: yes"))


@pytest.mark.parametrize("label", ["aa", "z"])  # not a letter; a letter, after z
def test_more_sub_items_than_letters(project, capsys, label):
    iv = project / "chapters/fr/iv.yml"
    last = '            text: "Période de réflexion'
    text = iv.read_text(encoding="utf-8")
    end = text.index("\n", text.index(last)) + 1
    more = "".join(f'          - n: {n}\n            text: "Encore?"\n' for n in [*"pqrstuvwxyz", label])
    iv.write_text(text[:end] + more + text[end:], encoding="utf-8")
    line = line_of(project, "chapters/fr/iv.yml", f"- n: {label}\n            text: \"Encore?\"\n      - n: 4")
    item = "specific_questions[0].questions[2].items[26].n"
    block(failed_check(project, capsys), "chapters/fr/iv.yml", item if label == "aa" else f"IV.D.3, entry 27 ({item})",
          "entry 27 of a lettered list, but letters run out at z: such a list has at most 26 entries",
          "compare the list with the printed text", line=line)


def test_missing_review_record_is_one_problem(project, capsys):
    (project / "content/en/translated-from.yml").unlink()
    report = failed_check(project, capsys)
    assert len(blocks(report)) == 1, report[:2000]
    block(report, "content/en/translated-from.yml", "(whole file)", "this file is missing",
          "`git checkout -- content/en/translated-from.yml`")


def test_glossary_term_under_a_second_id(project, capsys):
    glossary = project / "content/glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    again = ('  - id: asean-again\n    term: {fr: "ANASE", en: "association of  Southeast Asian nations"}\n'
             '    definition: {fr: "Une organisation.", en: "An organization."}\n')
    glossary.write_text(text.replace("  - id: asean\n", again + "  - id: asean\n", 1), encoding="utf-8")
    second = line_of(project, "content/glossary.yml", "  - id: asean\n") + 1  # its `term:` line
    block(failed_check(project, capsys), "content/glossary.yml", "asean",
          "its en term “Association of Southeast Asian Nations” is already the term of `asean-again` "
          f"(line {second - 3}): the glossary would list it twice", "merge `asean` into `asean-again`", line=second)
