"""The offline bundle: a zip of the whole site that works from `file://` with no network,
search included, linked from the home pages, under a policy that allows no inline script."""

from urllib.parse import urlsplit

import pytest

from tiptoolkit.edition import languages
from tiptoolkit.site import BUNDLE



def test_home_pages_link_the_bundle(site):
    assert f'href="{BUNDLE}"' in (site / "index.html").read_text(encoding="utf-8")
    for lang in languages():
        assert f'href="../{BUNDLE}"' in (site / lang / "index.html").read_text(encoding="utf-8")


def test_bundle_holds_every_language_with_file_links(unpacked):
    root = (unpacked / "index.html").read_text(encoding="utf-8")
    for lang in languages():
        assert f'href="{lang}/index.html"' in root
        assert (unpacked / lang / "iv.html").is_file() and (unpacked / lang / "search" / "index.js").is_file()
    assert BUNDLE not in (unpacked / "fr" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", languages())
def test_reading_and_search_work_from_file_urls(unpacked, offline_page, search, edition, lang):
    page = offline_page
    page.goto((unpacked / "index.html").as_uri())
    page.locator(f'a[hreflang="{lang}"]').first.click()
    page.locator('a[href="iv.html"]').first.click()
    page.wait_for_url("**/iv.html")
    assert page.locator("#iv-d-3").count() == 1
    assert "'unsafe-inline'" not in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    for words in ("periode de reflexion" if lang == "fr" else "reflection period", "iv d 3 o"):
        results = search(page, words)
        assert results.first.get_attribute("href").endswith("iv.html#iv-d-3-o"), words
    assert not page.evaluate("window.__violations") and not page.policy_messages, page.policy_messages
    results.first.click()
    page.wait_for_url("**/iv.html#iv-d-3-o")
    landed = urlsplit(page.url)
    assert landed.scheme == "file" and page.locator("#iv-d-3-o:target").count()
    assert not page.outside, f"requests that left the bundle: {page.outside}"
    assert not page.evaluate("window.__violations") and not page.policy_messages
