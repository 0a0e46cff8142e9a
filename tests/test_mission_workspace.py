"""The mission workspace (issue 15) in Debian's Chromium, on the real built site: a mission made
and answered in French is there in English and after a reload; its file, encrypted, opens in
another browser profile identical; bad files are refused with the current mission untouched; a
colleague's file merges with its conflicts settled each way; Word, Excel and the printed record
carry the answers; a tablet answers by touch; the offline bundle from file:// works the same."""

from __future__ import annotations

import base64
import io
import json
import uuid

import docx
import openpyxl
import pytest
from pypdf import PdfReader, PdfWriter

from test_accessibility import axe_context, violations
from tiptoolkit.catalog import load_edition
from tiptoolkit.mission_file import MissionFile
from tiptoolkit.page_load import LONG_TASKS

FR = load_edition("fr").strings.mission
EN = load_edition("en").strings.mission
PASSPHRASE = "sel de Guérande 2026"
# Ten items over two chapters, a Working Group paper and the annex (one on a scale), as an assessor answers them.
ANSWERS = [("II.C.1", "partly"), ("II.D.4", "yes"), ("II.D.12.a", "no"), ("IV.C.1", "unknown"),
           ("IV.D.3.o", "yes"), ("IV.D.1", "not-applicable"), ("BP2019.Q.3.g", "partly"),
           ("ANNEX.B.1", "no"), ("ANNEX.E.1.a.i", 2), ("ANNEX.G.1", "yes")]
NOTES = {"IV.D.3.o": "Vu au ministère de la Justice.\nÀ confirmer avec le parquet.", "ANNEX.B.1": "Aucun texte."}


def mission_page(context, url: str, *, answer: bool = True):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url + ("?answer" if answer else ""), wait_until="load")
    page.locator(".tk-mission-bar:not([hidden])").wait_for()
    page.errors = errors
    return page


def create_mission(page, strings=FR, title="Mission Bénin 2026"):
    ui = strings.ui
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(ui["field_title"]).fill(title)
    dialog.get_by_label(ui["field_country"], exact=True).fill("Bénin")
    dialog.get_by_label(ui["field_start"]).fill("2026-12-01")
    dialog.get_by_label(ui["field_end"]).fill("2026-12-15")
    dialog.get_by_label(ui["field_team"]).fill("Marie Dupont\nJean Martin")
    dialog.get_by_label(ui["field_me"]).fill("Marie Dupont")
    dialog.get_by_role("button", name=ui["create"]).click()
    page.get_by_text(ui["current"].replace("{title}", title)).first.wait_for()


def label(strings, item_id: str, value) -> str:
    if isinstance(value, int):
        scale = next(s for s in load_edition("fr" if strings is FR else "en").annex_scales.values())
        return scale.options[value - 1]
    return strings.labels.responses[value]


def group(page, strings, item_id: str):
    name = strings.ui["response_of"].replace("{id}", item_id)
    box = page.get_by_role("radiogroup", name=name, exact=True)
    page.evaluate("id => location.hash = '#item-' + id", item_id)  # renders its part, brings it into view
    box.wait_for()
    return box


def answer_all(page, strings=FR):
    for item_id, value in ANSWERS:
        scale = load_edition("fr").item(item_id).scale
        text = load_edition("fr").annex_scales[scale].options[value - 1] if scale else strings.labels.responses[value]
        group(page, strings, item_id).get_by_role("radio", name=text, exact=True).check()
    for item_id, text in NOTES.items():
        notes(page, strings, item_id).fill(text)
    page.get_by_text(strings.ui["saved"]).wait_for()


def notes(page, strings, item_id: str):
    return page.get_by_role("textbox", name=strings.ui["notes_of"].replace("{id}", item_id), exact=True)


def shown(page, strings, item_id: str) -> str:
    checked = group(page, strings, item_id).locator("input:checked")
    return checked.evaluate("input => input.parentElement.textContent.trim()") if checked.count() else ""


def stored(page) -> dict:
    """The current mission as the browser keeps it."""
    return page.evaluate("""() => new Promise((resolve, reject) => {
        const open = indexedDB.open('tiptoolkit', 1);
        open.onsuccess = () => {
          const get = open.result.transaction('missions').objectStore('missions').get(localStorage.getItem('tiptoolkit.mission'));
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      })""")


def open_file(page, strings, path, passphrase: str | None = None):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=strings.ui["open_file"], exact=True).click()
    chooser.value.set_files(str(path))
    if passphrase is not None:
        dialog = page.get_by_role("dialog")
        dialog.get_by_label(strings.ui["passphrase"], exact=True).fill(passphrase)
        dialog.get_by_role("button", name=strings.ui["decrypt"]).click()


def save_file(page, strings, tmp_path, passphrase: str | None):
    page.get_by_role("button", name=strings.ui["save_file"], exact=True).click()
    dialog = page.get_by_role("dialog")
    if passphrase:
        dialog.get_by_label(strings.ui["passphrase"], exact=True).fill(passphrase)
        dialog.get_by_label(strings.ui["passphrase_again"]).fill(passphrase)
    else:
        dialog.get_by_role("checkbox").uncheck()
    with page.expect_download() as download:
        dialog.get_by_role("button", name=strings.ui["download"]).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def mission_file(answers: dict, title="Colleague", mission_id=None) -> dict:
    return {"format": "tiptoolkit-mission", "version": 1, "saved": "2026-12-07T18:00:00Z",
            "mission": {"id": mission_id or str(uuid.uuid4()), "title": title, "country": "Bénin", "start": "2026-12-01",
                        "end": "2026-12-15", "team": ["Jean Martin"], "language": "fr"},
            "answers": answers}


def answer_of(response=None, notes="", by="Jean Martin", at="2026-12-07T10:00:00Z", **extra) -> dict:
    return {"response": response, "notes": notes, "sources": [], "changes": [{"at": at, "by": by, "field": "response"}],
            **extra}


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def test_answers_made_in_french_are_there_in_english_and_after_a_reload(context, served, tmp_path):
    page = mission_page(context, f"{served}fr/mission/")
    create_mission(page)
    answer_all(page)
    mission = stored(page)
    MissionFile.model_validate(mission)  # the browser keeps a valid mission file
    assert set(mission["answers"]) == {item for item, _ in ANSWERS}
    assert mission["answers"]["IV.D.3.o"]["notes"] == NOTES["IV.D.3.o"]
    assert mission["answers"]["IV.D.3.o"]["changes"][-1]["by"] == "Marie Dupont"
    assert mission["answers"]["ANNEX.E.1.a.i"]["option"] == 2

    english = mission_page(context, f"{served}en/mission/")
    assert english.locator(".tk-header-mission").inner_text() == EN.ui["current"].replace("{title}", "Mission Bénin 2026")
    english.reload(wait_until="load")
    for item_id, value in ANSWERS:
        assert shown(english, EN, item_id) == label(EN, item_id, value), item_id
    assert notes(english, EN, "IV.D.3.o").input_value() == NOTES["IV.D.3.o"]
    assert not page.errors and not english.errors

    # The encrypted file opens identical in another browser profile (a new context shares nothing).
    path = save_file(english, EN, tmp_path, PASSPHRASE)
    assert path.name == f"Mission-Bénin-2026-{path.name[-23:-13]}.mission.json"
    envelope = json.loads(path.read_text())
    assert envelope["format"] == "tiptoolkit-mission-encrypted" and "Guérande" not in path.read_text()
    assert "ministère" not in path.read_text() and envelope["iterations"] >= 600_000
    other = context.browser.new_context()
    try:
        fresh = mission_page(other, f"{served}fr/mission/", answer=False)
        open_file(fresh, FR, path, PASSPHRASE)
        fresh.get_by_text(FR.ui["opened"].split(":")[0].replace("{title}", "Mission Bénin 2026")).wait_for()
        fresh.get_by_role("button", name=FR.ui["answer_mode"]).click()
        again = stored(fresh)
        assert {k: v for k, v in again.items() if k != "saved"} == {k: v for k, v in mission.items() if k != "saved"}
        assert shown(fresh, FR, "IV.D.3.o") == FR.labels.responses["yes"]
    finally:
        other.close()


BAD_FILES = [  # name, content (None: over 50 MB), the refusal said
    ("cut.mission.json", b'{"format": "tiptoolkit-mission", "vers', "not-json"),
    ("photo.mission.json", b"\x89PNG\r\n\x1a\n", "not-json"),
    ("v2.mission.json", json.dumps({**mission_file({}), "version": 2}).encode(), "version"),
    ("unknown.mission.json", json.dumps(mission_file({"IV.D.99": answer_of("yes")})).encode(), "unknown-item"),
    ("scale.mission.json", json.dumps(mission_file({"ANNEX.E.1.a.i": answer_of("yes")})).encode(), "scale"),
    ("other.mission.json", json.dumps({"format": "kobo-submission", "version": 1}).encode(), "not-mission"),
    ("huge.mission.json", None, "too-large"),
]


def test_a_bad_file_is_refused_and_the_mission_is_untouched(context, served, tmp_path):
    good = tmp_path / "good.mission.json"
    good.write_text(json.dumps(mission_file({"IV.C.1": answer_of("yes")}, title="Ma mission")))
    page = mission_page(context, f"{served}fr/mission/", answer=False)
    open_file(page, FR, good)
    page.get_by_text(FR.ui["opened"].split(":")[0].replace("{title}", "Ma mission")).wait_for()
    before = stored(page)
    for name, content, what in BAD_FILES:
        bad = tmp_path / name
        if content is None:  # refused by its size, before it is read
            with bad.open("wb") as file:
                file.truncate(50 * 1024 * 1024 + 1)
        else:
            bad.write_bytes(content)
        open_file(page, FR, bad)
        refusal = page.locator(".tk-mission-alert", has_text=name)
        refusal.wait_for()
        assert FR.errors[what].split("{")[0][:30] in refusal.inner_text(), name
        assert stored(page) == before, name


def test_encrypted_files_refuse_a_wrong_passphrase_and_any_alteration(context, served, tmp_path):
    page = mission_page(context, f"{served}fr/mission/")
    create_mission(page, title="Secrète")
    group(page, FR, "IV.C.1").get_by_role("radio", name=FR.labels.responses["yes"], exact=True).check()
    page.get_by_text(FR.ui["saved"]).wait_for()
    path = save_file(page, FR, tmp_path, PASSPHRASE)
    before = stored(page)
    open_file(page, FR, path, "not the passphrase")
    dialog = page.get_by_role("dialog")
    dialog.get_by_text(FR.errors["passphrase"][:40]).wait_for()  # said in the dialog, which stays open to retry
    dialog.get_by_role("button", name=FR.ui["cancel"]).click()
    envelope = json.loads(path.read_text())
    data = bytearray(base64.b64decode(envelope["data"]))
    data[len(data) // 2] ^= 1
    for altered in ({**envelope, "data": base64.b64encode(bytes(data)).decode()},
                    {**envelope, "data": envelope["data"][:40]}):
        path.write_text(json.dumps(altered))
        open_file(page, FR, path, PASSPHRASE)
        page.get_by_role("dialog").get_by_text(FR.errors["passphrase"][:40]).wait_for()
        page.get_by_role("dialog").get_by_role("button", name=FR.ui["cancel"]).click()
    path.write_text(json.dumps({**envelope, "iterations": 1000}))
    open_file(page, FR, path)
    page.locator(".tk-mission-alert").get_by_text("iterations").wait_for()
    assert stored(page) == before


def test_a_colleagues_file_merges_with_each_conflict_settled_by_a_choice(context, served, tmp_path):
    page = mission_page(context, f"{served}fr/mission/")
    create_mission(page, title="Équipe")
    for item_id, value in (("IV.C.1", "yes"), ("IV.C.2", "no"), ("V.C.1", "partly")):
        group(page, FR, item_id).get_by_role("radio", name=FR.labels.responses[value], exact=True).check()
    for item_id in ("IV.C.1", "IV.C.2", "V.C.1"):
        notes(page, FR, item_id).fill(f"Mes notes {item_id}")
    page.get_by_text(FR.ui["saved"]).wait_for()
    theirs = tmp_path / "jean.mission.json"
    theirs.write_text(json.dumps(mission_file({
        "IV.C.1": answer_of("no", "Ses notes IV.C.1"), "IV.C.2": answer_of("yes", "Ses notes IV.C.2"),
        "V.C.1": answer_of("unknown", "Ses notes V.C.1"), "VI.C.1": answer_of("yes", "Seulement chez lui")})))
    open_file(page, FR, theirs)
    page.get_by_role("dialog").get_by_role("button", name=FR.ui["merge_into"].replace("{title}", "Équipe")).click()
    conflicts = page.get_by_role("dialog")
    conflicts.get_by_role("heading", name=FR.ui["conflicts_title"]).wait_for()
    for item_id in ("IV.C.1", "IV.C.2", "V.C.1"):
        fieldset = conflicts.locator(f'fieldset[data-conflict="{item_id}"]')
        assert "Jean Martin" in fieldset.inner_text() and "Marie Dupont" in fieldset.inner_text()
    conflicts.get_by_role("button", name=FR.ui["apply_merge"]).click()  # nothing chosen: nothing applied
    assert stored(page)["answers"]["IV.C.1"]["response"] == "yes"
    for item_id, choice in (("IV.C.1", "keep_mine"), ("IV.C.2", "keep_theirs"), ("V.C.1", "keep_both")):
        conflicts.locator(f'fieldset[data-conflict="{item_id}"]').get_by_label(FR.ui[choice]).check()
    conflicts.get_by_role("button", name=FR.ui["apply_merge"]).click()
    page.locator(".tk-mission-alert").get_by_text(FR.ui["merged"].split(":")[0]).wait_for()
    answers = stored(page)["answers"]
    assert (answers["IV.C.1"]["response"], answers["IV.C.1"]["notes"]) == ("yes", "Mes notes IV.C.1")
    assert (answers["IV.C.2"]["response"], answers["IV.C.2"]["notes"]) == ("yes", "Ses notes IV.C.2")
    assert answers["V.C.1"]["response"] == "partly"
    assert "Mes notes V.C.1" in answers["V.C.1"]["notes"] and "Ses notes V.C.1" in answers["V.C.1"]["notes"]
    assert answers["VI.C.1"]["notes"] == "Seulement chez lui"
    assert "Jean Martin" in stored(page)["mission"]["team"]


def test_word_excel_and_the_printed_record_carry_the_answers(context, served, tmp_path):
    mission = mission_file({item: answer_of(value, NOTES.get(item, "")) if isinstance(value, str)
                            else answer_of(option=value) for item, value in ANSWERS}, title="Relevé Bénin")
    mission["answers"]["IV.D.3.o"]["sources"] = [{"institution": "Ministère de la Justice", "role": "juriste"}]
    path = tmp_path / "releve.mission.json"
    path.write_text(json.dumps(mission))
    selection = "II.C.1,II.D.4,II.D.12,IV.C.1,IV.D.1,IV.D.3,ANNEX.B.1,ANNEX.E.1,ANNEX.G.1,BP2019.Q.3.g"  # the answered
    page = context.new_page()
    page.goto(f"{served}fr/mission/?select={selection}&answer", wait_until="load")
    page.get_by_role("dialog").get_by_role("button", name=FR.ui["cancel"]).click()
    open_file(page, FR, path)
    page.get_by_text(FR.ui["current"].replace("{title}", "Relevé Bénin")).first.wait_for()
    page.get_by_role("button", name=FR.ui["answer_mode"]).click()  # the mode was left for want of a mission
    order = [item.id for item in load_edition("fr").items]
    expected = sorted((item for item, _ in ANSWERS), key=order.index)  # page order

    with page.expect_download() as download:
        page.get_by_role("button", name=FR.ui["export_word"]).click()
    assert download.value.suggested_filename.startswith("Relevé-Bénin-") and download.value.suggested_filename.endswith(".docx")
    document = docx.Document(download.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("IV.D.3.o" in h for h in headings) and any(p.style.name == "Heading 1" for p in document.paragraphs)
    positions = [text.index(item) for item in expected]
    assert positions == sorted(positions)
    assert "À confirmer avec le parquet." in text and "Ministère de la Justice" in text and "En partie" in text

    with page.expect_download() as download:
        page.get_by_role("button", name=FR.ui["export_excel"]).click()
    workbook = tmp_path / download.value.suggested_filename
    download.value.save_as(workbook)
    assert workbook.name.endswith(".xlsx")
    rows = list(openpyxl.load_workbook(workbook).active.iter_rows(values_only=True))
    ids = [row[0] for row in rows[1:]]
    assert [i for i in ids if i in expected] == expected and "IV.D.3.a" in ids  # unanswered sub-items too
    row = rows[1 + ids.index("IV.D.3.o")]
    assert "Oui" in row and any(cell and "parquet" in str(cell) for cell in row)
    english = load_edition("en").item("IV.D.3.o").text
    assert any(cell and english[:30] in str(cell) for cell in row)

    document = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    pages = [" ".join(p.extract_text().split()) for p in document.pages]
    printed = " ".join(pages)
    assert "À confirmer avec le parquet." in printed and "Ministère de la Justice" in printed
    assert all(item in printed for item in expected) and FR.labels.responses["not-applicable"] in printed
    for text in pages:  # each page footed with the edition, the mission, the date and the selection's link
        assert "Référentiel" in text and "Relevé Bénin" in text and f"select={selection}" in text.replace(" ", "")


def test_a_tablet_answers_by_touch(browser, served):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, is_mobile=True)
    try:
        page = mission_page(context, f"{served}en/mission/")
        create_mission(page, EN, title="Tablet")
        group(page, EN, "III.C.1").get_by_role("radio", name="Partly", exact=True).tap()
        page.get_by_text(EN.ui["saved"]).wait_for()
        assert stored(page)["answers"]["III.C.1"]["response"] == "partly"
        assert page.evaluate("document.documentElement.scrollWidth") <= 768  # nothing wider than the screen
        page.set_viewport_size({"width": 360, "height": 740})  # a phone
        group(page, EN, "III.C.2").get_by_role("radio", name="No", exact=True).tap()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_the_page_loads_light_and_answering_passes_axe(browser, served):
    context = axe_context(browser)
    page = mission_page(context, f"{served}fr/mission/", answer=False)
    assert page.evaluate("document.getElementsByTagName('*').length") <= 2000
    assert all(duration <= 200 for duration in page.evaluate(LONG_TASKS))
    assert not page.evaluate("[...document.fonts].some(font => font.family.includes('Symbols') && font.status === 'loaded')")
    page.get_by_role("button", name=FR.ui["answer_mode"]).click()
    create_mission(page)
    group(page, FR, "II.D.4").get_by_role("radio", name="Oui", exact=True).check()
    box = page.locator('.tk-answer[data-answer="II.D.4"]')
    box.locator(".tk-answer-sources summary").click()
    box.get_by_role("button", name=FR.ui["add_source"]).click()
    box.get_by_role("textbox", name=FR.ui["institution_of"].replace("{n}", "1").replace("{id}", "II.D.4")).fill("Parquet")
    assert not violations(page)
    context.close()


def test_the_offline_bundle_keeps_answers_from_file_urls(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "fr" / "mission.html").as_uri() + "?answer", wait_until="load")
    create_mission(page, title="Hors ligne")
    group(page, FR, "IV.D.3.o").get_by_role("radio", name="Oui", exact=True).check()
    page.get_by_text(FR.ui["saved"]).wait_for()
    page.goto((unpacked / "en" / "mission.html").as_uri() + "?answer", wait_until="load")
    assert shown(page, EN, "IV.D.3.o") == "Yes"
    assert not page.outside and not page.policy_messages


def test_a_chapter_page_leads_to_answering_it_and_every_page_names_the_mission(context, served):
    page = mission_page(context, f"{served}fr/mission/")
    create_mission(page, title="Lomé")
    chapter = context.new_page()
    chapter.goto(f"{served}fr/iv/", wait_until="load")
    assert chapter.locator(".tk-header-mission").inner_text() == FR.ui["current"].replace("{title}", "Lomé")
    chapter.get_by_role("link", name=FR.ui["answer_link"]).click()
    chapter.wait_for_url("**/fr/mission/?select=IV&answer")
    chapter.wait_for_function("""() => {  // the first question is in view below the bar that stays in view
        const bar = document.querySelector(".tk-mission-bar").getBoundingClientRect();
        const first = document.querySelector('[data-item="IV.C.1"]')?.getBoundingClientRect();
        return first && first.top >= bar.bottom - 1 && first.top < innerHeight / 2;
    }""", timeout=5000)
    group(chapter, FR, "IV.D.3.o").get_by_role("radio", name="Non", exact=True).check()
    assert chapter.get_by_role("button", name=FR.ui["answer_mode"]).get_attribute("aria-pressed") == "true"
    note = chapter.locator(".tk-mission-storage")  # whether the browser keeps the answers for good, said plainly
    assert note.inner_text() in (FR.ui["persistent"], FR.ui["not_persistent"])


def test_deleting_a_mission_asks_first_then_erases_it(context, served):
    page = mission_page(context, f"{served}en/mission/")
    create_mission(page, EN, title="To delete")
    group(page, EN, "II.C.1").get_by_role("radio", name="Yes", exact=True).check()
    page.get_by_text(EN.ui["saved"]).wait_for()
    delete = f"{EN.ui['delete_mission']} — To delete"
    page.get_by_role("button", name=EN.ui["missions"], exact=True).click()
    page.get_by_role("dialog").get_by_role("button", name=delete).click()
    page.get_by_role("dialog").get_by_role("button", name=EN.ui["cancel"]).click()  # asked first: nothing erased
    assert stored(page)["mission"]["title"] == "To delete"
    page.get_by_role("button", name=EN.ui["missions"], exact=True).click()
    page.get_by_role("dialog").get_by_role("button", name=delete).click()
    page.get_by_role("dialog").get_by_role("button", name=EN.ui["delete_yes"]).click()
    page.locator(".tk-mission-alert").get_by_text(EN.ui["deleted"].replace("{title}", "To delete")).wait_for()
    assert page.evaluate("""() => new Promise(resolve => {
        const open = indexedDB.open('tiptoolkit', 1);
        open.onsuccess = () => {
          const all = open.result.transaction('missions').objectStore('missions').getAll();
          all.onsuccess = () => resolve(all.result.length);
        };
      })""") == 0
    assert page.locator(".tk-mission-name").inner_text() == EN.ui["no_mission"]
    assert page.locator(".tk-header-mission").is_hidden()


def test_an_odk_or_kobo_export_merges_in_with_its_origin_and_a_foreign_one_is_refused(context, served, tmp_path):
    good = tmp_path / "good.mission.json"
    good.write_text(json.dumps(mission_file({"IV.C.1": answer_of("yes", "Mes notes")}, title="Terrain")))
    page = mission_page(context, f"{served}fr/mission/", answer=False)
    open_file(page, FR, good)
    page.get_by_text(FR.ui["opened"].split(":")[0].replace("{title}", "Terrain")).wait_for()
    central = tmp_path / "central.csv"  # ODK Central's layout: groups joined by "-", its own columns around
    central.write_text("SubmissionDate,IV-IV_C-IV_C_2_response,IV-IV_D-IV_D_3_o_notes,ANNEX-ANNEX_E-ANNEX_E_1_a_i_response,"
                       "meta-instanceID,KEY,SubmitterID,SubmitterName\r\n"
                       '2026-12-07T09:30:00.000Z,partly,"Vu au parquet.",2,uuid:1,uuid:1,7,Awa Diallo\r\n')
    foreign = tmp_path / "census.csv"
    foreign.write_text("name,age\nAnna,40\n")
    for path in (foreign, central):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=FR.ui["import_export"]).click()
        chooser.value.set_files(str(path))
        page.locator(".tk-mission-alert", has_text=path.name).wait_for()
        if path is foreign:
            assert FR.errors["not-export"][:40] in page.locator(".tk-mission-alert").inner_text()
            assert set(stored(page)["answers"]) == {"IV.C.1"}  # untouched
    answers = stored(page)["answers"]
    assert (answers["IV.C.2"]["response"], answers["IV.D.3.o"]["notes"], answers["ANNEX.E.1.a.i"]["option"]) == (
        "partly", "Vu au parquet.", 2)
    assert answers["IV.C.2"]["changes"] == [{"at": "2026-12-07T09:30:00.000Z", "by": "Awa Diallo (central.csv)",
                                             "field": "response"}]
    assert answers["IV.C.1"]["notes"] == "Mes notes"


def _filled(source, target, values: dict[str, str]) -> None:
    """A copy of the fillable PDF `source` with `values` filled in as a PDF reader does: a radio
    group set to the button of the value's index in its options, a text field to its text."""
    writer = PdfWriter(clone_from=source)
    fields = writer.get_fields()
    chosen = {name: f"/{list(fields[name]['/Opt']).index(value)}" if "/Opt" in fields[name] else value
              for name, value in values.items()}
    writer.update_page_form_field_values(None, chosen, auto_regenerate=False)  # None: on every page
    writer.write(target)


def _import(page, strings, path):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=strings.ui["import_export"]).click()
    chooser.value.set_files(str(path))
    page.locator(".tk-mission-alert", has_text=path.name).wait_for()


def test_a_filled_pdf_and_a_kobo_xlsx_export_merge_in_and_a_pdf_without_our_fields_is_refused(context, served,
                                                                                                tmp_path):
    """The issue's walk-through: from the Checklists page, the fillable checklist of chapter IV and
    its XLSForm; two answers filled in the PDF; the PDF and a KoboToolbox export imported, each
    answer saying where it came from; the plain PDF (no fields) refused, nothing changed."""
    page = context.new_page()
    page.goto(f"{served}fr/checklists/", wait_until="load")
    row = page.locator("tr", has=page.locator("th", has_text="IV. Identification"))
    downloads = {}
    for name in ("PDF", load_edition("fr").strings.checklist.fillable, "XLSForm"):
        with page.expect_download() as download:
            row.get_by_role("link", name=name, exact=True).first.click()
        downloads[name] = tmp_path / download.value.suggested_filename
        download.value.save_as(downloads[name])
    fillable, plain = downloads[load_edition("fr").strings.checklist.fillable], downloads["PDF"]
    assert fillable.name == "checklist-iv-fillable-fr.pdf" and plain.name == "checklist-iv-fr.pdf"
    form = openpyxl.load_workbook(downloads["XLSForm"])
    assert form["settings"]["B2"].value == "tiptoolkit_iv"
    filled = tmp_path / fillable.name
    _filled(fillable, filled, {"IV.C.1.response": "partly", "IV.D.3.o.notes": "Vu au ministère.\nÀ confirmer.",
                               "mission.assessor": "Anna Lopes"})
    kobo = tmp_path / "kobo.xlsx"  # KoboToolbox's XLSX export, "XML values and headers", with its group names
    book = openpyxl.Workbook()
    book.active.append(["start", "end", "IV/IV_C/IV_C_2_response", "IV/IV_D/IV_D_1_notes", "_id", "_submission_time",
                        "_submitted_by"])
    book.active.append(["2026-12-07T08:00:00", "2026-12-07T09:00:00", "no", "Aucune procédure.", 1,
                        "2026-12-07T09:05:00", "awa"])
    book.save(kobo)

    mission = mission_page(context, f"{served}fr/mission/")
    create_mission(mission)
    _import(mission, FR, plain)
    assert FR.errors["not-form"][:40] in mission.locator(".tk-mission-alert").inner_text()
    assert stored(mission)["answers"] == {}  # untouched
    for path in (filled, kobo):
        _import(mission, FR, path)
    answers = stored(mission)["answers"]
    assert set(answers) == {"IV.C.1", "IV.D.3.o", "IV.C.2", "IV.D.1"}
    assert (answers["IV.C.1"]["response"], answers["IV.D.3.o"]["notes"]) == ("partly", "Vu au ministère.\nÀ confirmer.")
    assert {c["by"] for a in ("IV.C.1", "IV.D.3.o") for c in answers[a]["changes"]} == {
        "Anna Lopes (checklist-iv-fillable-fr.pdf)"}
    assert (answers["IV.C.2"]["response"], answers["IV.D.1"]["notes"]) == ("no", "Aucune procédure.")
    assert answers["IV.C.2"]["changes"] == [{"at": "2026-12-07T09:05:00.000Z", "by": "awa (kobo.xlsx)",
                                             "field": "response"}]
    assert not mission.errors
