"""Where every page lives: the one authority for source files and addresses.

A page is known by its source file, relative to the docs folder (`lessons/own-the-mistake.md`),
whether a trainer wrote it or the build makes it, and is published at an address from the
site's root (`lessons/own-the-mistake/`), as MkDocs publishes with `use_directory_urls`.
Nothing else spells these paths: the plan, the exports, the templates and the checks ask here.
"""

from __future__ import annotations

import posixpath

MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # what MkDocs reads as Markdown
HOME = "index.md"
CATALOG = "catalog.md"
TRAINERS = "trainers.md"
RECORD = "record.md"  # a learner's own record of the paths, kept in their browser
LESSONS = "lessons"
PATHS = "paths"
LESSONS_INDEX = f"{LESSONS}/index.md"
PATHS_INDEX = f"{PATHS}/index.md"
_COVERAGE = "trainers/coverage"
# Data files the build publishes at the site's root.
CATALOG_DATA = "catalog.json"
# The same, as a script, for a copy read from the file system, where nothing can be fetched.
CATALOG_SCRIPT = "catalog-data.js"
LIBRARY_DATA = "stories.json"


def schema(kind: str) -> str:
    """The JSON Schema of a kind of file's front matter: `story`, `lesson` or `path`."""
    return f"{kind}.schema.json"


def story(slug: str) -> str:
    return f"{slug}.md"


def lesson(lesson_id: str, number: int = 1) -> str:
    """Page `number` of a lesson's stories: the first is the lesson's own file."""
    first = f"{LESSONS}/{lesson_id}.md"
    return first if number == 1 else f"{LESSONS}/{lesson_id}/{number}.md"


def path(path_id: str) -> str:
    return f"{PATHS}/{path_id}.md"


def guide(path_id: str) -> str:
    return f"trainers/{path_id}/guide.md"


def handout(path_id: str) -> str:
    return f"trainers/{path_id}/handout.md"


def package(path_id: str, version: str) -> str:
    """A path as a SCORM package for an LMS: `version` is "1.2" or "2004"."""
    return f"trainers/{path_id}/scorm{version.replace('.', '')}.zip"


def catalog(number: int = 1, evidence: str | None = None) -> str:
    """The catalog's pages; with `evidence`, those of its stories of that kind only
    (`catalog/anecdote/`), for readers without JavaScript."""
    if evidence:
        return f"catalog/{evidence}.md" if number == 1 else f"catalog/{evidence}/{number}.md"
    return CATALOG if number == 1 else f"catalog/{number}.md"


def coverage(number: int = 1) -> str:
    """The coverage grid's pages: the first is the trainer's corner itself."""
    return TRAINERS if number == 1 else f"{_COVERAGE}/{number}.md"


def is_markdown(src_uri: str) -> bool:
    return src_uri.endswith(MARKDOWN)


def url(src_uri: str, directory_urls: bool = True) -> str:
    """The address a source file is published at, from the site's root (`./` for the home
    page): a page at its own folder (`lego/`), or, for a copy read from the file system
    without a server, as a file of its own (`lego.html`); any other file where it sits."""
    if not is_markdown(src_uri):
        return src_uri
    folder, name = posixpath.split(posixpath.splitext(src_uri)[0])
    if not directory_urls:
        name = "index" if name == "README" else name
        return posixpath.join(folder, f"{name}.html")
    if name in ("index", "README"):
        return f"{folder}/" if folder else "./"
    return f"{folder}/{name}/" if folder else f"{name}/"


def depth(page_url: str) -> str:
    """The way up from a page to the site's root, as MkDocs' `base_url`: `.`, `..`, `../..`."""
    parts = [part for part in page_url.split("/") if part and part != "."]
    if parts and "." in parts[-1]:
        parts.pop()  # a page published as a file sits in its folder
    return "/".join([".."] * len(parts)) or "."


def relative(target_url: str, page_url: str) -> str:
    """The address of `target_url` as written on the page at `page_url` (both from the
    site's root), the way MkDocs' `get_relative_url` writes it."""
    folder, _, name = page_url.rpartition("/")
    if "." in name:  # the page is a file, not a folder
        page_url = folder
    here, there = _parts(page_url), _parts(target_url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    found = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return found + "/" if target_url.endswith("/") else found


def _parts(address: str) -> list[str]:
    parts: list[str] = []
    for part in address.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts
