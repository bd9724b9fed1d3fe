"""A knowledge base on disk: its mkdocs.yml, its docs folder, and checking all of it.

This is what `stories check` runs. It finds the files MkDocs would, reads them with the
same code as the build, and renders bodies with the same Markdown extensions (MkDocs' own
three first, as MkDocs loads them) and the same link collector, without loading MkDocs.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import markdown
import yaml

from . import addresses
from .checks import checked_body, checked_links
from .links import LinkCollector, Rendered
from .plan import Plan
from .problems import Problem
from .safety import may_hold_markup
from .site import Site, load_site
from .words import ENGLISH
from .words import load as load_words

CONFIG_NAME = "mkdocs.yml"
# MkDocs always loads these, before those mkdocs.yml names.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# MkDocs leaves these out of every site: hidden files and folders, and a top `templates/`.
_ALWAYS_EXCLUDED = (".*", "/templates/")


def build_date() -> date:
    """Today, or the day `SOURCE_DATE_EPOCH` names, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the tags MkDocs adds (!ENV, !!python/name:...)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class ProjectError(Exception):
    """The project itself cannot be read: no mkdocs.yml, no docs folder, a bad extension."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    docs_dir: Path
    extensions: list[Any] = field(default_factory=list)
    extension_configs: dict[str, Any] = field(default_factory=dict)
    exclude_docs: str = ""  # mkdocs.yml's patterns, in .gitignore's syntax
    site_name: str = "site"
    theme_dirs: tuple[Path, ...] = ()  # where the site's word catalogs may be: overrides/
    language: str = ENGLISH

    @property
    def display_root(self) -> str:
        return Path(os.path.relpath(self.docs_dir, self.config_file.parent)).as_posix()

    def files(self) -> list[str]:
        """Every file of the docs folder that MkDocs would publish, as `src_uri`s."""
        found = []
        for folder, _, names in os.walk(self.docs_dir, followlinks=True):
            relative = Path(os.path.relpath(folder, self.docs_dir)).as_posix()
            for name in names:
                found.append(name if relative == "." else f"{relative}/{name}")
        excluded = _excluded(found, self.exclude_docs)
        kept = [src_uri for src_uri in found if src_uri not in excluded]
        # Like MkDocs, a README.md beside an index.md is left out.
        return sorted(
            src_uri
            for src_uri in kept
            if not (
                posixpath.basename(src_uri) == "README.md"
                and posixpath.join(posixpath.dirname(src_uri), "index.md") in kept
            )
        )

    def markdown_files(self) -> list[tuple[str, bytes]]:
        """Every Markdown page of the docs folder, as MkDocs sees them."""
        return [
            (src_uri, (self.docs_dir / src_uri).read_bytes())
            for src_uri in self.files()
            if addresses.is_markdown(src_uri)
        ]


def _excluded(src_uris: list[str], patterns: str) -> set[str]:
    """The files MkDocs leaves out: hidden ones, a top `templates/`, and `exclude_docs`."""
    import pathspec  # MkDocs' own matcher for these patterns, installed with it

    spec = pathspec.GitIgnoreSpec.from_lines([*_ALWAYS_EXCLUDED, *patterns.splitlines()])
    return {src_uri for src_uri in src_uris if spec.match_file(src_uri)}


def find_config(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    raise ProjectError(f"no {CONFIG_NAME} here or in any folder above {start}")


def load_project(config_file: Path) -> Project:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ProjectError(f"{config_file}: cannot be read: {error}") from error
    docs_dir = config_file.parent / str(config.get("docs_dir") or "docs")
    if not docs_dir.is_dir():
        raise ProjectError(f"{config_file}: docs_dir {docs_dir} is not a folder")
    extensions, configs = list(BUILTIN_EXTENSIONS), {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = options
    exclude = config.get("exclude_docs") or ""
    name = str(config.get("site_name") or "site")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = theme.get("custom_dir")
    dirs = (config_file.parent / str(custom),) if custom else ()
    language = str(theme.get("language") or ENGLISH)
    return Project(config_file, docs_dir, extensions, configs, str(exclude), name, dirs, language)


def _renderer(project: Project, collector: LinkCollector) -> markdown.Markdown:
    try:
        return markdown.Markdown(
            extensions=[*project.extensions, collector],
            extension_configs=project.extension_configs,
        )
    except Exception as error:  # an extension that is missing or misconfigured
        raise ProjectError(f"{project.config_file}: markdown_extensions: {error}") from error


@dataclass(frozen=True)
class Report:
    site: Site
    problems: list[Problem]

    @property
    def files_with_problems(self) -> int:
        return len({problem.path for problem in self.problems})


def check(project: Project, today: date | None = None) -> Report:
    """Every problem in the project's content, as the build would report it."""
    files = project.files()
    sources = [(uri, (project.docs_dir / uri).read_bytes()) for uri in files]
    markdown_files = [(uri, raw) for uri, raw in sources if addresses.is_markdown(uri)]
    site = load_site(markdown_files, project.display_root, today or build_date())
    collector = LinkCollector()
    renderers: list[markdown.Markdown] = []

    def render(src_uri: str) -> Rendered:
        if not renderers:
            renderers.append(_renderer(project, collector))
        renderer = renderers[0]
        renderer.reset()
        html = renderer.convert(site.pages[src_uri].body)
        found = collector.take()
        checked_body(site, src_uri, html, project.display_root)
        return found

    # Only a body with markup, an entity or a link can hold a problem once rendered; other
    # pages are rendered when a link needs their anchors.
    rendered = {uri: render(uri) for uri, page in site.pages.items() if may_hold_markup(page.body)}
    words, _ = load_words(project.theme_dirs, project.language)
    every_file = {*files, *Plan(site, today or build_date(), words).pages}
    checked_links(site, rendered, every_file, project.display_root, render=render)
    return Report(site, site.problems)
