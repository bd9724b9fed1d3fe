"""MkDocs hooks: thin adapters between MkDocs and the `service_stories` package.

A story's journey: its file is read once (`site.load_site`: file → model → library),
the plan decides what every page is (`plan.Plan`), MkDocs renders each body, what
rendering finds is checked (`checks`), and each page's template gets its planned view.
Per-build state lives on the build's own config object, never in module state, because
`mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
import posixpath
from html import escape
from typing import Any

import lms
import pages
import scripts
import speedups
from build_state import Build
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from scripts import Policies
from service_stories import addresses, search
from service_stories.checks import checked_body, checked_links
from service_stories.links import LinkCollector
from service_stories.plan import Plan
from service_stories.project import build_date
from service_stories.site import load_site

log = logging.getLogger("mkdocs.plugins.service_stories")
_STATE, _COLLECTOR = "service_stories", "service_stories_links"


def _build(config: MkDocsConfig) -> Build:
    return config[_STATE]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Records each page's links and anchors as Markdown renders it, for `checked_links`.
    config[_COLLECTOR] = LinkCollector()
    config.markdown_extensions.append(config[_COLLECTOR])
    scripts.use_local_shim(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    display_root = pages.display_root(config)
    with speedups.reading(config.config_file_path) as remembered:  # then frozen for the build
        markdown = [(file.src_uri, file.content_bytes) for file in files.documentation_pages()]
        site = load_site(markdown, display_root, build_date(), remembered)
        for problem in sorted(p for page in site.pages.values() for p in page.problems):
            log.warning(str(problem))
        plan = Plan(site, build_date(), pages.words_of(config), config.use_directory_urls)
        pages.add_generated(files, config, plan)
        config[_STATE] = Build(site, plan, display_root, config[_COLLECTOR])
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The body as this build read it: each file is read once, its front matter strictly,
    so that front matter never reaches the page as text nor its head unchecked."""
    record = _build(config).site.pages.get(page.file.src_uri)
    # The leading blank line tells MkDocs there is no metadata left to look for.
    return None if record is None else "\n" + record.body


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    planned = _build(config).plan.page(page.file.src_uri)
    pages.prepare(page, planned)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = _build(config)
    src_uri, found = page.file.src_uri, build.collector.take()
    if src_uri not in build.site.pages:
        return html
    build.rendered[src_uri] = found
    html = checked_body(build.site, src_uri, html, build.display_root)
    planned = build.plan.page(src_uri)
    if planned and planned.title_from_heading:
        page.meta["title"] = escape(found.title or planned.title or "")
    if planned and planned.keeps_body:
        build.bodies[src_uri] = html  # for the handouts and the packages
    page.markdown = ""  # rendered; the build keeps its own copy of the text (site.pages)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = _build(config)
    env.bytecode_cache = speedups.template_cache(config.config_file_path)
    pages.reach_material(env)
    # Every body is rendered now: links can be checked against every page's anchors.
    sources = {file.src_uri for file in files}
    story_links = checked_links(build.site, build.rendered, sources, build.display_root)
    build.backlinks.update(build.site.library.backlinks(story_links))
    for problem in sorted(p for found in build.site.later.values() for p in found):
        log.warning(str(problem))
    env.filters["root"] = pages.root
    env.globals.update(pages.globals_of(build))
    build.cards.macros = env.get_template("partials/macros.html").module
    build.env, build.policies = env, Policies(env, config, data=build.data_scripts)
    speedups.freeze()  # and now every page read
    return env


@event_priority(100)  # before Material's search plugin indexes `page.content`
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any):
    build = _build(config)
    planned = build.plan.page(page.file.src_uri)
    if planned is None:
        return context
    view = planned.view(build.plan, build.found)
    pages.add_sections(page, view, build.plan.words)
    context.update(view=view, body=page.content, preview=planned.preview(build.found))
    if planned.search_parts:
        lessons = (lesson.title for lesson in view.lessons)  # type: ignore[attr-defined]
        page.content = search.story_text(view.story, lessons, page.content, build.plan.words)  # type: ignore[attr-defined]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    shown = posixpath.join(_build(config).display_root, page.file.src_uri)
    page.content = None  # written: nothing reads it again, and 5,000 of them weigh 25 MB
    return _build(config).policies.apply(output, shown, addresses.depth(page.url))  # type: ignore[union-attr]


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    shown, root = scripts.template_page(config, template_name)
    return _build(config).policies.apply(output, shown, root)  # type: ignore[union-attr]


def on_post_build(config: MkDocsConfig) -> None:
    speedups.unfreeze()
    search.write_worker(config.site_dir)
    lms.write_packages(_build(config), config)
    if (policies := _build(config).policies) and policies.injected:
        raise PluginError(policies.verdict())


def on_build_error(error: Exception) -> None:
    speedups.unfreeze()
