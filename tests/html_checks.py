"""Reading built pages: their article, the links in it, and what in them could run,
parsed as a browser parses them (a WHATWG parser; a regular expression only to tidy text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser
from service_stories.markup import elements


def parse(html: str) -> LexborHTMLParser:
    """A page as a browser's parser builds it, for CSS selectors."""
    return LexborHTMLParser(html)


def article_links(html: str) -> list[str]:
    """The addresses of the links inside a page's <article>: what a reader can follow
    without the sidebar."""
    return [node.attributes.get("href") or "" for node in LexborHTMLParser(html).css("article a")]


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
}  # fmt: skip
EMBEDDING = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


@dataclass
class ActiveContent:
    """What in a page could run: script elements, event handlers, embedded frames, and
    addresses that run code."""

    found: list[str] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)


def active(page: str) -> ActiveContent:
    result = ActiveContent()
    for element in elements(page):
        attributes = dict(element.attributes)
        tag = element.tag
        if tag in EMBEDDING:
            result.found.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            result.found.append("<meta refresh>")
        if tag == "script":
            src = attributes.get("src")
            if src is not None and (urlsplit(src).scheme or "assets/javascripts/" not in src):
                result.found.append(f"<script src={src}>")
            elif src is None and attributes.get("type", "").lower() != "application/json":
                # Material's scope script differs only in the relative address of the root.
                result.inline_scripts.append(
                    re.sub(r'new URL\("[./]*",', 'new URL("",', element.text)
                )
        for name, value in element.attributes:
            if name.startswith("on") or name == "srcdoc":
                result.found.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in ("http", "https", "mailto", "tel"):
                    result.found.append(f"{name}={value}")
    return result


def texts_of(page: str, tag: str) -> list[str]:
    return [element.text for element in elements(page, text_of=(tag,)) if element.tag == tag]


def meta_of(page: str, name: str) -> list[str]:
    return [
        dict(element.attributes).get("content", "")
        for element in elements(page)
        if element.tag == "meta"
        and name in (dict(element.attributes).get("name"), dict(element.attributes).get("property"))
    ]
