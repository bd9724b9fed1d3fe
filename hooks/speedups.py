"""Speed-ups: work the build would otherwise repeat, kept apart from what the pages are.

Each saves time on a large library and assumes something a change could break; each says
what. Nothing here decides what a page shows: remove any of them and every page is the
same, only slower.

- `Frames.fragment`: parts of Material's page frame (the sidebar, the palette toggle, the
  search form, the footer, the back-to-top button, the stylesheets, the configuration and
  the scripts that every page loads) rendered once per folder, for the
  pages the nav does not list. It assumes a fragment holds nothing page-specific: **a
  template author must never put inside `{% call fragment(...) %}` anything that depends
  on the page beyond its folder and depth**: not its title, URL, meta, view, problems,
  TOC, nor an active nav item. Pages the nav lists, and pages above them, render in full.
- `Cards.card`: a story card rendered once per page depth (its address is written from
  the site's root, so it is the same on every page as deep). It assumes a card shows
  only its story and why it is shown.
- `template_cache`: Jinja's compiled templates kept between builds in `.cache/templates`
  (about 0.2 s a build). Jinja recompiles a changed template; a folder per Jinja version.
- `StoriesRead`: each story as the last build read it, kept in `.cache/stories` (0.75 s
  of a build at 5,000 stories). A story is read again when its file, the lessons, the
  docs folder's name or the day changes (`site.load_site`); a file per version of the
  reading code, so a change to the code reads every story again.
- `reading`, `freeze` / `unfreeze`: no collection while the library is read; then the
  library and the pages read are kept out of the garbage collector's passes while the
  build runs; every build ends by handing them back.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import posixpath
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import service_stories
import yaml
from jinja2 import FileSystemBytecodeCache, pass_context
from markupsafe import Markup


def frame_is_its_own(page, nav) -> bool:
    """Whether the nav lists this page (its section shows as active), or a page below it
    (whose address, written from this page, names this page's own folder)."""
    return any(item is page or (page.url and item.url.startswith(page.url)) for item in nav.pages)


@dataclass
class Frames:
    rendered: dict[tuple, str] = field(default_factory=dict)
    own: dict[str, bool] = field(default_factory=dict)  # by page address: frame_is_its_own

    @pass_context
    def fragment(self, context, name: str, *, caller) -> str:
        """`{% call fragment(name) %}...{% endcall %}`: rendered once per folder for the
        pages the nav does not list (read the module's note before using it)."""
        page, nav = context.get("page"), context.get("nav")
        if page is not None and nav is not None:
            if page.url not in self.own:  # asked by each fragment of the page: answer once
                self.own[page.url] = frame_is_its_own(page, nav)
            if self.own[page.url]:
                return caller()
        folder = posixpath.dirname(page.url.rstrip("/")) if page is not None else None
        key = (name, context.get("base_url"), folder)
        if key not in self.rendered:
            self.rendered[key] = Markup(caller())
        return self.rendered[key]


@dataclass
class Cards:
    macros: Any = None  # the module of partials/macros.html, once the templates load
    rendered: dict[tuple, str] = field(default_factory=dict)

    @pass_context
    def card(self, context, card, reason=None) -> str:
        """A story card (`views.Card`), and why it is shown: the shared lessons, or else
        its summary. The story's part and the reason are cached apart."""
        depth = context.get("base_url") or "."
        key = ("story", card.story.slug, depth)
        if key not in self.rendered:
            href = card.url if depth == "." else f"{depth}/{card.url}"
            # The macros escape everything they write; mark their output as such.
            self.rendered[key] = Markup(self.macros.card_story(card, href))
        tail = ("reason", reason, depth) if reason else ("summary", card.story.slug)
        if tail not in self.rendered:
            up = "" if depth == "." else f"{depth}/"
            self.rendered[tail] = Markup(
                self.macros.card_reason(reason, up) if reason else self.macros.card_summary(card)
            )
        return self.rendered[key] + self.rendered[tail]


def template_cache(config_file: str | None) -> FileSystemBytecodeCache | None:
    """Jinja's compiled templates, kept in the project's `.cache/` (where Material's plugins
    keep theirs); none for a configuration from standard input or a read-only checkout."""
    folder = _cache_folder(config_file, "templates", f"jinja2-{jinja2.__version__}")
    return FileSystemBytecodeCache(folder) if folder else None


def _cache_folder(config_file: str | None, *names: str) -> str | None:
    """A folder of the project's `.cache/`, made if need be; None where none can be."""
    if not config_file or not os.path.isfile(config_file):
        return None
    folder = os.path.join(os.path.dirname(config_file), ".cache", *names)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


class StoriesRead(dict):
    """Stories as the last build read them, by what their reading depends on (the keys
    `site.load_site` makes). `keep` writes back only the stories this build used."""

    def __init__(self, config_file: str | None) -> None:
        super().__init__()
        folder = _cache_folder(config_file, "stories")
        self.file = os.path.join(folder, f"{READING_CODE}.pickle") if folder else None
        self.used: set[bytes] = set()
        self.changed = False
        if self.file and os.path.isfile(self.file):
            try:
                with open(self.file, "rb") as stored:
                    self.update(pickle.load(stored))
            except Exception:  # unreadable or from another Python: read every story
                self.clear()

    def get(self, key, default=None):
        self.used.add(key)
        return super().get(key, default)

    def __setitem__(self, key, value) -> None:
        self.used.add(key)
        self.changed = True
        super().__setitem__(key, value)

    def keep(self) -> None:
        """Write back the stories this build used; a build never fails for want of it."""
        if not self.file or (not self.changed and self.keys() <= self.used):
            return
        kept = {key: self[key] for key in self.used if key in self}
        partial = f"{self.file}.{os.getpid()}"
        try:
            with open(partial, "wb") as stored:
                pickle.dump(kept, stored, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.file)
            for other in Path(self.file).parent.glob("*.pickle*"):  # older code's: unusable
                if other.name != os.path.basename(self.file):
                    other.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError):  # a full disk: the next build reads again
            Path(partial).unlink(missing_ok=True)


def _reading_code() -> str:
    """A name for the code that reads stories, as this process loaded it (`mkdocs serve`
    keeps it loaded while its files change), and for Python and PyYAML, whose messages
    some problems quote."""
    digest = hashlib.sha256(f"{sys.version} {yaml.__version__}".encode())
    for path in sorted(Path(service_stories.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


READING_CODE = _reading_code()


@contextmanager
def reading(config_file: str | None) -> Iterator[StoriesRead]:
    """The stories the last build read (`StoriesRead`), while the library is read; and no
    collection meanwhile: reading makes objects that live for the whole build and no
    garbage that refcounting leaves (a collection per story found nothing to free, about
    0.17 s at 5,000 stories). Then what was read is kept, and frozen."""
    gc.disable()
    try:
        remembered = StoriesRead(config_file)
        yield remembered
        remembered.keep()
        freeze()
    finally:
        gc.enable()


def freeze() -> None:
    """Leave what the build has read so far out of the garbage collector's passes: at 1,000
    stories, tens of thousands of objects that every full collection would walk again."""
    gc.freeze()


def unfreeze() -> None:
    gc.unfreeze()
    gc.enable()
