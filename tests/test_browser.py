"""What only a browser shows, on the repository's own site built and served on localhost:
no outside request and no console error on any page, search, the catalog's filters and
sorting, quizzes, progress, both palettes, a phone's width, accessibility (axe-core),
the handout's printed pages. Screenshots go to tests/screenshots/ for a person to look at."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser import axe_script, serve
from builds import ROOT, build_site
from library_fixtures import LARGE, LESSONS

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")

SCREENSHOTS = Path(__file__).parent / "screenshots"
PAGES = {
    "home": "",
    "story": "lego-lost-ninja/",
    "lesson": "lessons/personalize-the-reply/",
    "catalog": "catalog/",
    "path": "paths/first-week/",
    "trainers": "trainers/",
    "not-found": "no-such-page/",
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(repository_site):
    return repository_site


@pytest.fixture(scope="module")
def site_url(site):
    return site[0]


def watched(context, site_url: str, expected_404: str | None = None):
    """A page that records console errors and any request to a host but the local one."""
    page = context.new_page()
    problems: list[str] = []
    local = urlsplit(site_url).netloc

    def on_console(message):
        missing_page = expected_404 and message.location.get("url", "").endswith(expected_404)
        if message.type == "error" and not missing_page:
            problems.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "request",
        lambda request: (
            problems.append(f"request to {request.url}")
            if urlsplit(request.url).netloc not in (local, "")
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    return page, problems


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport=DESKTOP)
    page, problems = watched(context, site_url)
    yield page
    context.close()
    assert problems == []


@pytest.mark.parametrize("name", PAGES)
def test_each_page_stays_on_this_host_without_console_errors(browser, site_url, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(base_url=site_url, viewport=viewport)
        page, problems = watched(context, site_url, expected_404=PAGES["not-found"])
        response = page.goto(PAGES[name])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        assert response.status == (404 if name == "not-found" else 200)
        context.close()
        assert problems == []


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_at_a_phones_width(browser, site_url, name):
    context = browser.new_context(base_url=site_url, viewport=PHONE)
    page = context.new_page()
    page.goto(PAGES[name])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0


def test_lesson_chips_wrap_at_a_phones_width(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport=PHONE)
    page = context.new_page()
    page.goto(PAGES["story"])
    rows = (
        page.locator("ul.ss-chips")
        .first.locator("li")
        .evaluate_all("items => new Set(items.map(item => item.offsetTop)).size")
    )
    right = page.locator("ul.ss-chips").first.evaluate("list => list.getBoundingClientRect().right")
    context.close()
    assert rows > 1
    assert right <= PHONE["width"]


def search(page, words: str) -> list[str]:
    """The addresses of every result: Material shows them ten at a time, more as the
    reader scrolls the list."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(words, delay=20)
    page.wait_for_selector(".md-search-result__item")
    items = page.locator(".md-search-result__item")
    shown = 0
    while items.count() > shown:
        shown = items.count()
        items.last.scroll_into_view_if_needed()
        page.wait_for_timeout(200)
    return page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => link.href)"
    )


def test_search_for_giraffe_finds_the_sainsburys_story(page):
    page.goto("")
    found = search(page, "giraffe")
    assert "/sainsburys-giraffe-bread/" in {urlsplit(href).path for href in found}


def test_search_for_a_lesson_finds_its_page(page):
    page.goto("")
    found = search(page, "close the loop")
    assert urlsplit(found[0]).path == "/lessons/close-the-loop/"


def found_paths(page, words: str) -> set[str]:
    page.locator("input.md-search__input").fill("")
    return {urlsplit(href).path.strip("/") for href in search(page, words)}


def front_matter(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


STORY_FILES = sorted((ROOT / "stories").glob("*.md"))


def test_search_finds_a_story_by_any_form_of_a_word(page):
    # Every story that uses the word, in any form and any field, its lessons included.
    using = {
        path.stem
        for path in STORY_FILES
        if path.name != "index.md" and "apolog" in path.read_text(encoding="utf-8").lower()
    }
    assert len(using) >= 6
    page.goto("")
    for form in ("apology", "apologies", "apologise", "apologize", "apologized", "apologised",
                 "apologising"):  # fmt: skip
        assert using <= found_paths(page, form), form


@pytest.mark.parametrize("field", ["summary", "discuss", "quiz"])
def test_search_finds_words_found_only_in_a_summary_a_question_or_a_check(page, field):
    texts = {path.stem: front_matter(path) for path in STORY_FILES if path.name != "index.md"}
    everywhere = " ".join(
        path.read_text(encoding="utf-8").lower() for path in (ROOT / "stories").rglob("*.md")
    )
    word, slug = next(
        (word, slug)
        for slug, (meta, _) in texts.items()
        for word in re.findall(r"[a-z]{7,}", json.dumps(meta.get(field, "")).lower())
        if everywhere.count(word) == 1  # in this field of this story, and nowhere else
    )
    page.goto("")
    assert slug in found_paths(page, word), f"{word} ({field} of {slug})"


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_light_and_dark_palettes_both_render(browser, site_url, scheme, expected):
    context = browser.new_context(base_url=site_url, viewport=DESKTOP, color_scheme=scheme)
    page, problems = watched(context, site_url)
    page.goto(PAGES["story"])
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.screenshot(path=SCREENSHOTS / f"story-{scheme}.png")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") != expected
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    context.close()
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, site_url, name, scheme):
    script = axe_script()
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(
        base_url=site_url, viewport=DESKTOP, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.goto(PAGES[name])
    page.add_script_tag(path=str(script))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def open_catalog(page, address: str = "catalog/") -> None:
    """Open the catalog and wait for its script to load every story and show the filters."""
    page.goto(address)
    # A locator waits from Playwright's own script: a string predicate would be evaluated
    # in the page, which the Content-Security-Policy rightly forbids.
    playwright_api.expect(page.locator("form.ss-filters output")).to_have_text(re.compile(r"\S"))


def visible_links(page) -> list[str]:
    return page.locator("table.ss-catalog tbody tr:not([hidden]) td:first-child a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


def test_the_catalog_filter_by_lesson_shows_exactly_that_lessons_stories(page, site):
    data = json.loads((site[1] / "stories.json").read_text(encoding="utf-8"))
    open_catalog(page)
    for lesson in data["lessons"]:
        page.get_by_label("Lesson").select_option(lesson["id"])
        expected = sorted(f"../{slug}/" for slug in lesson["stories"])
        assert sorted(visible_links(page)) == expected, lesson["id"]
        assert f"lesson={lesson['id']}" in page.url


def test_the_catalog_filters_by_evidence_with_and_without_a_script(page, browser, site):
    data = json.loads((site[1] / "stories.json").read_text(encoding="utf-8"))
    anecdotes = {s["slug"] for s in data["stories"] if s["evidence"] == "anecdote"}
    assert "mechanics-note-after-a-repair" in anecdotes
    open_catalog(page)
    page.locator("select[name=evidence]").select_option("anecdote")
    assert {link.strip("./") for link in visible_links(page)} == anecdotes
    assert "evidence=anecdote" in page.url
    # The catalog of anecdotes starts filtered to them, with the script or without it.
    open_catalog(page, "catalog/anecdote/")
    assert page.locator("select[name=evidence]").input_value() == "anecdote"
    assert {link.strip("./") for link in visible_links(page)} == anecdotes
    context = browser.new_context(base_url=page.url.split("catalog/")[0], java_script_enabled=False)
    plain = context.new_page()
    plain.goto("catalog/")
    plain.get_by_role("link", name=re.compile(r"^anecdotes \(\d+\)$")).click()
    assert {link.strip("./") for link in visible_links(plain)} == anecdotes
    context.close()


def test_the_catalog_sorts_by_a_column(page):
    open_catalog(page)
    assert len(visible_links(page)) >= 12
    page.get_by_role("button", name="Year").click()
    # An undated story (an anecdote) sorts before every year.
    cells = page.locator("tbody tr td:nth-child(3)")
    years = [0 if y == "undated" else int(y) for y in cells.all_inner_texts()]
    assert years == sorted(years) and 0 in years
    page.get_by_role("button", name="Year").click()
    years = [0 if y == "undated" else int(y) for y in cells.all_inner_texts()]
    assert years == sorted(years, reverse=True)
    page.get_by_role("button", name="Company").click()
    companies = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert companies == sorted(companies, key=str.casefold) or companies == sorted(companies)


def test_the_catalog_reads_its_filters_from_the_address(page):
    open_catalog(page, "catalog/?outcome=failure")
    outcomes = page.locator("tbody tr:not([hidden]) td:nth-child(5)").all_inner_texts()
    assert outcomes and set(outcomes) == {"failure"}
    assert page.locator("output").inner_text().startswith(f"Showing {len(outcomes)} of ")


def test_a_wrong_answer_lets_the_reader_try_again_and_the_right_one_explains(page):
    page.goto(PAGES["story"])
    question = page.locator(".ss-question").first
    answer = question.locator("details")
    check = question.get_by_role("button", name="Check")
    check.click()
    assert question.locator(".ss-feedback").inner_text() == "Choose an answer first."
    question.get_by_label("It was written to his father rather than to him").check()
    check.click()
    feedback = question.locator(".ss-feedback").inner_text()
    assert feedback.startswith("Not quite. Try again")
    assert answer.get_attribute("open") is None  # the right answer stays hidden
    assert not answer.get_by_text("Richard wrote to Luka himself").is_visible()
    # Enter on a choice checks it, as in a form, and the page stays where it is.
    choice = question.get_by_label("It spoke to him through a character from the toy line")
    choice.check()
    address = page.url
    choice.press("Enter")
    assert question.locator(".ss-feedback").inner_text() == "Correct."
    assert answer.get_attribute("open") is not None
    assert answer.get_by_text("Richard wrote to Luka himself").is_visible()
    assert page.url == address


def test_the_reader_can_ask_for_the_answer_without_answering(page):
    page.goto(PAGES["story"])
    answer = page.locator(".ss-question").nth(1).locator("details")
    answer.get_by_text("Show the answer").click()
    assert answer.get_attribute("open") is not None


def test_without_javascript_pages_read_normally_and_answers_sit_in_details(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(PAGES["story"])
    assert not page.get_by_role("button", name="Check").first.is_visible()
    assert not page.get_by_role("button", name="Mark as read").is_visible()
    answer = page.locator("details.ss-answer").first
    assert not answer.get_by_text("Richard wrote to Luka himself").is_visible()
    answer.locator("summary").click()
    assert answer.get_by_text("Richard wrote to Luka himself").is_visible()
    # Enter on a choice submits nothing: there is no form to submit.
    page.locator(".ss-question input").first.press("Enter")
    assert page.url.endswith(PAGES["story"])
    page.goto(PAGES["catalog"])
    assert page.locator("tbody tr:visible").count() >= 12
    assert not page.locator("form.ss-filters").is_visible()
    # A path promises no progress it cannot show, and says what to do instead.
    page.goto(PAGES["path"])
    assert not page.locator(".ss-progress").is_visible()
    assert page.get_by_text("need JavaScript, which").is_visible()
    page.goto(PAGES["home"])
    assert not page.get_by_text("with your progress kept in this browser").is_visible()
    context.close()


def test_progress_survives_a_reload_and_starting_again_can_be_undone(page):
    page.goto(PAGES["path"])
    start_again = page.get_by_role("button", name="Start again")
    undo = page.get_by_role("button", name="Undo: bring my progress back")
    assert page.locator("[data-ss-progress-text]").inner_text() == "0 of 7 done"
    assert not start_again.is_visible() and not undo.is_visible()  # nothing to clear
    page.goto(PAGES["story"])
    page.get_by_role("button", name="Mark as read").click()
    page.reload()
    assert page.locator("[data-ss-read]").inner_text() == "Read \u2713 (mark as unread)"
    page.goto(PAGES["path"])
    assert page.locator("[data-ss-progress-text]").inner_text() == "1 of 7 done"
    assert page.locator("progress").evaluate("bar => [bar.value, bar.max]") == [1, 7]
    assert page.locator("li.ss-step--done").count() == 1
    page.reload()
    assert page.locator("[data-ss-progress-text]").inner_text() == "1 of 7 done"
    start_again.click()
    assert page.locator("[data-ss-progress-text]").inner_text() == "0 of 7 done"
    assert not start_again.is_visible()
    undo.click()
    assert page.locator("[data-ss-progress-text]").inner_text() == "1 of 7 done"
    assert page.locator("li.ss-step--done").count() == 1
    assert not undo.is_visible()
    start_again.click()
    page.goto(PAGES["story"])
    assert page.locator("[data-ss-read]").inner_text() == "Mark as read"


def test_the_learners_record_shows_what_was_read_and_answered_and_prints(page, tmp_path):
    page.goto(PAGES["story"])
    page.get_by_role("button", name="Mark as read").click()
    first = page.locator(".ss-question").first
    right = first.get_attribute("data-ss-quiz")  # the right choice's number: one answer
    wrong = "1" if right == "0" else "0"
    for choice in (wrong, right):  # wrong at the first try, then right
        first.locator(f"input[value='{choice}']").check()
        first.get_by_role("button", name="Check").click()
    page.goto("record/")
    row = page.locator("tr[data-ss-record-step='lego-lost-ninja']").first
    # The day, as the site's language writes dates (en_GB: 4 December 2026).
    playwright_api.expect(row.locator("[data-ss-read-on]")).to_have_text(
        re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
    )
    playwright_api.expect(row.locator("[data-ss-checked]")).to_contain_text(
        "0 of 2 right at the first try (1 not answered)"
    )
    summary = page.locator("[data-ss-record-summary]").first
    playwright_api.expect(summary).to_contain_text("1 of 7 stories read")
    page.get_by_label("Your name, for the printout").fill("Ana")
    page.reload()
    playwright_api.expect(page.get_by_label("Your name, for the printout")).to_have_value("Ana")
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Record of Ana, printed on" in text and "not a verified one" in text
    assert "Print or save as PDF" not in text and "Your name, for the printout" not in text


def test_the_content_security_policy_stops_an_injected_script(browser, site_url):
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    refused = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto(PAGES["story"])
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.appendChild(script);
    }""")
    assert page.evaluate("window.injected === undefined")
    context.close()
    assert refused


def test_with_javascript_the_catalog_filters_every_page_at_once(browser, tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("large"), {**LESSONS, **LARGE})
    server, url = serve(built.site)
    context = browser.new_context(base_url=url)
    page, problems = watched(context, url)
    open_catalog(page, "catalog/?lesson=own-the-mistake")
    expected = sum("own-the-mistake" in text for text in LARGE.values())
    assert len(visible_links(page)) == expected
    assert page.locator("tbody tr").count() == len(LARGE)
    assert not page.locator(".ss-pager").first.is_visible()
    context.close()
    server.shutdown()
    server.server_close()
    assert problems == []
