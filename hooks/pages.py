"""Planned pages as MkDocs and the templates meet them: meta, and addresses.

The template contract: every template this site adds gets `view` (the page's view, from
`service_stories.views` or `corner`) and `body` (the page's rendered text), besides what
MkDocs and Material give every template (`page`, `config`, `nav`, `base_url`, ...). Every
template may also use the build-wide `card()`, `fragment()`, `long_date()` and `sections`,
and the filter `root`. `CONTRACT` lists the names each template may use beyond Material's
own; a test reads every template and fails on any other.
"""

from __future__ import annotations

import os
from datetime import date
from html import escape
from typing import Any

import material.templates
import scripts
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from service_stories import addresses, offline
from service_stories.plan import Plan, Planned

_PAGE = ("view", "body", "card", "long_date")
CONTRACT: dict[str, tuple[str, ...]] = {
    "story.html": _PAGE,
    "lesson.html": _PAGE,
    "lessons.html": _PAGE,
    "path.html": _PAGE,
    "paths.html": _PAGE,
    "home.html": _PAGE,
    "catalog.html": _PAGE,
    "trainers.html": _PAGE,
    "coverage.html": _PAGE,
    "guide.html": _PAGE,
    "handout.html": _PAGE,
    "main.html": ("view", "preview"),
    "404.html": ("sections",),
    "partials/coverage-grid.html": ("grid",),
    "partials/lesson-list.html": ("lessons",),
    "partials/path-list.html": ("paths",),
    "partials/pager.html": ("pager",),
    "partials/macros.html": (),
    "partials/search-text.html": ("view", "body"),
    "package.html": ("view",),
    "record.html": ("view",),
    "partials/story-parts.html": ("long_date",),
}


def display_root(config: MkDocsConfig) -> str:
    """The docs folder as its authors name it in messages: `stories`."""
    project = os.path.dirname(config.config_file_path or "")
    return os.path.relpath(config.docs_dir, project).replace(os.sep, "/")


def reach_material(env: Environment) -> None:
    """`material/partials/x.html` is Material's own partial, for overrides that wrap one."""
    theme = FileSystemLoader(os.path.dirname(material.templates.__file__))
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": theme})])


def add_generated(files: Files, config: MkDocsConfig, plan: Plan) -> None:
    """The pages and data files the plan makes, beside the trainers' files."""
    for src_uri in plan.generated():
        if files.get_file_from_path(src_uri) is None:
            inclusion = InclusionLevel.NOT_IN_NAV if "/" in src_uri else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    data = plan.data(config.site_url or "")
    if scripts.offline(config):
        data[offline.SHIM] = offline.shim_source()
    for name, content in data.items():
        files.append(File.generated(config, name, content=content))


def meta(planned: Planned) -> dict[str, Any]:
    """The page's meta as Material reads it; Material writes title and description into
    the page unescaped, so they are escaped here."""
    found: dict[str, Any] = {}
    if planned.template:
        found["template"] = planned.template
    if planned.title is not None and not planned.title_from_heading:
        found["title"] = escape(planned.title)
    if planned.description:
        found["description"] = escape(planned.description)
    if planned.hide:
        found["hide"] = list(planned.hide)
    if not planned.searchable:
        found["search"] = {"exclude": True}
    return found


def add_sections(page: Page, view: Any) -> None:
    """The sections the template writes after the body (a view's `sections`) join the
    page's table of contents, after the body's own headings."""
    sections = getattr(view, "sections", ())
    if not sections or page.toc is None:
        return
    items = page.toc.items
    if items and items[0].level == 1:  # Material lists a top heading's children
        items = items[0].children
    items.extend(AnchorLink(section.title, section.anchor, 2) for section in sections)


@pass_context
def root(context, url: str) -> str:
    """An address from the site's root, written from the page: the same from every page as
    deep, so that parts written with it can be shared between pages."""
    depth = context.get("base_url") or "."
    return url if depth == "." else f"{depth}/{url}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def globals_of(plan: Plan) -> dict[str, Any]:
    """What every template may use, the same on every page of a build: the main sections
    (for the error page, which has no view of its own), and how dates are written."""
    sections = {
        "home": plan.url(addresses.HOME).rstrip("/"),  # "." rather than "./"
        "lessons": plan.url(addresses.LESSONS_INDEX),
        "paths": plan.url(addresses.PATHS_INDEX),
        "catalog": plan.url(addresses.catalog()),
    }
    return {"long_date": long_date, "sections": sections}
