"""The README's screenshots of the mission workspace, taken in Debian's Chromium from the built
site (`make screenshots` after `make build`): the English mission page answering, its missions,
the encrypted save, a merge's conflicts and the progress. Made again when the page changes."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from .page_load import launch
from .static_server import serving

FOLDER = Path("screenshots")  # under the project root, beside the README
VIEWPORT = {"width": 1100, "height": 760}
COLLEAGUE = {
    "format": "tiptoolkit-mission", "version": 1, "saved": "2026-12-07T18:00:00Z",
    "mission": {"id": str(uuid.UUID(int=1)), "title": "Benin, Jean's copy", "country": "Benin",
                "start": "2026-12-01", "end": "2026-12-15", "team": ["Jean Martin"], "language": "en"},
    "answers": {"IV.C.1": {"response": "partly", "notes": "The ministry's circular of 2024 covers it in part.",
                           "sources": [{"institution": "Ministry of Justice", "role": "legal adviser"}],
                           "changes": [{"at": "2026-12-05T16:20:00Z", "by": "Jean Martin", "field": "response"}]}},
}


def take(site: Path, root: Path) -> list[Path]:
    """Take the screenshots of the site built at `site` into `root`/screenshots/; their paths."""
    from playwright.sync_api import sync_playwright

    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    colleague = folder / "colleague.mission.json"
    colleague.write_text(json.dumps(COLLEAGUE), encoding="utf-8")
    shots = []
    try:
        with serving(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_context(viewport=VIEWPORT, accept_downloads=True).new_page()
            page.goto(f"{url}en/mission/?select=IV&answer", wait_until="load")
            dialog = page.get_by_role("dialog")
            for label, value in (("Mission title", "Benin 2026"), ("Country", "Benin"), ("Start", "2026-12-01"),
                                 ("End", "2026-12-15"), ("Team (one name per line)", "Marie Dupont\nJean Martin"),
                                 ("Your name, recorded with each of your changes", "Marie Dupont")):
                dialog.get_by_label(label, exact=True).fill(value)
            shots.append(_shot(page, folder / "mission-new.png"))
            dialog.get_by_role("button", name="Create mission").click()
            page.evaluate("location.hash = '#item-IV.C.1'")
            group = page.get_by_role("radiogroup", name="Response — IV.C.1", exact=True)
            group.get_by_role("radio", name="Yes", exact=True).check()
            page.get_by_role("textbox", name="Notes — IV.C.1", exact=True).fill(
                "Standard operating procedures adopted in 2023.\nSeen at the national referral office.")
            page.get_by_text("Saved in this browser").wait_for()
            page.evaluate("location.hash = '#item-IV.C.1'")
            shots.append(_shot(page, folder / "mission-answering.png"))
            page.get_by_role("button", name="Save mission file", exact=True).click()
            shots.append(_shot(page, folder / "mission-save.png"))
            page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
            with page.expect_file_chooser() as chooser:
                page.get_by_role("button", name="Open mission file", exact=True).click()
            chooser.value.set_files(str(colleague))
            page.get_by_role("dialog").get_by_role("button", name="Merge it into the current mission “Benin 2026”").click()
            page.get_by_role("heading", name="Conflicting answers").wait_for()
            shots.append(_shot(page, folder / "mission-conflict.png"))
            page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
            page.locator(".tk-mission-progress summary").click()
            page.locator(".tk-progress").scroll_into_view_if_needed()
            shots.append(_shot(page, folder / "mission-progress.png"))
            browser.close()
    finally:
        colleague.unlink()
    return shots


def _shot(page, path: Path) -> Path:
    page.screenshot(path=str(path))
    return path
