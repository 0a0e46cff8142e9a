"""A built site served as a plain web server serves it (GitHub Pages, nginx with `error_page`):
its files under the site root's path on the host, and for an unknown address there the site's
404 page, with status 404; any other address is the host's, plainly not found. For the tests and
the benchmark's browser measures (`make serve` has its own, with live reload: tiptoolkit.site)."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    base = "/"  # the site root's path on the host

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        if not self.path.startswith(self.base):
            http.server.SimpleHTTPRequestHandler.send_error(self, http.HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.base))

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != http.HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(site: Path, base: str = "/") -> Iterator[str]:
    """`site` served on 127.0.0.1 under `base` while in the block; its address, ending in `/`."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"base": base}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
