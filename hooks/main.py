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
from urllib.parse import urlsplit

import jinja2
import material.templates
from build_state import Build, Links, rebase
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from service_stories import addresses
from service_stories.checks import checked_body, checked_links
from service_stories.csp import script_texts
from service_stories.export import catalog_document, library_document
from service_stories.library import paginate
from service_stories.links import LinkCollector
from service_stories.model import (
    CATALOG_PAGE,
    CHANNELS,
    COVERAGE_PAGE,
    DEFAULT_REVIEW_DAYS,
    LESSON_PAGE,
    OUTCOMES,
    REVIEW_LIST,
)
from service_stories.plan import Generated, generated_pages
from service_stories.project import build_date
from service_stories.reading import LessonPage, PathPage, StoryPage
from service_stories.schema import json_schema
from service_stories.site import (
    CATALOG,
    HOME,
    TRAINERS,
    load_site,
)
from service_stories.training import review

log = logging.getLogger("mkdocs.plugins.service_stories")

_STATE = "service_stories"
_COLLECTOR = "service_stories_links"
SCRIPT_PARTIALS = "partials/javascripts"  # where Material keeps the scripts it writes inline
MATERIAL_TEMPLATES = os.path.dirname(material.templates.__file__)


def _state(config: MkDocsConfig) -> Build:
    return config[_STATE]


def listing_uri(first: str, number: int) -> str:
    """The source file of page `number` of a paged list whose first page is `first`."""
    if first == TRAINERS:
        return addresses.coverage(number)
    if first == CATALOG:
        return addresses.catalog(number)
    return addresses.lesson(first.removeprefix(addresses.LESSONS + "/").removesuffix(".md"), number)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Records each page's links and anchors as Markdown renders it, for `checked_links`.
    config[_COLLECTOR] = LinkCollector()
    config.markdown_extensions.append(config[_COLLECTOR])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = os.path.dirname(config.config_file_path or "")
    display_root = os.path.relpath(config.docs_dir, project).replace(os.sep, "/")
    markdown = [(file.src_uri, file.content_bytes) for file in files.documentation_pages()]
    today = build_date()
    site = load_site(markdown, display_root, today)
    for problem in sorted(p for page in site.pages.values() for p in page.problems):
        log.warning(str(problem))
    generated = generated_pages(site.library)
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
    injected = set(_state(config).injected)
    if injected:
        raise PluginError(
            f"{len(injected)} page{'s' * (len(injected) != 1)} held a script that no template "
            "of the site writes (see the errors above), so the build fails"
        )


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
    """The body as this build read it: each file is read and parsed once, its front
    matter strictly, so that front matter never reaches the page as text and none of it
    reaches the page's head unchecked."""
    record = _state(config).site.pages.get(page.file.src_uri)
    if record is None:
        return None  # a page the build makes
    # The leading blank line tells MkDocs there is no metadata left to look for.
    return "\n" + record.body


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = _state(config)
    env.bytecode_cache = _template_cache(config)
    # `material/partials/x.html` is Material's own partial, for overrides that wrap one.
    env.loader = ChoiceLoader(
        [env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})]
    )
    # Every body is rendered now: links can be checked against every page's anchors.
    sources = {file.src_uri for file in files}
    story_links = checked_links(build.site, build.rendered, sources, build.display_root)
    build.backlinks.update(build.site.library.backlinks(story_links))
    for problem in sorted(p for found in build.site.later.values() for p in found):
        log.warning(str(problem))
    env.globals.update(_build_globals(build), fragment=build.fragment)
    build.macros.append(env.get_template("partials/macros.html").module)
    build.env.append(env)
    _keep_out_of_collections()  # and now every page read
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _state(config)
    src_uri = page.file.src_uri
    record = build.site.pages.get(src_uri)
    meta: dict[str, Any] = {}
    if record is not None:
        if not record.title_from_heading:
            meta["title"] = record.title
        if record.description:
            meta["description"] = record.description
        if record.hide:
            meta["hide"] = list(record.hide)
    if isinstance(record, StoryPage):
        meta["template"] = "story.html"
    elif isinstance(record, LessonPage):
        meta["template"] = "lesson.html"
    elif isinstance(record, PathPage):
        meta["template"] = "path.html"
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
        if key in meta:
            meta[key] = escape(meta[key])
    page.meta = meta
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _state(config)
    found = config[_COLLECTOR].take()
    record = build.site.pages.get(page.file.src_uri)
    if record is None:
        return html
    build.rendered[record.src_uri] = found
    html = checked_body(build.site, record.src_uri, html, build.display_root)
    if record.title_from_heading and page.title and "title" not in page.meta:
        # MkDocs took the title from the first heading, as HTML; the head wants text.
        page.meta["title"] = escape(_text_of(page.title))
    if isinstance(record, StoryPage) and record.slug in build.in_paths:
        build.story_html[record.slug] = html  # for the handouts
    return html


def _text_of(html: str) -> str:
    """What a browser shows of a piece of HTML, such as a heading: its text."""
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(html).body
    return " ".join((body.text(deep=True) if body is not None else "").split())


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    shown = posixpath.join(_state(config).display_root, page.file.src_uri)
    return _with_policy(output, config, shown, addresses.depth(page.url))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    project = os.path.dirname(config.config_file_path or "")
    folder = os.path.relpath(config.theme.custom_dir or project, project).replace(os.sep, "/")
    # MkDocs gives the error page the site's own address as its root.
    root = urlsplit(config.site_url or "/").path or "/"
    return _with_policy(output, config, f"{folder}/{template_name}", root)


def _with_policy(output: str, config: MkDocsConfig, shown: str, base_url: str) -> str:
    build = _state(config)
    policy = build.policy(base_url, lambda base: _known_scripts(build.env[0], config, base))
    for script in policy.injected(output):
        build.injected.append(shown)
        log.error(
            f"{shown}:1: page: holds a script that no template of the site writes, "
            f"`{' '.join(script.split())[:80]}` (find where a template writes a value "
            "with | safe or outside autoescape; the page's policy does not let it run)"
        )
    return policy.apply(output)


def _known_scripts(env: Environment, config: MkDocsConfig, base_url: str) -> list[str]:
    """Material's inline scripts (its `partials/javascripts/`, or an override's), as this
    site writes them into a page whose way up to the root is `base_url`."""
    context = {
        "config": config,
        "base_url": base_url,
        "features": config.theme.get("features") or [],
    }
    names = {
        f"{SCRIPT_PARTIALS}/{name}"
        for folder in config.theme.dirs
        if os.path.isdir(os.path.join(folder, SCRIPT_PARTIALS))
        for name in os.listdir(os.path.join(folder, SCRIPT_PARTIALS))
        if name.endswith(".html")
    }
    return [
        code
        for name in sorted(names)
        for code in script_texts(env.get_template(name).render(context))
    ]


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


@event_priority(100)  # before Material's search plugin indexes `page.content`
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any):
    build = _state(config)
    # The page shows its body; search indexes what `page.content` holds from here on.
    context["body"] = page.content
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
    if story:
        search_text = build.env[0].get_template("partials/search-text.html")
        page.content = search_text.render(story=story, body=page.content)
    context.update(
        record=record,
        problems=build.site.problems_of(page.file.src_uri),
        backlinks=build.backlinks.get(story.slug, []) if story else [],
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
        stories_with_problems=build.stories_with_problems(),
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
