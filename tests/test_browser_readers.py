"""Every reader, every screen: the repository's own site in Chromium, at a phone's width and
a desk's, in both palettes, by keyboard and without JavaScript. Layout, focus, contrast in
every state, the story's contents and its way on through a path. Screenshots of each go to
tests/screenshots/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builds import ROOT
from seeing import CONTRAST_JS, changed_pixels

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")
expect = playwright_api.expect

SCREENSHOTS = Path(__file__).parent / "screenshots"
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desk": DESK, "phone": PHONE}
SCHEMES = ("light", "dark")
STORY = "lego-lost-ninja/"  # a step of a path, with a knowledge check


@pytest.fixture(scope="module")
def site_url(repository_site):
    return repository_site[0]


@pytest.fixture
def open_page(browser, site_url):
    """A page at a width, in a palette, with or without JavaScript."""
    contexts = []

    def make(width="desk", scheme="light", javascript=True):
        context = browser.new_context(
            base_url=site_url,
            viewport=WIDTHS[width],
            color_scheme=scheme,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def shot(page, name: str, **options) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", **options)


def open_catalog(page, address="catalog/"):
    page.goto(address)
    expect(page.locator("form.ss-filters output")).to_have_text(re.compile(r"\S"))


# The catalog


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_phone_the_catalog_is_a_card_per_story(open_page, scheme, javascript):
    page = open_page("phone", scheme, javascript)
    if javascript:
        open_catalog(page)
    else:
        page.goto("catalog/")
    rows = page.locator("table.ss-catalog tbody tr")
    assert rows.count() >= 12
    for index in range(rows.count()):
        row = rows.nth(index)
        card = row.bounding_box()
        title, lessons = row.locator("td").first, row.locator("td").last
        title_box, lessons_box = title.bounding_box(), lessons.bounding_box()
        # The title has a line of its own, as wide as the card; the lessons come below it,
        # and nothing runs off the screen.
        assert title_box["width"] >= card["width"] * 0.8, title.inner_text()
        assert lessons_box["y"] > title_box["y"] + title_box["height"] - 1
        assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"]
    # No word breaks across lines inside a title: each line ends at a space.
    words = rows.first.locator("td a").first.evaluate(
        """link => {
            const range = document.createRange();
            const lines = new Map();
            const text = link.firstChild;
            for (let i = 0; i < text.length; i++) {
                range.setStart(text, i); range.setEnd(text, i + 1);
                const top = Math.round(range.getBoundingClientRect().top);
                lines.set(top, (lines.get(top) || "") + text.data[i]);
            }
            return [...lines.values()];
        }"""
    )
    title = rows.first.locator("td a").first.inner_text()
    assert set(" ".join(line.strip() for line in words).split()) == set(title.split())
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert page.locator("form.ss-filters").is_visible() == javascript
    shot(page, f"catalog-phone-{scheme}{'' if javascript else '-no-script'}", full_page=True)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_at_a_desk_the_catalog_is_a_padded_table_with_row_lines(open_page, scheme):
    page = open_page("desk", scheme)
    open_catalog(page)
    cell = page.locator("table.ss-catalog tbody tr").first.locator("td").nth(2)
    style = cell.evaluate(
        """cell => { const s = getComputedStyle(cell);
            return [parseFloat(s.paddingLeft), parseFloat(s.paddingTop),
                    s.borderTopStyle, parseFloat(s.borderTopWidth)]; }"""
    )
    assert style[0] >= 8 and style[1] >= 6
    assert style[2] == "solid" and style[3] > 0
    year, channel = (cell.bounding_box(), cell.locator("xpath=following-sibling::td[1]"))
    assert channel.bounding_box()["x"] - (year["x"] + year["width"]) >= 0
    assert cell.evaluate("c => c.getBoundingClientRect().width") > 40
    shot(page, f"catalog-desk-{scheme}", full_page=True)


def test_the_catalog_does_not_move_when_its_script_and_data_arrive(open_page):
    page = open_page("phone")
    # The data arrives late, after the page has been drawn.
    page.route(
        "**/catalog.json",
        lambda route: (page.wait_for_timeout(600), route.continue_()),
    )
    open_catalog(page)
    shift = page.evaluate(
        """() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) {
                    if (!entry.hadRecentInput) total += entry.value;
                }
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(total), 300);
        })"""
    )
    assert shift <= 0.01


@pytest.mark.parametrize("width", WIDTHS)
def test_a_filter_that_matches_nothing_says_so_and_clears(open_page, width):
    page = open_page(width)
    every = len(list((ROOT / "stories").glob("*.md"))) - 1  # all but the home page
    open_catalog(page, "catalog/?outcome=failure&channel=letter")
    empty = page.locator("[data-ss-empty]")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("No story matches these filters")
    assert page.locator("output").inner_text() == f"Showing 0 of {every} stories"
    shot(page, f"catalog-empty-{width}")
    empty.get_by_role("button", name="Clear the filters").click()
    expect(empty).to_be_hidden()
    assert page.locator("output").inner_text() == f"Showing {every} of {every} stories"
    assert page.locator("tbody tr:not([hidden])").count() == every
    assert "?" not in page.url
    assert page.evaluate("document.activeElement.name") == "lesson"


# Keyboard focus and contrast

# One of each kind of control a reader can reach with Tab: page, then a locator.
CONTROLS = {
    "skip link": ("", "a.md-skip"),
    "header link": ("", "a.md-header__button.md-logo"),
    "palette toggle": ("", "form[data-md-component=palette] input:checked"),
    "search box": ("", "input.md-search__input"),
    "sidebar link": ("", ".md-sidebar--primary a.md-nav__link >> nth=1"),
    "link in text": (STORY, "article .ss-lede + nav a >> nth=0"),
    "lesson chip": (STORY, "article a.ss-chip >> nth=0"),
    "button": (STORY, "article [data-ss-read]"),
    "radio button": (STORY, "article .ss-question input[type=radio] >> nth=0"),
    "answer to show": (STORY, "article details.ss-answer summary >> nth=0"),
    "filter": ("catalog/", "select[name=lesson]"),
    "sort button": ("catalog/", "button.ss-sort >> nth=0"),
    "text box": ("record/", "input[data-ss-learner]"),
}


def focus_by_keyboard(page, control) -> None:
    """Focus a control as a keyboard reader would: after a key press, so that the browser
    shows focus as it does for Tab (`:focus-visible`)."""
    page.keyboard.press("Shift")
    control.focus()


def ring_of(control):
    """The element that shows the control's focus: for Material's palette toggle, the label
    beside its (invisible) radio button."""
    if control.evaluate("e => e.classList.contains('md-option')"):
        return control.locator("xpath=following-sibling::label[1]")
    return control


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", CONTROLS)
def test_every_kind_of_control_shows_focus_visibly(open_page, kind, scheme):
    address, selector = CONTROLS[kind]
    page = open_page("desk", scheme)
    page.goto(address)
    if address == "catalog/":
        open_catalog(page)
    control = page.locator(selector)
    control.scroll_into_view_if_needed()
    shown = ring_of(control)
    box = (
        shown.bounding_box()
        if kind != "skip link"
        else {"x": 0, "y": 0, "width": 300, "height": 80}
    )
    margin = 8
    clip = {
        "x": max(0, box["x"] - margin),
        "y": max(0, box["y"] - margin),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    page.mouse.move(0, DESK["height"] - 1)
    before = page.screenshot(clip=clip, animations="disabled")
    focus_by_keyboard(page, control)
    assert control.evaluate("e => e === document.activeElement")
    after = page.screenshot(clip=clip, animations="disabled")
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / f"focus-{kind.replace(' ', '-')}-{scheme}.png").write_bytes(after)
    # At least a ring's worth of pixels changes: about the control's outline, once.
    outline = 2 * (min(box["width"], 300) + box["height"])
    assert changed_pixels(before, after) >= outline, kind
    if kind != "skip link" and kind != "search box":  # these change as a whole, not by a ring
        assert shown.evaluate("e => getComputedStyle(e).outlineStyle") != "none", kind
        assert shown.evaluate(CONTRAST_JS, "ring") >= 3, f"{kind}: focus ring contrast"


# What to measure on each page: text in each state, and marks that carry meaning.
TEXT = {
    "": ["a.md-header__button.md-logo", "article a >> nth=0", "article a.ss-card__title"],
    STORY: [
        "article a.ss-chip",
        "article [data-ss-read]",
        "article .ss-question button",
        "article details.ss-answer summary",
        "article .ss-outcome",
        "article .ss-toc summary",
        "article .ss-sources a",
    ],
    "catalog/": ["button.ss-sort", "select[name=lesson]", "article tbody a"],
    "paths/first-week/": ["[data-ss-reset]", "[data-ss-undo]", "article .ss-steps a"],
    "trainers/": ["article table.ss-coverage td.ss-cell--on", "article .ss-heat"],
}


def contrast_in_each_state(page, selector):
    """The lowest contrast of each visible match, at rest, hovered and focused."""
    found = {}
    elements = page.locator(selector)
    for index in range(min(elements.count(), 6)):
        element = elements.nth(index)
        if not element.is_visible():
            continue
        name = f"{selector} #{index}"
        page.mouse.move(0, 0)
        found[f"{name} at rest"] = element.evaluate(CONTRAST_JS, "text")
        element.hover()
        found[f"{name} hovered"] = element.evaluate(CONTRAST_JS, "text")
        page.mouse.move(0, 0)
        focus_by_keyboard(page, element)
        found[f"{name} focused"] = element.evaluate(CONTRAST_JS, "text")
        page.keyboard.press("Shift")
        element.blur()
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("address", TEXT)
def test_text_and_marks_keep_their_contrast_in_every_state(open_page, address, scheme):
    page = open_page("desk", scheme)
    if address == "paths/first-week/":
        # Progress to clear, so that "Start again" shows, then "Undo" once cleared.
        page.goto(STORY)
        page.get_by_role("button", name="Mark as read").click()
    page.goto(address)
    if address == "catalog/":
        open_catalog(page)
    if address == STORY:
        page.locator("details.ss-toc").evaluate("d => d.style.display = 'block'")
    measured = {}
    for selector in TEXT[address]:
        found = contrast_in_each_state(page, selector)
        assert found or address == "paths/first-week/", f"nothing visible matches {selector}"
        measured.update(found)
    if address == "catalog/":
        page.get_by_label("Channel").select_option("letter")
        page.get_by_label("Outcome").select_option("failure")
        measured.update(contrast_in_each_state(page, "[data-ss-empty] button"))
        assert any("data-ss-empty" in name for name in measured)
    if address == "paths/first-week/":
        page.get_by_role("button", name="Start again").click()
        measured.update(contrast_in_each_state(page, "[data-ss-undo]"))
        assert any("data-ss-reset" in name for name in measured)
        assert any("data-ss-undo" in name for name in measured)
    # The coverage grid's marks are graphics (3:1); everything else here is text (4.5:1).
    low = {
        name: ratio
        for name, ratio in measured.items()
        if ratio < (3 if "ss-cell--on" in name else 4.5)
    }
    assert low == {}


def test_on_a_touch_screen_a_tapped_button_does_not_stay_highlighted(browser, site_url):
    context = browser.new_context(
        base_url=site_url, viewport=PHONE, has_touch=True, is_mobile=True, color_scheme="dark"
    )
    page = context.new_page()
    page.goto(STORY)
    button = page.locator("[data-ss-read]")

    def colours():
        return button.evaluate(
            """b => { document.getAnimations().forEach(a => a.finish());
                      const s = getComputedStyle(b); return [s.color, s.backgroundColor]; }"""
        )

    button.tap()
    expect(button).to_have_text(re.compile("Read"))
    tapped = colours()
    button.evaluate("b => b.blur()")
    # Tapped and still focused, it looks as it does at rest: no hover or focus colours stick.
    assert tapped == colours()
    assert button.evaluate(CONTRAST_JS, "text") >= 4.5
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_palette_toggle_works_with_enter_and_space(open_page, scheme):
    page = open_page("desk", scheme)
    page.goto(STORY)
    start = page.evaluate("document.body.dataset.mdColorScheme")
    toggle = page.locator("form[data-md-component=palette] input:checked")
    focus_by_keyboard(page, toggle)
    page.keyboard.press("Space")
    switched = page.evaluate("document.body.dataset.mdColorScheme")
    assert switched != start
    # Focus stays on the toggle one sees, whose label is the one shown.
    label = page.locator("form[data-md-component=palette] input:focus + label")
    expect(label).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == start
    page.keyboard.press("Space")
    assert page.evaluate("document.body.dataset.mdColorScheme") == switched


# Reading a story


def contents_of(page) -> list[tuple[str, str]]:
    """The article's section headings, as (anchor, text)."""
    return page.locator("article h2[id]").evaluate_all(
        "hs => hs.map(h => [h.id, h.textContent.replace('¶', '').trim()])"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_at_a_desk_the_table_of_contents_lists_every_section(open_page, scheme):
    page = open_page("desk", scheme)
    page.goto(STORY)
    headings = contents_of(page)
    assert {"discuss", "check-yourself", "related-stories", "sources"} <= {a for a, _ in headings}
    toc = page.locator(".md-sidebar--secondary nav a.md-nav__link")
    listed = toc.evaluate_all(
        "links => links.map(a => [a.getAttribute('href').slice(1), a.textContent.trim()])"
    )
    assert [entry for entry in listed if entry[0] in dict(headings)] == headings
    assert not page.locator("details.ss-toc").is_visible()  # the sidebar shows it
    shot(page, f"story-desk-{scheme}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_phone_the_story_has_its_contents_and_the_next_step_at_the_end(open_page, scheme):
    page = open_page("phone", scheme)
    page.goto(STORY)
    contents = page.locator("details.ss-toc")
    expect(contents).to_be_visible()
    contents.locator("summary").click()
    listed = contents.locator("a").evaluate_all(
        "links => links.map(a => [a.getAttribute('href').slice(1), a.textContent.trim()])"
    )
    assert listed == contents_of(page)
    shot(page, f"story-phone-{scheme}")
    contents.get_by_role("link", name="Check yourself").click()
    expect(page.locator("#check-yourself")).to_be_in_viewport()
    # At the end of the page: the way on through the path, after the sources.
    end = page.locator("nav.ss-position--end").first
    sources = page.locator("#sources").bounding_box()
    assert end.bounding_box()["y"] > sources["y"]
    next_step = end.get_by_role("link", name=re.compile("Ritz-Carlton"))
    end.scroll_into_view_if_needed()
    shot(page, f"story-end-phone-{scheme}")
    next_step.click()
    expect(page).to_have_url(re.compile("ritz-carlton-joshie-the-giraffe/$"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_screenshots_of_a_wrong_answer_and_of_progress(open_page, width, scheme):
    page = open_page(width, scheme)
    page.goto(STORY)
    question = page.locator(".ss-question").first
    question.get_by_label("It was written to his father rather than to him").check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".ss-feedback")).to_contain_text("Try again")
    question.scroll_into_view_if_needed()
    shot(page, f"quiz-wrong-{width}-{scheme}")
    page.get_by_role("button", name="Mark as read").click()
    page.goto("paths/first-week/")
    page.get_by_role("button", name="Start again").click()
    expect(page.get_by_role("button", name="Undo: bring my progress back")).to_be_visible()
    shot(page, f"path-undo-{width}-{scheme}")


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_without_javascript(open_page, width):
    page = open_page(width, javascript=False)
    for name, address in (("path", "paths/first-week/"), ("story", STORY)):
        page.goto(address)
        shot(page, f"{name}-{width}-no-script", full_page=True)
    assert page.locator(".ss-question button").first.is_hidden()
