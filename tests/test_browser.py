"""What only a browser shows: quizzes, reading progress, the catalog's filters and sorting,
and the handout's printed pages. Chromium, driven by Playwright, against the repository's
own site built and served on localhost."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import pytest
from browser import launch_chromium, serve
from conftest import ROOT

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("browser") / "site"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site)))
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page (empty localStorage) that fails the test on a console error or a
    request to any host but the local server."""
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    local = urlsplit(site_url).netloc
    page.on(
        "request",
        lambda r: (
            errors.append(f"request to {r.url}")
            if urlsplit(r.url).netloc not in (local, "") and not r.url.startswith("data:")
            else None
        ),
    )
    yield page
    context.close()
    assert errors == []


def test_a_quiz_gives_feedback_and_the_explanation(page):
    page.goto("lego-lost-ninja/")
    question = page.locator("form.ss-question").first
    check = question.get_by_role("button", name="Check")
    check.click()
    assert question.locator(".ss-feedback").inner_text() == "Choose an answer first."
    question.get_by_label("It was written to his father rather than to him").check()
    check.click()
    assert question.locator(".ss-feedback").inner_text() == "Not quite: see why below."
    assert question.locator("details").get_attribute("open") is not None
    question.get_by_label("It spoke to him through a character from the toy line").check()
    check.click()
    assert question.locator(".ss-feedback").inner_text() == "Correct."


def test_without_javascript_the_answer_is_in_a_details_element(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("lego-lost-ninja/")
    assert not page.get_by_role("button", name="Check").first.is_visible()
    answer = page.locator("details.ss-answer").first
    assert not answer.get_by_text("Richard wrote to Luka himself").is_visible()
    answer.locator("summary").click()
    assert answer.get_by_text("Richard wrote to Luka himself").is_visible()
    assert "It spoke to him through a character" in answer.inner_text()
    assert not page.get_by_role("button", name="Mark as read").is_visible()
    context.close()


def test_progress_survives_a_reload_and_can_be_reset(page):
    page.goto("lego-lost-ninja/")
    page.get_by_role("button", name="Mark as read").click()
    page.reload()
    assert page.locator("[data-ss-read]").inner_text() == "Read \u2713 (mark as unread)"
    page.goto("paths/first-week/")
    assert page.locator("[data-ss-progress-text]").inner_text() == "1 of 7 done"
    assert page.locator("progress").evaluate("bar => [bar.value, bar.max]") == [1, 7]
    assert page.locator("li.ss-step--done").count() == 1
    page.reload()
    assert page.locator("[data-ss-progress-text]").inner_text() == "1 of 7 done"
    page.get_by_role("button", name="Start again").click()
    assert page.locator("[data-ss-progress-text]").inner_text() == "0 of 7 done"
    page.goto("lego-lost-ninja/")
    assert page.locator("[data-ss-read]").inner_text() == "Mark as read"


def visible_titles(page) -> list[str]:
    return page.locator("table.ss-catalog tbody tr:not([hidden]) td:first-child").all_inner_texts()


def test_the_catalog_filters_by_lesson_and_sorts(page):
    page.goto("catalog/")
    assert len(visible_titles(page)) >= 12
    page.get_by_label("Lesson").select_option("make-leaving-easy")
    assert sorted(visible_titles(page)) == sorted(
        [
            "The AOL cancellation call a customer recorded, and the rep who paid for it",
            "The Comcast call that would not end, and the apology that blamed the rep",
        ]
    )
    assert "lesson=make-leaving-easy" in page.url
    assert (
        page.locator("output").inner_text()
        == f"Showing 2 of {page.locator('tbody tr').count()} stories"
    )
    page.get_by_label("Lesson").select_option("")
    page.get_by_role("button", name="Year").click()
    years = [int(y) for y in page.locator("tbody tr td:nth-child(3)").all_inner_texts()]
    assert years == sorted(years)
    page.get_by_role("button", name="Year").click()
    years = [int(y) for y in page.locator("tbody tr td:nth-child(3)").all_inner_texts()]
    assert years == sorted(years, reverse=True)


def test_the_catalog_reads_its_filters_from_the_address(page):
    page.goto("catalog/?outcome=failure")
    outcomes = page.locator("tbody tr:not([hidden]) td:nth-child(5)").all_inner_texts()
    assert outcomes and set(outcomes) == {"failure"}


def test_the_handout_prints_one_story_per_page(page):
    page.goto("trainers/first-week/handout/")
    stories = page.locator("section.ss-handout-story").count()
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert stories == 7
    assert pages >= stories
    assert not page.locator(".md-sidebar--primary").is_visible()
