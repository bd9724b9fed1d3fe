"""MkDocs hooks: thin adapters between MkDocs and the `service_stories` package.

MkDocs objects in, domain calls, MkDocs objects out. Everything is read once per
build in `on_files` and kept on the build's own config object, never in module
state, because `mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from html import escape
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from service_stories.csp import with_policy
from service_stories.export import catalog_document, library_document
from service_stories.library import paginate
from service_stories.model import (
    CATALOG_PAGE,
    CHANNELS,
    COVERAGE_PAGE,
    DEFAULT_REVIEW_DAYS,
    LESSON_PAGE,
    OUTCOMES,
    REVIEW_LIST,
)
from service_stories.problems import Problems
from service_stories.project import build_date
from service_stories.reading import LessonPage, PathPage, StoryPage
from service_stories.reading import Page as PlainPage
from service_stories.safety import body_problems, may_hold_markup
from service_stories.schema import json_schema
from service_stories.site import (
    CATALOG,
    HOME,
    LESSONS_INDEX,
    PATHS_INDEX,
    TRAINERS,
    Site,
    load_site,
)
from service_stories.training import review, review_queue

log = logging.getLogger("mkdocs.plugins.service_stories")

_STATE = "service_stories"
_LINK = re.compile(r'(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')


@dataclass(frozen=True)
class _Generated:
    title: str
    template: str
    path_id: str | None = None
    listing: int | None = None  # the page number, for a paged list
    lesson_id: str | None = None  # for the further pages of a lesson's stories


@dataclass(frozen=True)
class _Build:
    site: Site
    files: Files
    display_root: str
    today: date
    generated: dict[str, _Generated]
    story_html: dict[str, str] = field(default_factory=dict)  # filled as pages render
    # A story is a card on many pages; written with addresses from the site's root, a
    # card is the same on every page as deep as another, so it is rendered once per depth.
    cards: dict[tuple, str] = field(default_factory=dict)
    macros: list = field(default_factory=list)  # the template module, once on_env has run

    def card(self, links: _Links, story, reason=None) -> str:
        key = (story.slug, reason, links.depth)
        if key not in self.cards:
            # The macro escapes everything it writes; mark its output as such.
            self.cards[key] = Markup(self.macros[0].story_card(story, reason, links))
        return self.cards[key]

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

    @cached_property
    def stories_with_problems(self) -> list[StoryPage]:
        return self.site.stories_with_problems()


@dataclass(frozen=True)
class _Links:
    """Addresses and names for one page's templates. Stories and lessons are reached by
    way of the site's root (`base_url`), so a link is the same from every page of a
    depth; other pages by the shortest relative address, as MkDocs' `url` filter does."""

    build: _Build
    page_url: str
    depth: str  # the page's base_url: ".", "..", "../.."

    def _from_root(self, src_uri: str) -> str:
        url = self.build.url_of(src_uri)
        return url if self.depth in (".", "") else f"{self.depth}/{url}"

    def story(self, slug: str) -> str:
        return self._from_root(f"{slug}.md")

    def lesson(self, lesson_id: str) -> str:
        return self._from_root(f"lessons/{lesson_id}.md")

    def lesson_title(self, lesson_id: str) -> str:
        lessons = self.build.site.library.lessons
        return lessons[lesson_id].title if lesson_id in lessons else lesson_id

    def page(self, src_uri: str) -> str:
        return get_relative_url(self.build.url_of(src_uri), self.page_url)

    @staticmethod
    def date(day: date) -> str:
        return f"{day.day} {day:%B %Y}"


def _state(config: MkDocsConfig) -> _Build:
    return config[_STATE]


def listing_uri(first: str, number: int) -> str:
    """The source file of page `number` of a paged list whose first page is `first`."""
    folder = "trainers/coverage" if first == TRAINERS else first.removesuffix(".md")
    return first if number == 1 else f"{folder}/{number}.md"


def _generated_pages(site: Site) -> dict[str, _Generated]:
    pages = {
        LESSONS_INDEX: _Generated("Lessons", "lessons.html"),
        PATHS_INDEX: _Generated("Paths", "paths.html"),
    }
    stories = len(site.library.stories)
    for number in range(1, max(1, -(-stories // CATALOG_PAGE)) + 1):
        title = "Catalog" if number == 1 else f"Catalog, page {number}"
        pages[listing_uri(CATALOG, number)] = _Generated(title, "catalog.html", listing=number)
    for number in range(1, max(1, -(-stories // COVERAGE_PAGE)) + 1):
        title = "Trainer's corner" if number == 1 else f"Coverage, page {number}"
        template = "trainers.html" if number == 1 else "coverage.html"
        pages[listing_uri(TRAINERS, number)] = _Generated(title, template, listing=number)
    for lesson in site.library.lessons.values():
        count = -(-len(site.library.by_lesson[lesson.id]) // LESSON_PAGE)
        for number in range(2, count + 1):
            pages[listing_uri(f"lessons/{lesson.id}.md", number)] = _Generated(
                f"{lesson.title}, page {number}", "lesson.html", listing=number, lesson_id=lesson.id
            )
    for path in site.library.paths.values():
        base = f"trainers/{path.id}"
        pages[f"{base}/guide.md"] = _Generated(
            f"Facilitator guide: {path.title}", "guide.html", path.id
        )
        pages[f"{base}/handout.md"] = _Generated(f"Handout: {path.title}", "handout.html", path.id)
    return pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = os.path.dirname(config.config_file_path or "")
    display_root = os.path.relpath(config.docs_dir, project).replace(os.sep, "/")
    markdown = [(file.src_uri, file.content_bytes) for file in files.documentation_pages()]
    today = build_date()
    site = load_site(markdown, display_root, today)
    for problem in site.problems:
        log.warning(str(problem))
    generated = _generated_pages(site)
    for src_uri in generated:
        if files.get_file_from_path(src_uri) is None:
            inclusion = InclusionLevel.NOT_IN_NAV if "/" in src_uri else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    build = _Build(site, files, display_root, today, generated)
    for src_uri, data in _data_files(build, config.site_url or "").items():
        files.append(File.generated(config, src_uri, content=data))
    config[_STATE] = build
    return files


def _data_files(build: _Build, site_url: str) -> dict[str, str]:
    """The library as JSON, and the JSON Schema of a story's front matter."""
    document = library_document(
        build.site.library, lambda src_uri: site_url + build.url_of(src_uri)
    )
    catalog = catalog_document(build.site.library, build.url_of)
    return {
        "catalog.json": json.dumps(catalog, ensure_ascii=False, separators=(",", ":")),
        "stories.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        "story.schema.json": json.dumps(json_schema(), indent=2) + "\n",
    }


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The body as this build read it: each file is read and parsed once, and front
    matter that YAML cannot read never reaches the page as text."""
    record = _state(config).site.pages.get(page.file.src_uri)
    if record is None or (type(record) is PlainPage and not record.problems):
        return None  # an ordinary page: MkDocs reads it, and its metadata, itself
    # The leading blank line tells MkDocs there is no metadata left to look for.
    return "\n" + record.body


def on_env(env, config: MkDocsConfig, files: Files):
    _state(config).macros.append(env.get_template("partials/macros.html").module)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _state(config)
    src_uri = page.file.src_uri
    record = build.site.pages.get(src_uri)
    meta: dict[str, Any] = dict(page.meta)
    if isinstance(record, StoryPage):
        meta = {"title": record.title, "template": "story.html"}
        if record.story:
            meta["description"] = record.story.summary
    elif isinstance(record, LessonPage):
        meta = {"title": record.title, "template": "lesson.html"}
        if record.lesson:
            meta["description"] = record.lesson.summary
    elif isinstance(record, PathPage):
        meta = {"title": record.title, "template": "path.html"}
        if record.path:
            meta["description"] = record.path.summary
    if src_uri in build.generated:
        generated = build.generated[src_uri]
        meta.setdefault("title", generated.title)
        meta["template"] = generated.template
        # Further pages of a list, guides and handouts repeat what search already finds.
        if (generated.listing or 0) > 1 or generated.path_id:
            meta["search"] = {"exclude": True}
        # Wide tables need the room of the table of contents; a handout needs no chrome.
        if generated.template in ("trainers.html", "catalog.html", "coverage.html"):
            meta["hide"] = ["toc"]
        elif generated.template == "handout.html":
            meta["hide"] = ["navigation", "toc"]
    if src_uri == HOME:
        meta["template"] = "home.html"
    # Material writes page.meta.title and .description into the page unescaped.
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    page.meta = meta
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _state(config)
    record = build.site.pages.get(page.file.src_uri)
    if record is None:
        return html
    # Plain Markdown (no HTML, attribute list, entity or link) renders to safe HTML.
    if may_hold_markup(record.body):
        problems = Problems(posixpath.join(build.display_root, record.src_uri))
        html = body_problems(html, record.body, record.body_line, problems)
        for problem in problems.found:
            log.warning(str(problem))
    if isinstance(record, StoryPage) and record.slug in build.in_paths:
        build.story_html[record.slug] = html  # for the handouts
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return with_policy(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return with_policy(output) if template_name.endswith(".html") else output


def _rebase(html: str, from_url: str, to_url: str) -> str:
    """Rewrite the relative links of HTML rendered for one page so they work on another."""

    def rebase(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(from_url, match.group(2)))
        relative = posixpath.relpath(target, to_url)
        if match.group(2).endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f'{match.group(1)}="{relative}"'

    return _LINK.sub(rebase, html)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any):
    build = _state(config)
    library = build.site.library
    record = build.site.pages.get(page.file.src_uri)
    story = record.story if isinstance(record, StoryPage) else None
    generated = build.generated.get(page.file.src_uri)
    path_id = generated.path_id if generated else None
    summary = (
        story
        or (record.lesson if isinstance(record, LessonPage) else None)
        or (record.path if isinstance(record, PathPage) else None)
    )
    lesson = record.lesson if isinstance(record, LessonPage) else None
    if generated and generated.lesson_id:
        lesson = library.lessons[generated.lesson_id]
    listing = None
    if lesson:
        number = generated.listing if generated else 1
        listing = paginate(library.teaching(lesson.id), LESSON_PAGE)[number - 1]
    elif generated and generated.listing:
        size = CATALOG_PAGE if generated.template == "catalog.html" else COVERAGE_PAGE
        listing = paginate(library.by_title, size)[generated.listing - 1]

    links = _Links(build, page.url, context["base_url"])
    context.update(
        listing=listing,
        listing_url=lambda first, number: links.page(listing_uri(first, number)),
        catalog_src=CATALOG,
        coverage_src=TRAINERS,
        review_list=REVIEW_LIST,
        preview={
            "title": record.title if record else (generated.title if generated else None),
            "description": summary.summary if summary else config.site_description,
        },
        library=library,
        record=record,
        story=story,
        lesson=lesson,
        path=record.path if isinstance(record, PathPage) else library.paths.get(path_id or ""),
        positions=library.positions(story.slug) if story else [],
        review=review(story, build.today) if story else None,
        overdue=build.reviews[0],
        never_reviewed=build.reviews[1],
        default_review_days=DEFAULT_REVIEW_DAYS,
        thin_lessons=library.thin_lessons(),
        heat=library.heat,
        stories_with_problems=build.stories_with_problems,
        channels=CHANNELS,
        outcomes=tuple(OUTCOMES),
        links=links,
        url_of=links.page,
        story_url=links.story,
        lesson_url=links.lesson,
        lesson_title=links.lesson_title,
        long_date=links.date,
        card=lambda story, reason=None: build.card(links, story, reason),
        story_html=lambda slug: _rebase(
            build.story_html.get(slug, ""), build.url_of(f"{slug}.md"), page.url
        ),
    )
    return context
