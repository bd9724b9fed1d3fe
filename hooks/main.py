"""MkDocs hooks: thin adapters between MkDocs and the `service_stories` package.

MkDocs objects in, domain calls, MkDocs objects out. Everything is read once per
build in `on_files` and kept on the build's own config object, never in module
state, because `mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import posixpath
from html import escape
from typing import Any

import jinja2
import material.templates
from build_state import Build, Generated, Links, rebase
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
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
from service_stories.training import review

log = logging.getLogger("mkdocs.plugins.service_stories")

_STATE = "service_stories"
MATERIAL_TEMPLATES = os.path.dirname(material.templates.__file__)


def _state(config: MkDocsConfig) -> Build:
    return config[_STATE]


def listing_uri(first: str, number: int) -> str:
    """The source file of page `number` of a paged list whose first page is `first`."""
    folder = "trainers/coverage" if first == TRAINERS else first.removesuffix(".md")
    return first if number == 1 else f"{folder}/{number}.md"


def _generated_pages(site: Site) -> dict[str, Generated]:
    pages = {
        LESSONS_INDEX: Generated("Lessons", "lessons.html"),
        PATHS_INDEX: Generated("Paths", "paths.html"),
    }
    stories = len(site.library.stories)
    for number in range(1, max(1, -(-stories // CATALOG_PAGE)) + 1):
        title = "Catalog" if number == 1 else f"Catalog, page {number}"
        pages[listing_uri(CATALOG, number)] = Generated(title, "catalog.html", listing=number)
    for number in range(1, max(1, -(-stories // COVERAGE_PAGE)) + 1):
        title = "Trainer's corner" if number == 1 else f"Coverage, page {number}"
        template = "trainers.html" if number == 1 else "coverage.html"
        pages[listing_uri(TRAINERS, number)] = Generated(title, template, listing=number)
    for lesson in site.library.lessons.values():
        count = -(-len(site.library.by_lesson[lesson.id]) // LESSON_PAGE)
        for number in range(2, count + 1):
            pages[listing_uri(f"lessons/{lesson.id}.md", number)] = Generated(
                f"{lesson.title}, page {number}", "lesson.html", listing=number, lesson_id=lesson.id
            )
    for path in site.library.paths.values():
        base = f"trainers/{path.id}"
        pages[f"{base}/guide.md"] = Generated(
            f"Facilitator guide: {path.title}", "guide.html", path.id
        )
        pages[f"{base}/handout.md"] = Generated(f"Handout: {path.title}", "handout.html", path.id)
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
    build = Build(site, files, display_root, today, generated)
    for src_uri, data in _data_files(build, config.site_url or "").items():
        files.append(File.generated(config, src_uri, content=data))
    config[_STATE] = build
    _keep_out_of_collections()
    return files


def _keep_out_of_collections() -> None:
    """Leave what the build has read so far out of the garbage collector's passes.

    The library and the pages live until the build ends, yet every full collection
    would walk them all again: at 1,000 stories, tens of thousands of objects, many
    times a build. `on_post_build` (or `on_build_error`) hands them back.
    """
    gc.freeze()


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()


def on_build_error(error: Exception) -> None:
    gc.unfreeze()


def _data_files(build: Build, site_url: str) -> dict[str, str]:
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


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = _state(config)
    env.bytecode_cache = _template_cache(config)
    # `material/partials/x.html` is Material's own partial, for overrides that wrap one.
    env.loader = ChoiceLoader(
        [env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})]
    )
    env.globals.update(_build_globals(build), fragment=build.fragment)
    build.macros.append(env.get_template("partials/macros.html").module)
    _keep_out_of_collections()  # and now every page read
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


def _lesson_and_listing(build: Build, record, generated: Generated | None):
    """The lesson a page shows, if any, and the page of a long list it shows, if any."""
    library = build.site.library
    lesson = record.lesson if isinstance(record, LessonPage) else None
    if generated and generated.lesson_id:
        lesson = library.lessons[generated.lesson_id]
    if lesson:
        number = generated.listing if generated else 1
        return lesson, paginate(library.teaching(lesson.id), LESSON_PAGE)[number - 1]
    if generated and generated.listing:
        size = CATALOG_PAGE if generated.template == "catalog.html" else COVERAGE_PAGE
        return None, paginate(library.by_title, size)[generated.listing - 1]
    return None, None


def _template_cache(config: MkDocsConfig) -> FileSystemBytecodeCache | None:
    """Jinja's compiled templates, kept between builds in the project's `.cache/` (where
    Material's plugins keep theirs): compiling every template again costs each build,
    and each `mkdocs serve` rebuild, about 0.2 s. Jinja recompiles a changed template;
    a folder per Jinja version keeps another version's code from being reused."""
    config_file = config.config_file_path or ""
    if not os.path.isfile(config_file):
        return None  # a configuration from standard input: no project folder to use
    folder = os.path.join(
        os.path.dirname(config_file), ".cache", "templates", f"jinja2-{jinja2.__version__}"
    )
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    # A read-only checkout builds without the cache rather than failing on a write.
    return FileSystemBytecodeCache(folder) if os.access(folder, os.W_OK) else None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any):
    build = _state(config)
    library = build.site.library
    record = build.site.pages.get(page.file.src_uri)
    generated = build.generated.get(page.file.src_uri)
    story = record.story if isinstance(record, StoryPage) else None
    path = record.path if isinstance(record, PathPage) else None
    if generated and generated.path_id:
        path = library.paths.get(generated.path_id)
    lesson, listing = _lesson_and_listing(build, record, generated)
    described = story or lesson or (path if isinstance(record, PathPage) else None)
    links = Links(build, page.url, context["base_url"])
    context.update(
        record=record,
        story=story,
        lesson=lesson,
        path=path,
        listing=listing,
        preview={
            "title": record.title if record else (generated.title if generated else None),
            "description": described.summary if described else config.site_description,
        },
        positions=library.positions(story.slug) if story else [],
        review=review(story, build.today) if story else None,
        links=links,
        card=lambda story, reason=None: build.card(links, story, reason),
        story_html=lambda slug: rebase(
            build.story_html.get(slug, ""), build.url_of(f"{slug}.md"), page.url
        ),
        **_page_helpers(links),
    )
    return context


def _build_globals(build: Build) -> dict[str, Any]:
    """What every template may use that is the same on every page of a build."""
    library = build.site.library
    return dict(
        library=library,
        overdue=build.reviews[0],
        never_reviewed=build.reviews[1],
        stories_with_problems=build.stories_with_problems,
        catalog_src=CATALOG,
        coverage_src=TRAINERS,
        review_list=REVIEW_LIST,
        default_review_days=DEFAULT_REVIEW_DAYS,
        thin_lessons=library.thin_lessons(),
        heat=library.heat,
        channels=CHANNELS,
        outcomes=tuple(OUTCOMES),
        long_date=Links.date,
    )


def _page_helpers(links: Links) -> dict[str, Any]:
    """Addresses and names, as the page's templates write them."""
    return dict(
        listing_url=lambda first, number: links.page(listing_uri(first, number)),
        url_of=links.page,
        story_url=links.story,
        lesson_url=links.lesson,
        lesson_title=links.lesson_title,
    )
