"""A knowledge base on disk: its mkdocs.yml, its docs folder, and checking all of it.

This is what `stories check` runs. It reads the same files with the same code as the
build and renders bodies with the same Markdown extensions, without loading MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import markdown
import yaml

from .problems import Problem, Problems
from .safety import body_problems, may_hold_markup
from .site import Site, load_site

CONFIG_NAME = "mkdocs.yml"


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

    @property
    def display_root(self) -> str:
        return Path(os.path.relpath(self.docs_dir, self.config_file.parent)).as_posix()

    def markdown_files(self) -> list[tuple[str, bytes]]:
        """Every Markdown file of the docs folder, as MkDocs sees them (no hidden files)."""
        found = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            src_uri = path.relative_to(self.docs_dir).as_posix()
            if not any(part.startswith(".") for part in src_uri.split("/")):
                found.append((src_uri, path.read_bytes()))
        return found


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
    extensions, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            configs[name] = options
    return Project(config_file, docs_dir, extensions, configs)


def _renderer(project: Project) -> markdown.Markdown:
    try:
        return markdown.Markdown(
            extensions=project.extensions, extension_configs=project.extension_configs
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
    site = load_site(project.markdown_files(), project.display_root, today or build_date())
    problems = list(site.problems)
    renderer = None
    for page in site.pages.values():
        if may_hold_markup(page.body):
            renderer = renderer or _renderer(project)
            renderer.reset()
            found = Problems(f"{project.display_root}/{page.src_uri}")
            body_problems(renderer.convert(page.body), page.body, page.body_line, found)
            problems.extend(found.found)
    return Report(site, sorted(problems))
