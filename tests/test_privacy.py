"""Privacy: no page asks anything of another host, and every page's
Content-Security-Policy is one the site itself satisfies."""

from urllib.parse import urlsplit

import pytest
from conftest import PAGE_GROUPS, page_group

from tiptoolkit.edition import languages

# Collects CSP violations the browser reports, before any page script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`));
"""


def outside_requests(context, base: str) -> list[str]:
    """Block every request that leaves `base`'s host and record it."""
    host = urlsplit(base).netloc
    blocked: list[str] = []

    def guard(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    context.add_init_script(RECORD_VIOLATIONS)
    return blocked


TABS = 6  # pages loading at once: each waits for its network to be idle, and the waits overlap


@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_every_page_is_private_and_satisfies_its_policy(served, browser, page_paths, group):
    assert len(page_paths) >= 16 * len(languages())
    paths = [path for path in page_paths if page_group(path) == group]
    assert paths
    context = browser.new_context()
    blocked = outside_requests(context, served)
    tabs = [context.new_page() for _ in range(TABS)]
    problems = []
    for start in range(0, len(paths), TABS):
        batch = list(zip(tabs, paths[start:start + TABS]))
        for page, path in batch:
            page.goto(served + path, wait_until="commit")
        for page, path in batch:
            page.wait_for_load_state("networkidle")
            problems += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
            if not page.locator('meta[http-equiv="Content-Security-Policy"]').count():
                problems.append(f"{path}: no Content-Security-Policy")
    context.close()
    assert not blocked, "requests to other hosts:\n" + "\n".join(blocked)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", languages())
def test_search_runs_under_the_policy(served, browser, search, lang):
    """The search worker and its index come from the site and are allowed by the policy."""
    context = browser.new_context()
    blocked = outside_requests(context, served)
    page = context.new_page()
    page.goto(f"{served}{lang}/", wait_until="networkidle")
    results = search(page, "victimes" if lang == "fr" else "victims")
    assert results.count() > 0
    assert not page.evaluate("window.__violations")
    assert not blocked
    context.close()


def test_injected_script_would_be_refused(served, browser):
    """The policy, not only the escaping, stops a script that got into a page."""
    context = browser.new_context()
    outside_requests(context, served)
    page = context.new_page()
    page.goto(f"{served}fr/iv/", wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
    context.close()
