"""The site in German and in Arabic, in Chromium: what the scripts write follows the
language too, nothing breaks (no console error, no request to another host, no serious
axe-core finding), right-to-left pages lay out from the right, and a screenshot of each
kind of page in both languages lands in tests/screenshots/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import axe_script, serving
from builds import ROOT, build_config
from test_languages import PAGES, english_leftovers

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")
expect = playwright_api.expect

SCREENSHOTS = Path(__file__).parent / "screenshots"
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ADDRESSES = {name: path.removesuffix("index.html") for name, path in PAGES.items()}
ADDRESSES["not found"] = "no-such-page/"


@pytest.fixture(scope="module", params=["de", "ar"])
def site(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"browser-{request.param}") / "site"
    build_config(ROOT / "mkdocs.yml", folder, language=request.param)
    with serving(folder) as url:
        yield request.param, url


def watched(browser, url, viewport=DESK, **options):
    context = browser.new_context(base_url=url, viewport=viewport, **options)
    page = context.new_page()
    problems: list[str] = []
    local = urlsplit(url).netloc
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "404" not in m.text and "no-such-page" not in m.location["url"]
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request",
        lambda r: problems.append(r.url) if urlsplit(r.url).netloc not in (local, "") else None,
    )
    return context, page, problems


@pytest.mark.parametrize("name", ADDRESSES)
def test_each_kind_of_page_in_the_language_with_a_screenshot(browser, site, name):
    language, url = site
    SCREENSHOTS.mkdir(exist_ok=True)
    for width, viewport in (("desk", DESK), ("phone", PHONE)):
        context, page, problems = watched(browser, url, viewport)
        page.goto(ADDRESSES[name])
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        shot = SCREENSHOTS / f"{language}-{name.replace(' ', '-')}-{width}.png"
        page.screenshot(path=shot, full_page=True)
        context.close()
        assert problems == []
        assert overflow <= 0, f"{name} scrolls sideways at {width} width"


def visible_text(page) -> list[str]:
    return [
        " ".join(t.split()) for t in page.locator("body").inner_text().splitlines() if t.strip()
    ]


def test_what_the_scripts_write_is_in_the_language_too(browser, site):
    language, url = site
    context, page, problems = watched(browser, url)
    page.goto("catalog/")
    count = page.locator("form.ss-filters output")
    expect(count).to_have_text(re.compile(r"\d"))
    page.locator("select[name=outcome]").select_option("failure")
    page.locator("select[name=channel]").select_option("letter")
    expect(page.locator("[data-ss-empty]")).to_be_visible()
    written = [count.inner_text(), *visible_text(page)]
    page.goto("lego-lost-ninja/")
    question = page.locator(".ss-question").first
    question.locator("button").click()  # no answer chosen
    written.append(question.locator(".ss-feedback").inner_text())
    question.locator("input").first.check()
    question.locator("button").click()
    written.append(question.locator(".ss-feedback").inner_text())
    mark = page.locator("[data-ss-read]")
    written.append(mark.inner_text())
    mark.click()
    written.append(mark.inner_text())
    page.goto("paths/first-week/")
    written.append(page.locator("[data-ss-progress-text]").inner_text())
    page.goto("record/")
    written += visible_text(page)
    context.close()
    assert problems == []
    assert all(text.strip() for text in written)
    assert english_leftovers(written, language) == []


def test_axe_finds_no_serious_violation_in_the_language(browser, site):
    _, url = site
    script = axe_script()
    context = browser.new_context(base_url=url, viewport=DESK, bypass_csp=True)
    page = context.new_page()
    serious = []
    for name in ("home", "story", "catalog", "trainers"):
        page.goto(ADDRESSES[name])
        page.add_script_tag(path=str(script))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious += [
            f"{name}: {v['id']}: " + "; ".join(n["target"][0] for n in v["nodes"])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert serious == []


@pytest.mark.parametrize("site", ["ar"], indirect=True)
def test_right_to_left_pages_lay_out_from_the_right(browser, site):
    _, url = site
    context, page, problems = watched(browser, url)
    page.goto("lego-lost-ninja/")
    article = page.locator("article").bounding_box()
    title = page.locator("article h1").evaluate(
        "h => { const r = document.createRange(); r.selectNodeContents(h);"
        " const b = r.getBoundingClientRect(); return [b.left, b.right]; }"
    )
    right_edge = article["x"] + article["width"]
    assert right_edge - title[1] < 40 and title[0] - article["x"] > 40  # set against the right
    page.goto("catalog/")
    headers = page.locator("table.ss-catalog thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    assert first["x"] > last["x"]  # the first column is the rightmost
    page.goto("trainers/")
    grid = page.locator("table.ss-coverage tbody tr").first
    story, cell = grid.locator("th").bounding_box(), grid.locator("td").first.bounding_box()
    assert story["x"] > cell["x"]
    context.close()
    assert problems == []
