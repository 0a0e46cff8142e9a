"""`tiptoolkit check | schema | build | serve | screenshots` — what the Makefile and scripts/ call."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import citation, parity, schema
from .errors import ContentError, Problem, os_problem
from .project import find_root
from .validate import validate


def check(root: Path) -> int:
    """Validate every content file of every language; print problems; return an exit code."""
    problems: list[Problem] = []
    summary = []
    try:
        summary = validate(root)
    except ContentError as exc:
        problems += exc.problems
    problems += schema.problems(root)
    if problems:
        print(ContentError(problems), file=sys.stderr)
        return 1
    print("content ok — " + "; ".join(summary))
    return 0


def _run(args: argparse.Namespace, root: Path) -> int:
    """The command `args` names, on the project `root`; its exit code."""
    if args.command == "check":
        return check(root)
    if args.command == "reviewed":
        try:
            marked = parity.mark_reviewed(args.lang, args.units, root, everything=args.all)
        except ContentError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"recorded {len(marked)} reviewed units in {parity.fingerprints_path(root, args.lang).relative_to(root)}")
        return 0
    if args.command == "schema":
        for path in [*schema.write(root), citation.write_cff(root)]:
            print(f"wrote {path.relative_to(root)}")
        return 0
    if args.command == "screenshots":
        from .screenshots import take

        if not (root / "site" / "index.html").exists():
            print("no site/ to take them from: run `make build` first", file=sys.stderr)
            return 1
        for path in take(root / "site", root):
            print(f"wrote {path.relative_to(root)}")
        return 0
    from mkdocs.exceptions import MkDocsException

    from .site import build_site, serve as serve_site

    try:
        if args.command == "build":
            print(f"site written to {build_site(args.site_dir, root)}")
        else:
            serve_site(port=args.port, root=root)
    except (MkDocsException, ContentError) as exc:
        print(f"build failed, site/ left as it was:\n{exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tiptoolkit", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=None,
                        help="the project folder holding chapters/, content/ and mkdocs.yml (default: the one "
                             "this command is run in)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", parents=[common], help="validate the content (models, numbering, IDs, references)")
    commands.add_parser("schema", parents=[common], help="write the JSON Schemas of the content files")
    build = commands.add_parser("build", parents=[common], help="build the whole site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="default: <root>/site")
    serve = commands.add_parser("serve", parents=[common], help="build, serve and live-reload the whole site")
    serve.add_argument("--port", type=int, default=8000)
    commands.add_parser("screenshots", parents=[common],
                        help="take the README's screenshots of the mission workspace from the built site/")
    reviewed = commands.add_parser("reviewed", parents=[common],
                                   help="record that translations were reviewed against the current French")
    reviewed.add_argument("--lang", default="en", help="the translation's language (default: en)")
    reviewed.add_argument("--all", action="store_true", help="every unit of the translation")
    reviewed.add_argument("units", nargs="*", help="units named by `check`: item IDs (IV.D.3.o) or page/place")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")

    try:
        root = args.root.resolve() if args.root else find_root()
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        return _run(args, root)
    except OSError as exc:  # a folder that cannot be written, a full disk, a port in use…
        written = (getattr(args, "site_dir", None) or root / "site") if args.command in ("build", "serve") else root
        head = "build failed, site/ left as it was" if args.command == "build" else f"{args.command} failed"
        print(f"{head}:\n- {os_problem(exc, written)}", file=sys.stderr)
        return 1
