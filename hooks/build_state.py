"""The state of one build, for the hooks: what was read, the pages made, addresses.

Kept on the build's own config object by `main.on_files`, never in module state,
because `mkdocs serve` keeps the hook modules loaded between rebuilds.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url
from service_stories import addresses
from service_stories.csp import Policy
from service_stories.links import Rendered
from service_stories.plan import Generated
from service_stories.reading import StoryPage
from service_stories.site import Site
from service_stories.training import review_queue

_LINK = re.compile(r'(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')


@dataclass(frozen=True)
class Build:
    site: Site
    files: Files
    display_root: str
    today: date
    generated: dict[str, Generated]
    story_html: dict[str, str] = field(default_factory=dict)  # filled as pages render
    # A story is a card on many pages; written with addresses from the site's root, a
    # card's parts are the same on every page as deep as another: rendered once per depth.
    cards: dict[tuple, str] = field(default_factory=dict)
    macros: list = field(default_factory=list)  # the template module, once on_env has run
    fragments: dict[tuple, str] = field(default_factory=dict)
    rendered: dict[str, Rendered] = field(default_factory=dict)  # each body's links, anchors
    backlinks: dict[str, list] = field(default_factory=dict)  # once every body is rendered
    env: list = field(default_factory=list)  # the Jinja environment, once on_env has run
    policies: dict[str, Policy] = field(default_factory=dict)  # by the pages' base_url
    injected: list[str] = field(default_factory=list)  # pages that held a foreign script

    def policy(self, base_url: str, known: Callable[[str], list[str]]) -> Policy:
        """The policy of the pages at one depth: the scripts the templates write there."""
        if base_url not in self.policies:
            self.policies[base_url] = Policy.allowing(known(base_url))
        return self.policies[base_url]

    def card(self, links: Links, story, reason=None) -> str:
        macros = self.macros[0]
        # The macros escape everything they write; mark their output as such.
        key = ("story", story.slug, links.depth)
        if key not in self.cards:
            self.cards[key] = Markup(macros.card_story(story, links))
        tail = ("reason", reason, links.depth) if reason else ("summary", story.slug)
        if tail not in self.cards:
            self.cards[tail] = Markup(
                macros.card_reason(reason, links) if reason else macros.card_summary(story)
            )
        return self.cards[key] + self.cards[tail]

    @pass_context
    def fragment(self, context, name: str, *, caller) -> str:
        """A part of the page's frame (`{% call fragment(name) %}...{% endcall %}`),
        rendered once for all the pages of a folder that the nav does not list.

        On those pages (the stories, the lessons) the sidebar, the palette and search
        forms and the footer are the same: nothing in them is active, and their relative
        addresses depend only on the folder. A page the nav lists, or a page above one,
        is rendered in full.
        """
        page, nav = context.get("page"), context.get("nav")
        if page is not None and nav is not None and frame_is_its_own(page, nav):
            return caller()
        folder = posixpath.dirname(page.url.rstrip("/")) if page is not None else None
        key = (name, context.get("base_url"), folder)
        if key not in self.fragments:
            self.fragments[key] = Markup(caller())
        return self.fragments[key]

    @cached_property
    def in_paths(self) -> frozenset[str]:
        """The stories some path includes: only their pages go into handouts."""
        paths = self.site.library.paths.values()
        return frozenset(step.slug for path in paths for step in path.steps)

    @cached_property
    def urls(self) -> dict[str, str]:
        """Each page's address from the site root, by source file; read once all files
        are known (after on_files)."""
        return {file.src_uri: file.url for file in self.files}

    def url_of(self, src_uri: str) -> str:
        return self.urls.get(src_uri, src_uri)

    @cached_property
    def reviews(self):
        return review_queue(self.site.library.stories.values(), self.today)

    def stories_with_problems(self) -> list[tuple[StoryPage, int]]:
        """Each story whose file has problems, with how many (once every body is checked)."""
        problems = self.site.problems_of
        return [(page, len(problems(page.src_uri))) for page in self.site.stories_with_problems()]


def frame_is_its_own(page, nav) -> bool:
    """Whether the nav lists this page (its section shows as active), or a page below it
    (whose address, written from this page, names this page's own folder)."""
    return any(item is page or (page.url and item.url.startswith(page.url)) for item in nav.pages)


@dataclass(frozen=True)
class Links:
    """Addresses and names for one page's templates. Stories and lessons are reached by
    way of the site's root (`base_url`), so a link is the same from every page of a
    depth; other pages by the shortest relative address, as MkDocs' `url` filter does."""

    build: Build
    page_url: str
    depth: str  # the page's base_url: ".", "..", "../.."

    def _from_root(self, src_uri: str) -> str:
        url = self.build.url_of(src_uri)
        return url if self.depth in (".", "") else f"{self.depth}/{url}"

    def story(self, slug: str) -> str:
        return self._from_root(addresses.story(slug))

    def lesson(self, lesson_id: str) -> str:
        return self._from_root(addresses.lesson(lesson_id))

    def lesson_title(self, lesson_id: str) -> str:
        lessons = self.build.site.library.lessons
        return lessons[lesson_id].title if lesson_id in lessons else lesson_id

    def page(self, src_uri: str) -> str:
        return get_relative_url(self.build.url_of(src_uri), self.page_url)

    @staticmethod
    def date(day: date) -> str:
        return f"{day.day} {day:%B %Y}"


def rebase(html: str, from_url: str, to_url: str) -> str:
    """Rewrite the relative links of HTML rendered for one page so they work on another."""

    def rebase(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(from_url, match.group(2)))
        relative = posixpath.relpath(target, to_url)
        if match.group(2).endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f'{match.group(1)}="{relative}"'

    return _LINK.sub(rebase, html)
