"""HTML read as a browser reads it: the one place the domain parses HTML.

Python's `html.parser` reads comments (`<!-->`), attributes without a space before them
and foreign content (SVG, MathML) differently from browsers, and a safety check is only as
good as its parser. Lexbor, through selectolax, implements the WHATWG parsing algorithm
that browsers follow, in C: parsing a story's body takes a few hundredths of a millisecond.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

# What a parsed document always holds, whatever the input: not part of what was written.
_WRAPPERS = frozenset({"html", "head", "body"})


@dataclass(frozen=True)
class Element:
    tag: str
    attributes: tuple[tuple[str, str], ...]  # in document order, values decoded
    text: str = ""  # the text inside, for the elements asked for


def elements(html: str, text_of: tuple[str, ...] = ("script", "style")) -> list[Element]:
    """Every element a browser would build from `html`, in document order, with the text
    inside those whose tag is in `text_of`."""
    found: list[Element] = []
    root = LexborHTMLParser(html).root
    if root is None:
        return found
    for node in root.traverse(include_text=False):
        tag = node.tag
        if tag is None or tag.startswith("-"):
            continue  # text and comments
        attributes = tuple((name, value or "") for name, value in node.attributes.items())
        if tag in _WRAPPERS and not attributes:
            continue  # the document's own wrappers, unless what was written gave them some
        text = node.text(deep=True) if tag in text_of else ""
        found.append(Element(tag, attributes, text))
    return found


# A relative address in an attribute, as the sanitizer writes attributes (always quoted).
_RELATIVE = re.compile(r'(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')


def rebase(html: str, from_url: str, to_url: str) -> str:
    """Rewrite the relative addresses of HTML rendered for the page at `from_url` so they
    work on the page at `to_url` (both from the site's root): a story's body in a handout."""

    def moved(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(from_url, match.group(2)))
        relative = posixpath.relpath(target, to_url)
        if match.group(2).endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f'{match.group(1)}="{relative}"'

    return _RELATIVE.sub(moved, html)


def own_ids(html: str, prefix: str) -> str:
    """A body's ids, and the links to them on its own page, with a prefix: for a page that
    holds several bodies, each with its `what-happened` (a handout)."""
    return relink(
        html,
        lambda address: f"#{prefix}{address[1:]}" if address.startswith("#") else address,
        ids=lambda name: f"{prefix}{name}",
    )


def relink(
    html: str,
    href: Callable[[str], str | None] | None,
    *,
    ids: Callable[[str], str] | None = None,
    src: Callable[[str], str | None] | None = None,
) -> str:
    """The HTML with each link's address given by `href` (None: the link becomes its text
    alone), each image's by `src` (None: the image is dropped) and each id by `ids`."""
    if not html:
        return html
    tree = LexborHTMLParser(html)
    if href is not None:
        for node in tree.css("a[href]"):
            address = href(node.attributes.get("href") or "")
            if address is None:
                node.unwrap()
            else:
                node.attrs["href"] = address
    if src is not None:
        for node in tree.css("img[src]"):
            address = src(node.attributes.get("src") or "")
            if address is None:
                node.decompose()
            else:
                node.attrs["src"] = address
    if ids is not None:
        for node in tree.css("[id]"):
            node.attrs["id"] = ids(node.attributes.get("id") or "")
    body = tree.body
    return body.inner_html if body is not None else ""
