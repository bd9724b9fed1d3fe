"""A Content-Security-Policy for each built page, allowing only the scripts the site wrote.

Material writes a few small scripts inline in every page (reading the colour palette and
the site's scope before the page draws), from its partials in `partials/javascripts/`.
The build renders those partials itself, for each depth of page (their code names the
site's root relative to the page), and the policy allows exactly those scripts, by their
SHA-256 hashes: nothing is read back from a page. A page that holds any other inline
script had it injected; `injected()` finds it as a browser would, and the build reports
it and fails, while the policy, which never names it, keeps it from running.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .markup import Element, elements

_HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?")
# Where a browser could start a script element: `<script` in any case (re's IGNORECASE
# also folds a few letters outside ASCII, which only sends a page to be parsed).
_OPENING = re.compile(r"<script", re.IGNORECASE)
# Material's configuration: data for its bundle, not code; a browser does not run it.
CONFIG_BLOCK = ' id="__config" type="application/json"'
# The words a page's scripts show, as the templates write them (`script_words`).
DATA_BLOCK = ' type="application/json" data-ss-words'
_DATA_TYPES = ("application/json", "application/ld+json", "text/plain", "text/template")

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


def sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def script_texts(html: str) -> list[str]:
    """The code of each inline script in a piece of HTML, such as a rendered partial."""
    return [e.text for e in elements(html) if e.tag == "script" and not dict(e.attributes)]


@dataclass(frozen=True)
class Policy:
    """The scripts the site writes into pages of one depth, and the policy that allows them."""

    scripts: frozenset[str]
    data: Collection[str] = frozenset()  # the words data blocks the templates wrote

    @classmethod
    def allowing(cls, scripts: Iterable[str], data: Collection[str] = frozenset()) -> Policy:
        return cls(frozenset(scripts), data)

    @functools.cached_property
    def meta(self) -> str:
        hashes = " ".join(sorted(sha256(code) for code in self.scripts))
        content = "; ".join((*POLICY, f"script-src 'self' {hashes}".rstrip()))
        return f'<meta http-equiv="Content-Security-Policy" content="{content}">'

    def apply(self, html: str) -> str:
        """The page with its policy as the first thing in <head> after the charset."""
        head = _HEAD.search(html)
        if head is None:
            return html
        return html[: head.end()] + self.meta + html[head.end() :]

    def injected(self, html: str) -> list[str]:
        """Each script element in the page that the site did not write, as a browser finds
        them. Every script element a browser builds starts with `<script` in any case, so
        when each of those is one of the site's own, written out whole, the page is clean
        without parsing it; otherwise it is parsed."""
        end = 0
        for opening in _OPENING.finditer(html):
            if opening.start() < end:
                continue  # inside one of the site's own scripts, already read
            found = self._own_script_end(html, opening.start())
            if found is None:
                return self._injected_by_parsing(html)
            end = found
        return []

    def _own_script_end(self, html: str, at: int) -> int | None:
        opened = html.find(">", at)
        closed = html.find("</script>", opened)
        if not html.startswith("<script", at) or opened == -1 or closed == -1:
            return None
        attributes, code = html[at + len("<script") : opened], html[opened + 1 : closed]
        own = (
            (not attributes and code in self.scripts)
            or attributes == CONFIG_BLOCK
            or (attributes == DATA_BLOCK and code in self.data)
            or (_is_source(attributes) and not code)
        )
        return closed + len("</script>") if own else None

    def _injected_by_parsing(self, html: str) -> list[str]:
        found = []
        for element in elements(html):
            if element.tag == "script" and not self._is_own(element):
                attributes = "".join(f" {name}" for name, _ in element.attributes)
                found.append(f"<script{attributes}>{element.text}")
        return found

    def _is_own(self, element: Element) -> bool:
        attributes = dict(element.attributes)
        if "src" in attributes:
            parts = urlsplit(attributes["src"])
            return not (parts.scheme or parts.netloc) and not element.text.strip()
        if attributes.get("type", "").lower() in _DATA_TYPES:
            return (
                attributes.get("id") == "__config"
                or not element.text.strip()
                or ("data-ss-words" in attributes and element.text in self.data)
            )
        return element.text in self.scripts


def _is_source(attributes: str) -> bool:
    """`<script src="...">` with an address on this site, as the templates write them."""
    match = re.fullmatch(r' src="([^"<>]*)"', attributes)
    return bool(match) and not urlsplit(match.group(1)).scheme and "//" not in match.group(1)
