"""The offline copy (`stories bundle`), unpacked and opened from the file system in
Chromium: search finds a story, a quiz answers, progress persists from page to page, and
no page logs an error or asks any host for anything."""

from __future__ import annotations

import re
import zipfile

import pytest
from builds import make_project
from library_fixtures import library_files
from service_stories.bundle import bundle
from service_stories.project import load_project

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")
expect = playwright_api.expect


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    project = load_project(make_project(folder, library_files()) / "mkdocs.yml")
    built = bundle(project, folder / "copy.zip", "service-stories")
    assert built.returncode == 0, built.stderr
    zipfile.ZipFile(folder / "copy.zip").extractall(folder / "unpacked")
    return (folder / "unpacked" / "service-stories").as_uri() + "/"


@pytest.fixture
def page(browser, copy):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("file:", "data:", "blob:", "about:"))
            else problems.append(r.url)
        ),
    )
    yield page
    context.close()
    assert problems == []


def test_search_finds_a_story_without_a_server(page, copy):
    page.goto(copy + "lessons/own-the-mistake.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("giraffe", delay=20)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile(r"giraffe-bread\.html"))


def test_a_quiz_answers_and_progress_persists_from_page_to_page(page, copy):
    page.goto(copy + "lego.html")
    question = page.locator(".ss-question").first
    question.get_by_label("A new figure").check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".ss-feedback")).to_have_text("Correct.")
    page.locator("[data-ss-read]").click()
    page.goto(copy + "paths/first-week.html")
    expect(page.locator("[data-ss-progress-text]")).to_have_text("1 of 3 done")


def test_the_catalog_filters_every_story_without_fetching(page, copy):
    page.goto(copy + "catalog.html?lesson=own-the-mistake")
    expect(page.locator("form.ss-filters output")).to_have_text("Showing 1 of 3 stories")
    page.locator("table.ss-catalog tbody tr:not([hidden]) a").first.click()
    expect(page).to_have_url(re.compile(r"kindle\.html$"))
