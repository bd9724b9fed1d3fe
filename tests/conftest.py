"""Shared fixtures: fixture sites built with the project's real hooks and templates.

Tests that only read a site share one build per session (`library_site`, `broken_site`,
`hostile_site`); a test that needs a site of its own builds it with `build`. The content
lives in library_fixtures.py and hostile_input.py; building in builds.py.
"""

from __future__ import annotations

import os

import pytest
from library_fixtures import SOURCE_DATE_EPOCH

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)  # 2026-11-22, for stable builds

from builds import Built, build_site
from hostile_input import hostile_files, refused_story
from library_fixtures import broken_files, library_files


@pytest.fixture
def build(tmp_path):
    """Build a fixture site of one's own; returns its folder and everything MkDocs logged."""

    def run(files, *, strict: bool = True, name: str = "site", site_url=None) -> Built:
        return build_site(tmp_path / name, files, strict=strict, site_url=site_url)

    return run


@pytest.fixture(scope="session")
def library_site(tmp_path_factory) -> Built:
    """Three lessons, three stories (one with a quiz and a review) and two paths, built
    strictly: every page kind the build makes."""
    return build_site(tmp_path_factory.mktemp("library"), library_files())


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory) -> Built:
    """The same library with broken files beside it, built without --strict, as
    `mkdocs serve` builds it."""
    files = {**library_files(), **broken_files(), "refused.md": refused_story()}
    return build_site(tmp_path_factory.mktemp("broken"), files, strict=False)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """Injection payloads in every field of every kind of page, built strictly."""
    return build_site(tmp_path_factory.mktemp("hostile"), hostile_files()).site
