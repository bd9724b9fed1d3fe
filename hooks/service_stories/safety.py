"""Script in a page's body is refused: the nh3 sanitizer decides what is safe.

A page's rendered HTML is cleaned by nh3 (the Ammonia sanitizer) with an allowlist of
tags, attributes and address schemes. When the sanitizer had to remove something, the
author is told what, on which line, and why; the build publishes the cleaned HTML, so
nothing unsafe reaches a reader even while the problem stands.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

TAGS = frozenset(nh3.ALLOWED_TAGS | {"section", "picture", "source"})
_GLOBAL_ATTRIBUTES = {
    "id", "class", "title", "lang", "dir", "role", "hidden", "tabindex",
    "align", "width", "height", "alt", "src", "srcset", "sizes", "loading", "decoding",
    "href", "name", "target", "rel", "colspan", "rowspan", "scope", "headers",
    "start", "reversed", "type", "value", "datetime", "cite", "open", "span",
}  # fmt: skip
ATTRIBUTES = {
    tag: set(_GLOBAL_ATTRIBUTES) | set(nh3.ALLOWED_ATTRIBUTES.get(tag, ())) for tag in TAGS
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCRIPT_FIX = "remove it: a story cannot run scripts"

# Only to notice *whether* the sanitizer changed anything; what is safe is its call.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = re.compile(r"\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=")


@dataclass(frozen=True)
class Unsafe:
    what: str
    fix: str
    needles: tuple[str, ...]  # text to look for in the Markdown, to find the line


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
        generic_attribute_prefixes={"data-", "aria-"},
    )


def _signature(html: str) -> tuple[Counter[str], Counter[str]]:
    return Counter(map(str.lower, _TAG.findall(html))), Counter(
        map(str.lower, _ATTRIBUTE.findall(html))
    )


def unsafe_markup(html: str) -> tuple[str, list[Unsafe]]:
    """Safe HTML, and each thing the sanitizer had to remove to make it so.

    When the sanitizer removed nothing, the HTML is returned as it was, untouched by
    the sanitizer's re-serialization.
    """
    clean = sanitize(html)
    if _signature(clean) == _signature(html):
        return html, []
    return clean, _removed(html, clean)


class _Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def _removed(html: str, clean: str) -> list[Unsafe]:
    kept = _Elements(clean).found
    position = 0
    found: list[Unsafe] = []
    for tag, attributes in _Elements(html).found:
        if tag not in TAGS:
            fix = (
                _SCRIPT_FIX
                if tag == "script"
                else "remove it: pages hold text, links and images, not embedded content"
            )
            article = "an" if tag[0] in "aeiou" else "a"
            found.append(Unsafe(f"has {article} <{tag}> element", fix, (f"<{tag}",)))
            continue
        while position < len(kept) and kept[position][0] != tag:
            position += 1
        survived = kept[position][1] if position < len(kept) else {}
        position += 1
        for name, value in attributes.items():
            if name not in survived:
                found.append(_attribute(tag, name, value))
    return found


def _attribute(tag: str, name: str, value: str) -> Unsafe:
    if name.startswith("on"):
        return Unsafe(f"has an {name} attribute on <{tag}>", _SCRIPT_FIX, (name, f"<{tag}"))
    scheme = urlsplit(value.strip()).scheme.lower()
    if scheme and scheme not in URL_SCHEMES:
        fix = (
            _SCRIPT_FIX
            if scheme in ("javascript", "vbscript")
            else "link to a web page (http or https) or a file in stories/ instead"
        )
        # An address may be written with entities in the Markdown: then find its tag.
        return Unsafe(f"links to a {scheme}: address", fix, (f"{scheme}:", f"<{tag}"))
    return Unsafe(f"has a {name} attribute on <{tag}>", "remove the attribute", (name, f"<{tag}"))


def body_problems(html: str, body: str, body_line: int, problems) -> str:
    """Report what the sanitizer removed from a page's HTML; returns the safe HTML."""
    clean, found = unsafe_markup(html)
    for unsafe in found:
        problems.add(line_of(body, unsafe.needles, body_line), "body", unsafe.what, unsafe.fix)
    return clean


def line_of(body: str, needles: tuple[str, ...], first_line: int) -> int:
    """The file line where the first needle that appears in the body does, or the body's
    first line."""
    lines = body.lower().split("\n")
    for needle in needles:
        for number, line in enumerate(lines):
            if needle.lower() in line:
                return first_line + number
    return first_line


def may_hold_markup(body: str) -> bool:
    """Whether rendering the body could produce anything but plain Markdown output:
    raw HTML, an attribute list, an entity or a link address."""
    return any(sign in body for sign in ("<", "{", "&", "](", "]:"))


# Python-Markdown's inline parsing costs, for each unmatched `[` or `<`, a scan of the rest
# of its block: a block of 100,000 characters full of brackets takes minutes. These limits
# keep the worst case near a second and are far above what a story needs.
MAX_BLOCK = 10_000
MAX_SIGNS = 500


def within_limits(body: str, body_line: int, problems) -> bool:
    """Whether the body is safe to render; reports why not, naming the line."""
    fine = True
    start, length = 0, 0
    for number, line in enumerate([*body.split("\n"), ""]):
        if line.strip():
            start, length = (number if not length else start), length + len(line) + 1
            continue
        if length > MAX_BLOCK:
            problems.add(
                body_line + start,
                "body",
                f"has a block of {length:,} characters with no blank line, more than {MAX_BLOCK:,}",
                "break it into paragraphs with blank lines between them",
            )
            fine = False
        length = 0
    for sign, fix in (
        ("[", "a page needs only a few links; split a long list of links into several pages"),
        ("<", "write less HTML: use Markdown for emphasis, lists and links"),
    ):
        count = body.count(sign)
        if count > MAX_SIGNS:
            limit_at = body.index(sign, _nth(body, sign, MAX_SIGNS))
            problems.add(
                body_line + body.count("\n", 0, limit_at),
                "body",
                f"has {count:,} {sign} signs, more than {MAX_SIGNS:,}",
                fix,
            )
            fine = False
    return fine


def _nth(text: str, sign: str, count: int) -> int:
    """The position just after the count-th occurrence of sign."""
    position = -1
    for _ in range(count):
        position = text.index(sign, position + 1)
    return position + 1
