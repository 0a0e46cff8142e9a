"""The built site runs nothing it did not ship, and can be served: no page of the site or of the
offline bundle carries active content (inline scripts, event handlers, `javascript:` URLs, loads
from other hosts, duplicate IDs) or a policy that allows inline scripts; any user can read the
site; a build removes what killed builds left; an operating-system error says how to fix it."""

from __future__ import annotations

import errno
import os
import pwd
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tiptoolkit import csp
from tiptoolkit.cli import main
from tiptoolkit.errors import os_problem
from tiptoolkit.edition import ROOT
from tiptoolkit.errors import ContentError
from tiptoolkit.site import BUNDLE, build_site

DATA_TYPES = {"application/json", "application/ld+json"}
FORBIDDEN = {"iframe", "frame", "object", "embed", "applet", "base"}  # what can load or run another document
URL_ATTRIBUTES = {"src", "srcset", "href", "action", "formaction", "poster", "data", "xlink:href"}
LINK_SCHEMES = {"http", "https", "mailto"}  # where a link (`<a href>`) may lead; anything else loads from the site
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))


def _scheme(url: str) -> str | None:
    """The scheme of `url` as a browser reads it (spaces and controls around it, tabs and newlines
    in it ignored); "//" for an address on another host without one; None for a relative one."""
    url = re.sub(r"[\t\n\r]", "", url).strip(CONTROLS_AND_SPACE).lower()
    match = SCHEME.match(url)
    return match[1] if match else "//" if url.startswith("//") else None


def _names_an_address(link) -> bool:
    """A `<link>` that only names an address (canonical, alternate): nothing is loaded from it."""
    rel = set((link.get("rel") or "").lower().split())
    return bool(rel) and rel <= {"canonical", "alternate"} and not link.get("type")


def active_content(html: bytes) -> list[str]:
    """What in a page could run, or load from another host; its policy if it allows inline code."""
    document = lxml_html.document_fromstring(html)
    problems, ids = [], Counter()
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        ids.update([element.get("id")] if element.get("id") is not None else [])
        if tag in FORBIDDEN or (tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh"):
            problems.append(f"<{tag}>")
        if tag == "script" and element.get("src") is None and (element.get("type") or "").strip().lower() not in DATA_TYPES:
            problems.append(f"inline script: {(element.text or '')[:60]!r}")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"<{tag} {name}>")
            elif name in URL_ATTRIBUTES:
                for url in value.split(",") if name == "srcset" else [value]:
                    scheme = _scheme(url)
                    if scheme is not None and not (tag in ("a", "area") and name == "href" and scheme in LINK_SCHEMES) \
                            and not (tag == "link" and name == "href" and scheme == "https" and _names_an_address(element)):
                        problems.append(f"<{tag} {name}={url.strip()!r}>")
    problems += [f"id {name!r} {count} times" for name, count in ids.items() if count > 1]
    first = [(e.get("charset"), e.get("http-equiv"), e.get("content")) for e in document.head[:2]]
    if [what[:2] for what in first] != [("utf-8", None), (None, "Content-Security-Policy")]:
        return [*problems, "no Content-Security-Policy right after <meta charset>"]
    directives = dict(d.strip().partition(" ")[::2] for d in first[1][2].split(";"))
    return problems + [f"{name} {directives[name]}" for name in ("script-src", "style-src") if "unsafe" in directives[name]]


def test_the_scan_finds_every_kind_of_active_content():
    page = b"""<!doctype html><html><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self'">
    </head><body><p id="x" onmouseover="go()">a</p><p id="x">b</p><a href=" JaVa&#x09;script:go()">c</a>
    <img src="https://evil.example/p.png"><img srcset="a.png 1x, //evil.example/b.png 2x"><script>go()</script>
    <script type="application/json">{}</script><a href="https://example.org/">fine</a><iframe src="a.html"></iframe>
    </body></html>"""
    assert active_content(page) == [
        "<p onmouseover>", "<a href='JaVa\\tscript:go()'>", "<img src='https://evil.example/p.png'>",
        "<img srcset='//evil.example/b.png 2x'>", "inline script: 'go()'", "<iframe>", "id 'x' 2 times",
        "script-src 'self' 'unsafe-inline'"]
    policy_later = page.replace(b'<meta charset="utf-8">', b"").replace(b"</head>", b'<meta charset="utf-8"></head>')
    assert active_content(policy_later)[-1] == "no Content-Security-Policy right after <meta charset>"


def test_no_page_of_the_site_carries_active_content(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 1000
    problems = [f"{path.relative_to(site)}: {problem}" for path in pages for problem in active_content(path.read_bytes())]
    assert not problems, "\n".join(problems)


def test_no_page_of_the_offline_bundle_carries_active_content(site):
    with zipfile.ZipFile(site / BUNDLE) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        assert len(pages) > 40
        problems = [f"{name}: {problem}" for name in pages for problem in active_content(archive.read(name))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["base", "content", "palette"])
def test_the_theme_s_scripts_made_files_keep_its_code(name):
    """overrides/assets/javascripts/theme-*.js hold the code of Material's partials that they
    replace (overrides/partials/javascripts/): after an upgrade of the theme, copy its new code."""
    partial = (csp.THEME_TEMPLATES / "partials" / "javascripts" / f"{name}.html").read_text(encoding="utf-8")
    theirs = list(csp.inline_code(partial))[-1][1].replace(
        'new URL("{{ config.extra.scope | d(base_url) }}",location)', "new URL(document.currentScript.dataset.scope,location)")
    ours = (ROOT / "overrides" / "assets" / "javascripts" / f"theme-{name}.js").read_text(encoding="utf-8")
    assert [line for line in ours.splitlines() if not line.startswith("//")] == [theirs]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_any_user_can_read_the_site(site):
    """The modes of any new folder and file (0755, 0644 under the usual umask); run as root (as
    here and in CI), a reader running as `nobody` reads the site's pages, a PDF and the zip."""
    mask = _umask()
    modes = Counter(f"{path.stat().st_mode & 0o777:o}" for path in [site, *site.rglob("*")] if path.is_dir())
    assert set(modes) == {f"{0o777 & ~mask:o}"}, modes
    modes = Counter(f"{path.stat().st_mode & 0o777:o}" for path in site.rglob("*") if path.is_file())
    assert set(modes) == {f"{0o666 & ~mask:o}"}, modes
    if os.geteuid() != 0:
        return
    files = ["index.html", "fr/index.html", "en/iv/index.html", "q/iv-d-3-o/index.html", "fr/pdf/checklist-iv-fr.pdf",
             BUNDLE]
    nobody = pwd.getpwnam("nobody")
    # The reader starts in the site's folder: the run's temporary folders above it are root's alone.
    reader = subprocess.run(["sh", "-c", 'ls . fr en >/dev/null && cat "$@" >/dev/null', "reader", *files], cwd=site,
                            user=nobody.pw_uid, group=nobody.pw_gid, extra_groups=[], capture_output=True, text=True)
    assert (reader.returncode == 0) == (not mask & 0o004), reader.stderr


def test_a_build_removes_the_folders_of_killed_builds_only(sources):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = [sources / f".site-{dead.pid}-0123abcd", sources / f".site-{dead.pid}-0123abcd-bundle",
             sources / ".site-k3x_9a0b"]  # the last: named by an older version, with no process
    live = [sources / f".site-{os.getpid()}-4567cdef", sources / f".site-{os.getpid()}-4567cdef-bundle",
            sources / ".site-notes"]  # not a build's
    for folder in stale + live:
        (folder / "fr").mkdir(parents=True)
    (sources / "chapters" / "fr" / "iv.yml").write_text("title: [", encoding="utf-8")  # the build stops early
    with pytest.raises(ContentError):
        build_site(sources / "site", sources, bundle=False)
    assert [folder.name for folder in stale if folder.exists()] == []
    assert [folder.name for folder in live if folder.exists()] == [folder.name for folder in live]
    assert sorted(path.name for path in sources.glob(".site-*")) == sorted(folder.name for folder in live)


def test_an_operating_system_error_says_how_to_fix_it(sources, capsys):
    target = sources / "mkdocs.yml" / "site"  # under a file: fails for root too, unlike a folder without rights
    assert main(["build", "--root", str(sources), "--site-dir", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.search(r"^- \S*mkdocs\.yml/\.site-\S*: \(operating system\): Not a directory \(ENOTDIR\)\n"
                     r"    fix: a part of that path is a file, not a folder", err, re.M), err
    assert not list(sources.glob(".site-*"))


def test_a_full_disk_says_to_free_space():
    problem = os_problem(OSError(errno.ENOSPC, "No space left on device"), Path("/srv/site"))
    assert str(problem).startswith("/srv/site: (operating system): No space left on device (ENOSPC)\n    fix: free space")
