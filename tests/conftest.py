"""Shared fixtures: small fixture sites built with the project's real hooks and templates."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22, for stable builds

ROOT = Path(__file__).resolve().parent.parent

LESSON = """---
title: {title}
summary: {title}, in one line.
order: {order}
---

## What it is

What a trainer writes about {title}.
"""

STORY = """---
title: {title}
company: {company}
year: {year}
channel: {channel}
outcome: {outcome}
lessons: [{lessons}]
summary: {title}, in a sentence.
sources:
  - title: A report of {title}
    publisher: The Daily Example
    date: 2014-02-06
---

## What happened

{body}
"""


def story(
    title: str,
    lessons: str,
    *,
    company: str = "Acme",
    year: int = 2014,
    channel: str = "email",
    outcome: str = "delight",
    body: str = "Something happened.",
) -> str:
    return STORY.format(
        title=title,
        company=company,
        year=year,
        channel=channel,
        outcome=outcome,
        lessons=lessons,
        body=body,
    )


def lesson(title: str, order: int = 1) -> str:
    return LESSON.format(title=title, order=order)


@dataclass
class Built:
    site: Path
    log: str

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A copy of this project's generator (config, hooks, templates) around the given content."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(
        ROOT / "hooks",
        project / "hooks",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    shutil.copytree(ROOT / "overrides", project / "overrides")
    docs = project / "stories"
    for name, content in {"index.md": "# Home\n\nWelcome.\n", **files}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return project


@pytest.fixture
def build(tmp_path, caplog):
    """Build a fixture site; returns the site folder and everything MkDocs logged."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    def run(
        files: dict[str, str | bytes], *, strict: bool = True, name: str = "site", site_url=None
    ) -> Built:
        project = tmp_path / name
        project.mkdir()
        project = make_project(project, files)
        if site_url:
            with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
                config.write(f"\nsite_url: {site_url}\n")
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            config = load_config(
                str(project / "mkdocs.yml"), strict=strict, site_dir=str(project / "site")
            )
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        return Built(project / "site", caplog.text)

    return run
