"""Full builds for the training layer: paths, quizzes, reviews and the trainer's corner."""

from __future__ import annotations

import json
import logging
import re

import pytest
from builds import logged
from html_checks import article, parse, text_of
from library_fixtures import PATHS, STORIES, library_files
from mkdocs.exceptions import Abort


@pytest.fixture
def site(library_site):
    return library_site


def test_a_story_shows_its_place_in_every_path(site):
    page = article(site.page("lego"))
    first = page.split('aria-label="First week: step 2 of 3"')[1].split("</nav>")[0]
    assert 'rel="prev"' in first and 'href="../giraffe-bread/"' in first
    assert 'rel="next"' in first and 'href="../kindle/"' in first
    second = page.split('aria-label="Mistakes: step 2 of 2"')[1].split("</nav>")[0]
    assert 'href="../kindle/"' in second and 'rel="next"' not in second
    assert "step" not in text_of(article(site.page("lessons/own-the-mistake")))


def test_the_paths_page_lists_audience_length_and_reading_time(site):
    page = text_of(article(site.page("paths")))
    assert "First week for New agents · 3 stories · 3 min" in page
    assert page.index("First week") < page.index("Mistakes")


def test_a_path_page_shows_steps_in_order_with_summaries_and_progress(site):
    page = article(site.page("paths/first-week"))
    assert (
        page.index('href="../../giraffe-bread/"')
        < page.index('href="../../lego/"')
        < page.index('href="../../kindle/"')
    )
    assert 'data-ss-progress="giraffe-bread lego kindle" hidden' in page
    assert "1 min read" in page and "Tiger bread becomes giraffe bread, in a sentence." in page
    assert "Read one a day." in page


def test_a_quiz_keeps_its_answer_in_details_for_readers_without_javascript(site):
    page = article(site.page("lego"))
    questions = parse(page).css(".ss-question")
    assert [
        (q.tag, q.attributes["data-ss-quiz"], q.attributes["data-ss-question"]) for q in questions
    ] == [
        ("div", "1", "lego/1"),
        ("div", "0 2", "lego/2"),
    ]
    # Not a form: without JavaScript, Enter on a choice submits nothing and reloads nothing.
    assert not parse(page).css("article form")
    assert page.count('type="radio" name="question-1"') == 3
    assert page.count('type="checkbox" name="question-2"') == 3
    answer = questions[1].css_first("details.ss-answer")
    assert "open" not in answer.attributes
    assert answer.css_first("summary").text() == "Show the answer"
    assert (
        "It was in character; It was warm" in answer.text()
        and "Both show in the reply." in answer.text()
    )
    button = questions[0].css_first("button")
    assert (button.attributes["type"], "hidden" in button.attributes, button.text()) == (
        "button",
        True,
        "Check",
    )
    assert "What made the reply personal?" in page


def test_a_reviewed_story_says_when_and_by_whom(site):
    assert "Reviewed 1 June 2026 by Ana" in text_of(article(site.page("lego")))
    assert "Not yet checked against its sources" in text_of(article(site.page("kindle")))


def test_a_story_past_its_review_date_shows_a_needs_review_notice(build, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1812153600")  # 2027-06-05
    page = text_of(article(build(library_files()).page("lego")))
    assert "Needs review" in page
    assert (
        "Last checked against its sources on 1 June 2026 by Ana; it was due again on 1 June 2027."
        in page
    )


def test_the_trainers_corner_shows_coverage_and_review_status(site):
    page = article(site.page("trainers"))
    for slug in ("lego", "giraffe-bread", "kindle"):
        assert f'href="../{slug}/"' in page
    for lesson_id in ("personalize-the-reply", "exceed-the-ask", "own-the-mistake"):
        assert f'href="../lessons/{lesson_id}/"' in page
    counts = re.findall(r'<td class="ss-heat ss-heat--(\d)( ss-heat--thin)?">(\d+)</td>', page)
    assert counts == [("4", "", "2"), ("2", " ss-heat--thin", "1"), ("2", " ss-heat--thin", "1")]
    assert page.count('class="ss-cell--on"') == 4
    never = text_of(page.split('id="never-reviewed"')[1])
    assert "Tiger bread becomes giraffe bread" in never and "no owner" in never
    assert "LEGO replaces" not in never
    assert 'href="first-week/guide/"' in page
    assert 'href="first-week/handout/"' in page


def test_the_facilitator_guide_has_every_question_answer_and_note(site):
    page = text_of(article(site.page("trainers/first-week/guide")))
    assert "Ask what the reply echoed." in page
    assert "What made the reply personal?" in page
    assert "A new figure (right)" in page and "Nothing (right)" not in page
    assert "Why: The reply promised a replacement." in page


def test_the_handout_prints_each_story_with_links_that_still_work(site):
    html = site.page("trainers/first-week/handout")
    page = article(html)
    assert page.count('<section class="ss-handout-story">') == 3
    assert "Something happened." in page
    # The LEGO story's link to the bread story, rebased from /lego/ to the handout.
    assert 'href="../../../giraffe-bread/"' in page
    assert 'data-md-type="navigation" hidden' in html


def test_each_story_in_a_handout_has_ids_of_its_own(build):
    lego = STORIES["lego.md"].replace(
        "Compare [the bread](giraffe-bread.md).", "See [below](#what-happened)."
    )
    html = build({**library_files(), "lego.md": lego}).page("trainers/first-week/handout")
    ids = [node.attributes["id"] for node in parse(html).css("[id]")]
    assert len(ids) == len(set(ids))
    assert {"giraffe-bread-what-happened", "lego-what-happened"} <= set(ids)
    # A link to a section of its own story goes to that story's copy of the section.
    link = parse(html).css_first("section.ss-handout-story a[href^='#']")
    assert link.attributes["href"] == "#lego-what-happened"


def test_a_path_naming_a_missing_story_fails_the_build(build):
    broken = PATHS["paths/mistakes.md"].replace("[kindle, lego]", "[kindel, lego]")
    with logged(logging.WARNING) as lines, pytest.raises(Abort):
        build({**library_files(), "paths/mistakes.md": broken})
    assert (
        "WARNING  mkdocs.plugins.service_stories: stories/paths/mistakes.md:6: steps[1]: "
        "`kindel` is not a story (did you mean kindle? Give the story's file name without .md)"
    ) in lines


def test_search_indexes_a_storys_summary_lessons_discussion_and_check(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    sections = {d["location"]: d for d in index["docs"] if d["location"].startswith("lego/")}
    assert sections["lego/"]["text"] == (
        "<p>LEGO replaces a lost ninja, in a sentence.</p> "
        "<p>Lessons: Speak to the person; Do a little more</p>"
    )
    discuss, check = sections["lego/#discuss"], sections["lego/#check-yourself"]
    assert (discuss["title"], check["title"]) == ("Discuss", "Check yourself")
    assert "What made the reply personal?" in discuss["text"]
    assert (
        "What did LEGO send? Nothing; A new figure; A voucher. The reply promised" in check["text"]
    )
