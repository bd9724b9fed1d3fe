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

# Our own generated pages: script elements as MkDocs and Material write them.
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.DOTALL)
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


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(html: str) -> str:
    """The policy for one page: this site's scripts, and the hashes of its inline ones.

    Only the page's frame is searched, not its article: Material's scripts sit in the
    frame, and a script that somehow reached the article stays unhashed, and blocked.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    frame = html[:start] + html[end:] if 0 <= start < end else html
    hashes = sorted(
        {
            _hash(match["code"])
            for match in _INLINE_SCRIPT.finditer(frame)
            if "src=" not in match["attributes"] and "application/json" not in match["attributes"]
        }
    )
    return "; ".join((*POLICY, " ".join(["script-src 'self'", *hashes])))


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> after the charset."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return _HEAD.sub(lambda match: match.group(0) + meta, html, count=1)
