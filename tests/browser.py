"""Real-browser fixtures: the built site served on localhost, and Chromium driven by Playwright.

Chromium is found in this order: `$CHROMIUM` if set, Debian's /usr/bin/chromium, then the
browser `python -m playwright install chromium` downloads. Without any, the browser tests
skip with the reason, except when `CI` is set: then they fail, so CI cannot pass untested.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# Flags for a machine without a display or network beyond localhost.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: its 404.html for any missing address."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


# What GitHub Pages compresses: text formats, by the file's extension.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip: named, or by `*`, with a q above 0."""
    weights = {}
    for coding in (accept_encoding or "").split(","):
        name, *params = (part.strip().lower() for part in coding.split(";"))
        q = next((param[2:] for param in params if param.startswith("q=")), "1")
        try:
            weights[name] = float(q)
        except ValueError:
            weights[name] = 0.0
    return weights.get("gzip", weights.get("*", 0.0)) > 0


class _PagesHandler(_SiteHandler):
    """Also what GitHub Pages adds, for audits of speed: text gzipped for a client that
    accepts it, a charset on text types, and `Cache-Control: max-age=600`."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def guess_type(self, path):
        kind = super().guess_type(path)
        if kind.startswith("text/") or kind in ("application/json", "application/xml"):
            return f"{kind}; charset=utf-8"
        return kind

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not self._compresses(path):
            return super().send_head()
        return self._send_gzipped(200, self.guess_type(str(path)), path.read_bytes())

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not self._compresses(page):
            return super().send_error(code, message, explain)
        body = self._send_gzipped(404, "text/html; charset=utf-8", page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.getvalue())
        return None

    def _compresses(self, path: Path) -> bool:
        return (
            path.suffix in COMPRESSIBLE
            and path.is_file()
            and accepts_gzip(self.headers.get("Accept-Encoding"))
        )

    def _send_gzipped(self, code: int, content_type: str, content: bytes) -> io.BytesIO:
        body = gzip.compress(content, compresslevel=6, mtime=0)
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, *, compressed: bool = False):
    """Serve a folder on 127.0.0.1 in a background thread; returns (server, base URL).

    `compressed` serves it as GitHub Pages does for speed (see `_PagesHandler`): for
    Lighthouse, whose scores count the bytes sent and how long they may be cached."""
    handler_class = _PagesHandler if compressed else _SiteHandler
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def serving(directory: Path, *, compressed: bool = False) -> Iterator[str]:
    """`serve`, as a context: yields the base URL, and stops the server after."""
    server, url = serve(directory, compressed=compressed)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def _executables() -> list[str | None]:
    candidates = [os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    found = [path for path in candidates if path and os.path.exists(path)]
    return [*dict.fromkeys(found), None]  # None: Playwright's own browser


def launch_chromium(playwright):
    """A headless Chromium, or a skip (a failure under CI) saying why there is none."""
    reasons = []
    for executable in _executables():
        try:
            return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:  # each way of finding a browser can fail its own way
            reasons.append(f"{executable or 'Playwright chromium'}: {str(error).splitlines()[0]}")
    message = (
        "no Chromium to drive: install Debian's chromium package or run "
        "`python -m playwright install chromium` (" + "; ".join(reasons) + ")"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def axe_script() -> Path:
    """axe-core from `npm ci`; without it the accessibility tests skip (fail under CI)."""
    if AXE.exists():
        return AXE
    message = "axe-core is not installed: run `npm ci` in the repository"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
