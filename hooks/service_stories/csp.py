"""A Content-Security-Policy for each built page: the site's own scripts and nothing else.

Material puts three small scripts inline in every page (reading the colour palette and
the site's scope before the page draws). Rather than allowing every inline script, the
policy names each of a page's inline scripts by its SHA-256 hash, so an injected script
would not run even if one got past the sanitizer.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

_HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?")

POLICY = (
    "default-src 'self'",
    # Material's stylesheet draws its icons as data: images.
    "img-src 'self' data:",
    # Material styles from its stylesheets and through the CSSOM, which CSP allows:
    # no inline style is needed, so none is allowed.
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


@lru_cache(maxsize=64)  # the same few scripts, on every page
def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _scripts(html: str, start: int, stop: int):
    """The (attributes, code) of each script element in html[start:stop], as MkDocs and
    Material write them. Found with `str.find`, which is several times faster here than
    a regular expression: every page is searched."""
    at = html.find("<script", start, stop)
    while at != -1:
        opened = html.find(">", at, stop)
        closed = html.find("</script>", opened, stop)
        if opened == -1 or closed == -1:
            return
        yield html[at + len("<script") : opened], html[opened + 1 : closed]
        at = html.find("<script", closed, stop)


def policy(html: str) -> str:
    """The policy for one page: this site's scripts, and the hashes of its inline ones.

    Only the page's frame is searched, not its article: Material's scripts sit in the
    frame, and a script that somehow reached the article stays unhashed, and blocked.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    parts = ((0, start), (end, len(html))) if 0 <= start < end else ((0, len(html)),)
    hashes = sorted(
        {
            _hash(code)
            for part in parts
            for attributes, code in _scripts(html, *part)
            if "src=" not in attributes and "application/json" not in attributes
        }
    )
    return "; ".join((*POLICY, " ".join(["script-src 'self'", *hashes])))


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> after the charset."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
