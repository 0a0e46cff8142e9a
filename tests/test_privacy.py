"""Privacy: no page asks anything of another host, and every page's
Content-Security-Policy is one the site itself satisfies, and allows no inline code but what the
theme and the project ship; and every page loads cleanly: no request that fails, nothing in the
console."""

import base64
import hashlib
from urllib.parse import urlsplit

import pytest
from conftest import PAGE_GROUPS, RECORD_VIOLATIONS, pages_in

from tiptoolkit import csp
from tiptoolkit.edition import languages
from tiptoolkit.errors import ContentError

# Collects CSP violations the browser reports, before any page script runs.
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
def test_every_page_is_private_satisfies_its_policy_and_loads_cleanly(served, browser, page_paths, group):
    assert len(page_paths) >= 16 * len(languages())
    paths = pages_in(group, page_paths)
    assert paths
    context = browser.new_context()
    blocked = outside_requests(context, served)
    problems = []
    context.on("requestfailed", lambda request: request.url.startswith(served) and problems.append(
        f"{request.url}: failed ({request.failure}), asked by {request.frame.url}"))
    context.on("response", lambda response: response.status >= 400 and problems.append(
        f"{response.url}: {response.status}, asked by {response.frame.url}"))
    tabs = [context.new_page() for _ in range(TABS)]
    for tab in tabs:
        tab.on("console", lambda message, tab=tab: message.type in ("error", "warning") and problems.append(
            f"{tab.url}: console {message.type}: {message.text}"))
        tab.on("pageerror", lambda error, tab=tab: problems.append(f"{tab.url}: {error}"))
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
    """The search library and its index come from the site and are allowed by the policy."""
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


PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>IV. Identification - Toolkit</title></head><body>{}</body></html>'


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("code", ["<script>alert('desc')</script>", "<SCRIPT\n>alert('desc')</SCRIPT>",
                                  "<script/x>alert('desc')</script>", "<script type=module>alert('desc')</script>",
                                  "<style>body{background:url(alert('desc'))}</style>"])
def test_a_page_carrying_inline_code_nobody_ships_stops_the_build(code):
    with pytest.raises(ContentError) as error:
        csp.with_policy(PAGE.format(code), page="en/iv/index.html")
    message = str(error.value)
    assert message.startswith("1 problem in the content:\n- en/iv/index.html: inline <")
    assert "alert('desc')" in message and "content can never add scripts or styles" in message
    with pytest.raises(ContentError, match="the page titled “IV. Identification - Toolkit”: inline <"):
        csp.with_policy(PAGE.format(code))


def test_the_policy_allows_by_hash_only_the_inline_code_the_theme_and_the_project_ship():
    theme = (csp.THEME_TEMPLATES / "partials" / "javascripts" / "announce.html").read_text(encoding="utf-8")
    [(_, script)] = csp.inline_code(theme)
    [(_, style)] = csp.inline_code(csp.OWN_TEMPLATES.joinpath("root.html").read_text(encoding="utf-8"))
    page = PAGE.format(f'<script>{script}</script><style>{style}</style><script type="application/json">{{"a": 1}}</script>'
                       '<script src="a.js"></script>')
    directives = dict(d.partition(" ")[::2] for d in csp.policy(page).split("; "))
    assert directives["script-src"] == f"'self' {_hash(script)}" and directives["style-src"] == f"'self' {_hash(style)}"
    assert dict(d.partition(" ")[::2] for d in csp.policy(PAGE.format("")).split("; "))["script-src"] == "'self'"
