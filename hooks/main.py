"""MkDocs hooks: thin adapters between MkDocs and the `service_stories` package.

MkDocs objects in, domain calls, MkDocs objects out. Everything is read once per
build in `on_files` and kept on the build's own config object, never in module
state, because `mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from service_stories.model import CHANNELS, OUTCOMES
from service_stories.reading import LessonPage, StoryPage
from service_stories.site import CATALOG, HOME, LESSONS_INDEX, Site, load_site

log = logging.getLogger("mkdocs.plugins.service_stories")

_STATE = "service_stories"
# Pages the build makes, with their titles and templates.
_GENERATED = {LESSONS_INDEX: "Lessons", CATALOG: "Catalog"}
_TEMPLATES = {HOME: "home.html", LESSONS_INDEX: "lessons.html", CATALOG: "catalog.html"}


@dataclass(frozen=True)
class _Build:
    site: Site
    files: Files

    def url_of(self, src_uri: str) -> str:
        file = self.files.get_file_from_path(src_uri)
        return file.url if file else src_uri


def build_date() -> date:
    """Today, or the day `SOURCE_DATE_EPOCH` names, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _state(config: MkDocsConfig) -> _Build:
    return config[_STATE]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = os.path.dirname(config.config_file_path or "")
    display_root = os.path.relpath(config.docs_dir, project).replace(os.sep, "/")
    markdown = [(file.src_uri, file.content_bytes) for file in files.documentation_pages()]
    site = load_site(markdown, display_root, build_date())
    for problem in site.problems:
        log.warning(str(problem))
    for src_uri in _GENERATED:
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=""))
    config[_STATE] = _Build(site, files)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    src_uri = page.file.src_uri
    record = _state(config).site.pages.get(src_uri)
    meta: dict[str, Any] = dict(page.meta)
    if record is None:
        meta.setdefault("title", _GENERATED.get(src_uri, ""))
    elif isinstance(record, StoryPage):
        meta = {"title": record.title, "template": "story.html"}
        if record.story:
            meta["description"] = record.story.summary
    elif isinstance(record, LessonPage):
        meta = {"title": record.title, "template": "lesson.html"}
        if record.lesson:
            meta["description"] = record.lesson.summary
    if src_uri in _TEMPLATES:
        meta["template"] = _TEMPLATES[src_uri]
    # Material writes page.meta.title and .description into the page unescaped.
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    page.meta = meta
    # Our own reading of the file: front matter MkDocs could not parse never shows as text.
    return record.body if record is not None else markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any):
    build = _state(config)
    library = build.site.library
    record = build.site.pages.get(page.file.src_uri)
    context.update(
        library=library,
        record=record,
        story=record.story if isinstance(record, StoryPage) else None,
        lesson=record.lesson if isinstance(record, LessonPage) else None,
        stories_with_problems=build.site.stories_with_problems(),
        channels=CHANNELS,
        outcomes=tuple(OUTCOMES),
        url_of=build.url_of,
        story_url=lambda slug: build.url_of(f"{slug}.md"),
        lesson_url=lambda lesson_id: build.url_of(posixpath.join("lessons", f"{lesson_id}.md")),
        lesson_title=lambda lesson_id: (
            library.lessons[lesson_id].title if lesson_id in library.lessons else lesson_id
        ),
    )
    return context
