"""Links and anchors: what each page's body points to, and whether it is there.

`LinkCollector` is a Markdown extension that records, for each page Markdown renders, the
addresses of its links and images as the author wrote them (before MkDocs turns `other.md`
into `../other/`), those written in raw HTML, and the anchors the page defines. The build
adds it to MkDocs' Markdown and `stories check` to its own; `link_problems` then judges the
links the same way for both, and each problem names the file and line it was written on.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html
from markdown.treeprocessors import Treeprocessor

from . import addresses
from .fields import suggest
from .markup import elements
from .problems import Problems
from .safety import line_of


@dataclass(frozen=True)
class Link:
    address: str
    raw: bool = False  # written as HTML, which MkDocs leaves as it is


@dataclass
class Rendered:
    """What rendering one page's body found."""

    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    has_heading: bool = False  # a level-one heading of its own
    title: str | None = None  # the text of a level-one heading that opens the body


class LinkCollector(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.found = Rendered()

    def extendMarkdown(self, md: Markdown) -> None:
        # After `toc` (5) gives headings their ids, before MkDocs rewrites addresses (0);
        # raw HTML is in Markdown's stash by then, waiting to be put back in place.
        md.treeprocessors.register(_Collect(self, md), "service_stories_links", 3)

    def take(self) -> Rendered:
        """What the last page rendered found; the collector starts afresh for the next."""
        found, self.found = self.found, Rendered()
        return found


class _Collect(Treeprocessor):
    def __init__(self, collector: LinkCollector, md: Markdown) -> None:
        super().__init__(md)
        self.collector = collector

    def run(self, root):
        found = self.collector.found
        for element in root.iter():
            _add(found, element.tag, element.attrib, raw=False)
        for block in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(block, str) and ("=" in block or "<h1" in block.lower()):
                for element in elements(block):
                    _add(found, element.tag, dict(element.attributes), raw=True)
        opening = next(iter(root), None)
        if opening is not None and opening.tag == "h1":
            # As MkDocs takes a page's title from it, but as text: what a browser shows.
            shown = elements(f"<h1>{render_inner_html(opening, self.md)}</h1>", text_of=("h1",))
            found.title = " ".join(shown[0].text.split()) or None
        return None


def _add(found: Rendered, tag: str, attributes, *, raw: bool) -> None:
    if tag == "h1":
        found.has_heading = True
    address = attributes.get("href") if tag == "a" else attributes.get("src")
    if address is not None and tag in ("a", "img"):
        found.links.append(Link(address, raw=raw))
    for name in ("id", "name") if tag == "a" else ("id",):
        if attributes.get(name):
            found.anchors.add(attributes[name])


@dataclass(frozen=True)
class Docs:
    """The docs folder as links see it: every file, and each page's anchors."""

    root: str  # the folder as the author knows it, such as `stories`
    files: Collection[str]  # every file the site publishes, written or generated
    anchors: Callable[[str], Collection[str]]  # the anchors of a page, by source file


def link_targets(src_uri: str, rendered: Rendered, docs: Docs) -> list[str]:
    """The files a page's links lead to, in the order they are written."""
    found = (_judge(src_uri, link, docs)[0] for link in rendered.links)
    return [target for target in found if target is not None]


def link_problems(
    src_uri: str, body: str, body_line: int, rendered: Rendered, docs: Docs, problems: Problems
) -> None:
    """Report each link of a page that leads to no file, or to no section of its page."""
    searched_from: dict[str, int] = {}
    for link in rendered.links:
        _, problem = _judge(src_uri, link, docs)
        if problem is None:
            continue
        # The line of this occurrence: after the last one reported for the same address.
        start = searched_from.get(link.address, 0)
        written = [f"{opening}{link.address}" for opening in ("(", "<", '"', "'", "=", ": ")]
        needles = (*written, link.address)
        line = line_of("\n".join(body.split("\n")[start:]), needles, body_line + start)
        searched_from[link.address] = line - body_line + 1
        problems.add(line, "body", *problem)


def _judge(src_uri: str, link: Link, docs: Docs) -> tuple[str | None, tuple[str, str] | None]:
    """The file a link leads to, and what is wrong with it (what, how to fix), if anything."""
    address = link.address
    scheme, netloc, path, _, anchor = urlsplit(address)
    if scheme or netloc or "\x02" in address:  # another site, mail, or Markdown's own
        return None, None
    if address.startswith(("/", "\\")):
        guess = _guess(path.lstrip("/"), docs)
        fix = f"link to the file instead: {guess}" if guess else "link to the page's file instead"
        return None, (f"links to `{address}`, an address from the site's root", fix)
    if not path:
        return src_uri, _missing_anchor(address, anchor, src_uri, src_uri, docs)
    path = unquote(path)
    if link.raw and addresses.is_markdown(path):
        return None, (
            f"links to `{address}` in HTML, which the build leaves as it is",
            f"write it as a Markdown link, such as [text]({address})",
        )
    folder = posixpath.dirname(addresses.url(src_uri)) if link.raw else posixpath.dirname(src_uri)
    target = posixpath.normpath(posixpath.join(folder, path)).lstrip("/")
    if link.raw:
        target = _file_at(target, docs) or target
    if target not in docs.files:
        return None, _not_found(address, path, src_uri, target, docs)
    return target, _missing_anchor(address, anchor, src_uri, target, docs)


def _file_at(site_path: str, docs: Docs) -> str | None:
    """The file published at an address from the site's root, if any."""
    if site_path in ("", "."):
        return addresses.HOME if addresses.HOME in docs.files else None
    for candidate in (site_path, f"{site_path}.md", f"{site_path}/index.md"):
        if candidate in docs.files and addresses.url(candidate).rstrip("/") == site_path:
            return candidate
    return None


def _guess(target: str, docs: Docs) -> str | None:
    """The file an address most likely meant: `lego/` for lego.md, `guides/` for its index."""
    bare = target.rstrip("/").removesuffix(".html")
    for candidate in (f"{bare}.md", f"{bare}/index.md", f"{bare}/README.md", bare):
        if candidate in docs.files:
            return candidate
    return None


def _not_found(address: str, path: str, src_uri: str, target: str, docs: Docs) -> tuple[str, str]:
    where = f"{docs.root}/"
    if not posixpath.splitext(path)[1]:
        guess = _guess(target, docs)
        fix = (
            f"link to the page's file: {guess}"
            if guess
            else "link to a file, such as other-story.md"
        )
        return f"links to `{address}`, which is not a file in {where}", fix
    kind = "page" if addresses.is_markdown(path) else "file"
    pool = [
        uri
        for uri in docs.files
        if addresses.is_markdown(uri) == (kind == "page") and uri != src_uri
    ]
    close = suggest(target, pool, cutoff=0.7)  # file names share .md and hyphens
    fix = f"did you mean {close[0]}?" if close else "fix the link or remove it"
    return f"links to `{address}`, which is not a {kind} in {where}", fix


def _missing_anchor(
    address: str, anchor: str, src_uri: str, target: str, docs: Docs
) -> tuple[str, str] | None:
    if not anchor or not addresses.is_markdown(target):
        return None
    known = docs.anchors(target)
    if unquote(anchor) in known:
        return None
    where = "this page" if target == src_uri else target
    close = suggest(anchor, known)
    if close:
        fix = f"did you mean #{close[0]}?"
    elif known:
        fix = "use one of its sections: " + ", ".join(f"#{name}" for name in sorted(known)[:8])
    else:
        fix = "link to the page without an anchor"
    return f"links to `{address}`, but {where} has no section #{anchor}", fix
