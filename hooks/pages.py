"""Planned pages as MkDocs and the templates meet them: meta, and addresses.

The template contract: every template this site adds gets `view` (the page's view, from
`service_stories.views` or `corner`) and `body` (the page's rendered text), besides what
MkDocs and Material give every template (`page`, `config`, `nav`, `base_url`, ...). Every
template may also use the build-wide `GLOBALS` (cards, fragments, sections, and the site's
words: `words`, `say()`, `count()`, `year_of()`, `script_words()`), and the filter `root`.
`CONTRACT` lists the names each template may use beyond Material's own; a test reads every
template and fails on any other.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
from typing import Any

import material.templates
import scripts
from build_state import Build
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from service_stories import addresses, offline
from service_stories import words as catalogs
from service_stories.csp import DATA_BLOCK
from service_stories.plan import Plan, Planned
from service_stories.words import Words

log = logging.getLogger("mkdocs.plugins.service_stories")
# What every template may use besides its contract: `globals_of` gives them.
GLOBALS = (
    "card", "fragment", "sections", "long_date", "words", "say", "count", "year_of",
    "script_words",
)  # fmt: skip
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


def prepare(page: Page, planned: Planned | None) -> None:
    """The page's meta from its plan, and the sidebar's name for it when it has no title
    of its own (the home page, named in the site's language)."""
    page.meta = meta(planned) if planned else {}
    if planned and planned.nav_title and "title" not in page.meta:
        page.title = planned.nav_title


def meta(planned: Planned) -> dict[str, Any]:
    """The page's meta as Material reads it; Material writes title and description into
    the page unescaped, so they are escaped here."""
    found: dict[str, Any] = {}
    if planned.template:
        found["template"] = planned.template
    if planned.title is not None and not planned.title_from_heading:
        found["title"] = html.escape(planned.title)
    if planned.description:
        found["description"] = html.escape(planned.description)
    if planned.hide:
        found["hide"] = list(planned.hide)
    if not planned.searchable:
        found["search"] = {"exclude": True}
    return found


def add_sections(page: Page, view: Any, words: Words) -> None:
    """The sections the template writes after the body (a view's `sections`) join the
    page's table of contents, after the body's own headings, named in the site's words."""
    sections = getattr(view, "sections", ())
    if not sections or page.toc is None:
        return
    items = page.toc.items
    if items and items[0].level == 1:  # Material lists a top heading's children
        items = items[0].children
    items.extend(_anchor(section, words) for section in sections)


@functools.lru_cache(maxsize=64)
def _anchor(section: Any, words: Words) -> AnchorLink:
    """One entry per section and language, shared by every page's contents (nothing
    changes an entry once made)."""
    return AnchorLink(words[section.words], section.anchor, 2)


@pass_context
def root(context, url: str) -> str:
    """An address from the site's root, written from the page: the same from every page as
    deep, so that parts written with it can be shared between pages."""
    depth = context.get("base_url") or "."
    return url if depth == "." else f"{depth}/{url}"


def words_of(config: MkDocsConfig) -> Words:
    """The site's words in its `theme.language`, from the theme folders' catalogs (the
    project's `overrides/` first); English where there is no catalog for the language.
    Search follows the language too."""
    language = config.theme.get("language") or catalogs.ENGLISH
    scripts.search_in_language(config, language)
    words, found = catalogs.load(config.theme.dirs, language)
    if not found:
        log.info(
            "no catalog for the language %s: the library's own words stay in English "
            "(add overrides/%s/%s.html)",
            language,
            catalogs.CATALOGS.as_posix(),
            language,
        )
    return words


class ShownWords(dict):
    """The site's words as a template shows them: each text message, escaped once for the
    whole build (`words["story.related"]`), and the language's way with numbers
    (`words.number(n)`) and its direction (`words.rtl`)."""

    def __init__(self, words: Words) -> None:
        super().__init__(
            (key, Markup(escape(message)))
            for key, message in words.messages.items()
            if isinstance(message, str)
        )
        self.number = words.number
        self.rtl = words.rtl


class TemplateWords:
    """The site's words as templates use them. `say` and `count` escape what they fill in
    and keep markup given as Markup (a link built in the template); `script_words` writes
    the words a script shows as data, adding each block to the set the policy knows as the
    site's own."""

    def __init__(self, words: Words, data_scripts: set[str]) -> None:
        self.words, self.data_scripts = words, data_scripts
        self.shown = ShownWords(words)
        self.blocks: dict[tuple[str, ...], Markup] = {}
        self.forms: dict[tuple[str, str], Markup] = {}

    def say(self, key: str, **values: Any) -> Markup:
        return self.shown[key].format(**values)

    def count(self, key: str, number: int, **values: Any) -> Markup:
        form = self.words.form(key, number)
        if (key, form) not in self.forms:
            self.forms[key, form] = Markup(escape(form))
        return self.forms[key, form].format(count=self.words.number(number), **values)

    def year_of(self, story: Any) -> str:
        return self.shown["year.undated"] if story.year is None else str(story.year)

    def script_words(self, *keys: str) -> Markup:
        """Each key, or every key under a prefix that ends in a dot (`channel.`), with the
        catalog's locale, as a data block (never code)."""
        if keys not in self.blocks:
            chosen = {"locale": self.words.message("locale")}
            for key in keys:
                words = self.words
                chosen.update(words.subset(key) if key.endswith(".") else {key: words.message(key)})
            data = json.dumps(chosen, ensure_ascii=False).replace("<", "\\u003c")
            self.data_scripts.add(data)
            self.blocks[keys] = Markup(f"<script{DATA_BLOCK}>{data}</script>")
        return self.blocks[keys]


def globals_of(build: Build) -> dict[str, Any]:
    """What every template may use, the same on every page of a build: story cards, the
    frame's parts rendered once (`fragment`), the main sections (for the error page, which
    has no view of its own), the site's words (`TemplateWords`) and how it writes dates."""
    plan, words = build.plan, build.plan.words
    spoken = TemplateWords(words, build.data_scripts)
    sections = {
        "home": plan.url(addresses.HOME).rstrip("/"),  # "." rather than "./"
        "lessons": plan.url(addresses.LESSONS_INDEX),
        "paths": plan.url(addresses.PATHS_INDEX),
        "catalog": plan.url(addresses.catalog()),
    }
    return {
        "card": build.cards.card,
        "fragment": build.frames.fragment,
        "long_date": words.date,
        "sections": sections,
        "words": spoken.shown,
        "say": spoken.say,
        "count": spoken.count,
        "year_of": spoken.year_of,
        "script_words": spoken.script_words,
    }
