"""A file before its fields: its size and encoding, its front matter and body, its name."""

from __future__ import annotations

import posixpath
import re

from .frontmatter import Document, decode, split
from .model import MAX_FILE_BYTES, SLUG
from .problems import Problems
from .safety import within_limits

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def document(raw: bytes, problems: Problems, *, required: bool) -> Document:
    """The file split into front matter and body; an unreadable part is left empty, with
    the problem reported."""
    if len(raw) > MAX_FILE_BYTES:
        problems.add(
            1,
            "file",
            f"is {len(raw) / 1_000_000:.1f} MB, more than the {MAX_FILE_BYTES // 1_000_000} MB "
            "a page may be",
            "shorten it, or split it into several stories",
        )
        return Document(None, "", 1)
    if b"\x00" in raw:
        problems.add(
            raw[: raw.index(b"\x00")].count(b"\n") + 1,
            "file",
            "is binary, not text",
            "a story is a Markdown text file; put images and other files in a folder of their own",
        )
        return Document(None, "", 1)
    text = decode(raw, problems)
    if text is None:
        return Document(None, "", 1)
    found = split(text, problems, required=required)
    if not within_limits(found.body, found.body_line, problems):
        # Never handed to Markdown: the page shows its problems instead.
        return Document(found.fields, "", found.body_line)
    return found


def stand_in_title(src_uri: str) -> str:
    name = posixpath.splitext(posixpath.basename(src_uri))[0]
    return name.replace("-", " ").replace("_", " ").capitalize()


def check_name(src_uri: str, kind: str, problems: Problems) -> str:
    """The id a story, lesson or path takes from its file name, which must be `<id>.md`."""
    name, extension = posixpath.splitext(posixpath.basename(src_uri))
    if extension != ".md":
        problems.add(
            1,
            "file name",
            f"`{posixpath.basename(src_uri)}` is not a .md file",
            f"rename it to {name}.md: every {kind} is a .md file",
        )
    if not SLUG.match(name):
        fixed = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "my-story"
        problems.add(
            1,
            "file name",
            f"`{name}` is not a valid {kind} id",
            f"rename the file to {fixed}.md: lowercase letters, digits and hyphens",
        )
    return name


def check_headings(found: Document, problems: Problems) -> None:
    """A story's title comes from its front matter: its body starts at level two."""
    for number, line in _prose_lines(found.body):
        if line.startswith("# "):
            problems.add(
                found.body_line + number,
                "body",
                "has a level-one heading (# ...)",
                "remove it, the page title comes from the front matter; use ## for sections",
            )


def _prose_lines(body: str):
    """Numbered lines of the body outside fenced code blocks."""
    fence = None
    for number, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if match and (fence is None or match.group(1).startswith(fence)):
            fence = None if fence else match.group(1)[0] * 3
            continue
        if fence is None:
            yield number, line
