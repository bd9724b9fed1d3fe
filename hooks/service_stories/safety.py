"""Script in a page's body is refused: the nh3 sanitizer decides what is safe.

A page's rendered HTML is cleaned by nh3 (the Ammonia sanitizer) with an allowlist of
tags, attributes and address schemes, and the cleaned HTML is what the build publishes,
always. When the sanitizer had to remove something, the author is told what, on which
line, and why; nothing unsafe reaches a reader even while the problem stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3

from .markup import Element, elements

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


def unsafe_markup(html: str) -> tuple[str, list[Unsafe]]:
    """The sanitizer's HTML, always, and each thing it removed to make it safe.

    What was removed is found by comparing the elements a browser would build from the
    HTML before and after, so that markup a simpler reader would miscount (an attribute
    after a `/`, a script behind a malformed comment) is still reported.
    """
    clean = sanitize(html)
    if clean == html:
        return clean, []
    return clean, _removed(elements(html), elements(clean))


def _removed(before: list[Element], after: list[Element]) -> list[Unsafe]:
    position = 0
    found: list[Unsafe] = []
    for element in before:
        tag = element.tag
        if tag not in TAGS:
            fix = (
                _SCRIPT_FIX
                if tag == "script"
                else "remove it: pages hold text, links and images, not embedded content"
            )
            article = "an" if tag[0] in "aeiou" else "a"
            found.append(Unsafe(f"has {article} <{tag}> element", fix, (f"<{tag}",)))
            continue
        while position < len(after) and after[position].tag != tag:
            position += 1
        kept = dict(after[position].attributes) if position < len(after) else {}
        position += 1
        for name, value in element.attributes:
            if kept.get(name) != value:
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
