"""The library as a copy read from the file system: no server, and no request to any host.

`stories bundle` builds the site with Material's offline plugin (a file per page, the
search index as a script), ships the iframe-worker shim the plugin would fetch from a CDN,
and zips the whole. Search runs its worker in an iframe that the shim writes a small
inline script into; that script depends on where the page sits, so its hash is worked out
here for each depth of page, for the Content-Security-Policy.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from importlib import resources
from pathlib import Path

SHIM = "assets/javascripts/iframe-worker.js"  # where the copy publishes the shim
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def shim_source() -> str:
    return resources.files(__package__).joinpath("vendor/iframe-worker.js").read_text("utf-8")


def _function(source: str, name: str) -> str:
    """The text of `function name(...){...}` in a script, as the browser's
    Function.prototype.toString() gives it back: from `function` to its closing brace."""
    start = source.index(f"function {name}(")
    depth, at = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[at], 0)
        if depth == 0:
            return source[start : at + 1]
        at += 1


def iframe_script(shim: str, worker: str) -> str:
    """The inline script the shim writes into its iframe, for a worker at `worker` (the
    address the page gives it): its template, with each function's and the worker's place
    filled in as the browser fills it."""
    template = re.search(r"<script>(.*?)<\\/script>", shim).group(1)  # type: ignore[union-attr]

    def filled(match: re.Match[str]) -> str:
        name = match.group(1)
        return _function(shim, name) if f"function {name}(" in shim else worker

    return re.sub(r"\$\{(\w+)\}", filled, template)


def worker_address(worker: str, base_url: str) -> str:
    """The search worker's address as Material writes it on a page whose way up to the
    root is `base_url`: `worker` is its place from the site's root."""
    return worker if base_url in (".", "") else posixpath.join(base_url, worker)


def zipped(site: Path, folder: str) -> bytes:
    """The built copy, every file under one folder, dated alike for the same bytes each time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = f"{folder}/{path.relative_to(site).as_posix()}"
            entry = zipfile.ZipInfo(name, _ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    return buffer.getvalue()
