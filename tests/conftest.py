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

from browser import launch_chromium, serving
from builds import ROOT, Built, build_config, build_site
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


@pytest.fixture(scope="session")
def repository_site(tmp_path_factory):
    """The repository's own site, built once and served on localhost: (its URL, its folder).
    The browser tests read it; none changes it."""
    folder = tmp_path_factory.mktemp("repository") / "site"
    build_config(ROOT / "mkdocs.yml", folder)
    with serving(folder) as url:
        yield url, folder


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for a module's tests, or a skip (a failure under CI) saying why
    there is none (`browser.launch_chromium`)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")
    with sync_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
