"""HTML read as a browser reads it: the one place the domain parses HTML.

Python's `html.parser` reads comments (`<!-->`), attributes without a space before them
and foreign content (SVG, MathML) differently from browsers, and a safety check is only as
good as its parser. Lexbor, through selectolax, implements the WHATWG parsing algorithm
that browsers follow, in C: parsing a story's body takes a few hundredths of a millisecond.
"""

from __future__ import annotations

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
