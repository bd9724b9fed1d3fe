"""How sure a story is (`evidence`): read by its own rules, said in plain words on the story,
marked on cards and in the catalog, filterable with and without JavaScript, counted in the
trainer's corner, and carried by stories.json."""

from __future__ import annotations

import json

import pytest
from html_checks import parse, text_of
from library_fixtures import TODAY, library_files, story
from service_stories.reading import read_story

LESSONS = {"personalize-the-reply", "exceed-the-ask", "own-the-mistake"}


def anecdote(year: bool = False) -> str:
    text = story("A mechanic's note", "exceed-the-ask", company="A repair shop")
    text = text.replace("outcome: delight", "outcome: delight\nevidence: anecdote")
    return text if year else text.replace("year: 2014\n", "")


def internal() -> str:
    text = story("Our own refund case", "own-the-mistake", company="Our team", outcome="recovery")
    text = text.replace("outcome: recovery", "outcome: recovery\nevidence: internal")
    return text.replace("    publisher: The Daily Example\n", "    publisher: Ticket 4521\n")


def problems(text: str) -> list[str]:
    page = read_story("story.md", text.encode(), "stories", LESSONS, TODAY)
    return [str(problem) for problem in page.problems]


def test_an_anecdote_may_leave_out_its_year_and_is_undated():
    page = read_story("story.md", anecdote().encode(), "stories", LESSONS, TODAY)
    assert page.problems == ()
    assert (page.story.evidence, page.story.year) == ("anecdote", None)


def test_any_other_story_needs_its_year_and_is_told_how_to_mark_an_anecdote():
    reported = anecdote().replace("evidence: anecdote\n", "")
    assert problems(reported) == [
        "stories/story.md:2: year: is missing (add a line such as year: 2026, "
        "or evidence: anecdote for a story told without a date)"
    ]
    assert problems(internal().replace("year: 2014\n", "")) == [
        "stories/story.md:2: year: is missing (add a line such as year: 2026, "
        "or evidence: anecdote for a story told without a date)"
    ]


def test_a_story_is_reported_unless_it_says_otherwise():
    page = read_story(
        "story.md", story("Plain", "exceed-the-ask").encode(), "stories", LESSONS, TODAY
    )
    assert page.story.evidence == "reported"
    assert read_story("s.md", internal().encode(), "stories", LESSONS, TODAY).story.evidence == (
        "internal"
    )


@pytest.mark.parametrize(
    "written, message",
    [
        (
            "evidence: rumour",
            "stories/story.md:7: evidence: `rumour` is not a kind of evidence "
            "(use one of the kinds of evidence: reported, anecdote, internal)",
        ),
        (
            "evidence: anecdotal",
            "stories/story.md:7: evidence: `anecdotal` is not a kind of evidence "
            "(did you mean anecdote?)",
        ),
        (
            "evidence: [anecdote]",
            "stories/story.md:7: evidence: is a list, not text (write a single value)",
        ),
    ],
)
def test_a_wrong_kind_of_evidence_says_what_is_wrong_and_how_to_fix_it(written, message):
    text = anecdote(year=True).replace("evidence: anecdote", written)
    assert problems(text) == [message]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from builds import build_project, make_project

    files = {**library_files(), "mechanic.md": anecdote(), "refund.md": internal()}
    return build_project(make_project(tmp_path_factory.mktemp("evidence"), files))


def test_the_story_says_how_sure_it_is_near_the_top(site):
    page = parse(site.page("mechanic"))
    note = page.css_first("article .ss-evidence-note")
    assert note.text().startswith("An anecdote: told by one secondary account (The Daily Example)")
    facts = text_of(page.css_first("article dl.ss-facts").html)
    assert "Year undated" in facts
    assert (
        "One of our own cases" in parse(site.page("refund")).css_first(".ss-evidence-note").text()
    )
    assert parse(site.page("lego")).css_first(".ss-evidence-note") is None


def test_cards_and_the_catalog_mark_what_is_not_reported(site):
    lesson = parse(site.page("lessons/exceed-the-ask"))
    marks = [node.text() for node in lesson.css("article .ss-card .ss-evidence")]
    assert marks == ["anecdote"]
    catalog = parse(site.page("catalog"))
    rows = {
        row.css_first("td a").text(): row.attributes["data-evidence"]
        for row in catalog.css("table.ss-catalog tbody tr")
    }
    assert rows["A mechanic's note"] == "anecdote" and rows["Our own refund case"] == "internal"
    assert rows["LEGO replaces a lost ninja"] == "reported"
    options = [node.attributes["value"] for node in catalog.css("select[name=evidence] option")]
    assert options == ["", "reported", "anecdote", "internal"]


def test_without_javascript_each_kind_has_a_catalog_of_its_own(site):
    catalog = parse(site.page("catalog"))
    links = {a.text(): a.attributes["href"] for a in catalog.css("nav.ss-evidence-nav a")}
    assert links == {"anecdotes (1)": "anecdote/", "the team's own cases (1)": "internal/"}
    anecdotes = parse(site.page("catalog/anecdote"))
    titles = [a.text() for a in anecdotes.css("table.ss-catalog tbody td:first-child a")]
    assert titles == ["A mechanic's note"]
    form = anecdotes.css_first("form[data-ss-filters]")
    assert form.attributes["data-ss-preset"] == "evidence=anecdote"  # the script starts there
    assert anecdotes.css_first("h1").text() == "Catalog: anecdotes"


def test_the_trainers_corner_counts_each_kind(site):
    counts = parse(site.page("trainers")).css("ul.ss-evidence-counts li")
    assert [" ".join(item.text().split()) for item in counts] == [
        "Reported stories: 3",
        "Anecdotes: 1",
        "The team's own cases: 1",
    ]


def test_stories_json_and_the_catalog_data_carry_it(site):
    data = json.loads((site.site / "stories.json").read_text(encoding="utf-8"))
    found = {entry["slug"]: (entry["evidence"], entry["year"]) for entry in data["stories"]}
    assert found["mechanic"] == ("anecdote", None)
    assert found["refund"] == ("internal", 2014)
    assert found["lego"] == ("reported", 2013)
    rows = json.loads((site.site / "catalog.json").read_text(encoding="utf-8"))["stories"]
    assert {row[1]: row[7] for row in rows}["A mechanic's note"] == "anecdote"


def test_a_library_of_reported_stories_only_has_no_evidence_filter(library_site):
    catalog = parse(library_site.page("catalog"))
    assert catalog.css_first("select[name=evidence]") is None
    assert catalog.css_first("nav.ss-evidence-nav") is None
