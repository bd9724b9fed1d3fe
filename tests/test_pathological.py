"""Bodies that would make Markdown take minutes are refused before Markdown sees them,
with a message naming the file, and the rest of the site still builds."""

from __future__ import annotations

import pytest
from conftest import story
from test_build import LESSONS, STORIES

LINKS = " ".join(f"[link {n}](story-{n}.md)" for n in range(20_000))
CASES = {
    "links.md": (
        LINKS,
        [
            "stories/links.md:19: body: has 20,000 [ signs, more than 500 (a page needs only a "
            "few links; split a long list of links into several pages)",
            "stories/links.md:19: body: has a block of 557,780 characters with no blank line, "
            "more than 10,000 (break it into paragraphs with blank lines between them)",
        ],
    ),
    "backticks.md": (
        "`" * 100_000,
        [
            "stories/backticks.md:19: body: has a block of 100,001 characters with no blank "
            "line, more than 10,000 (break it into paragraphs with blank lines between them)"
        ],
    ),
    "brackets.md": (
        "\n\n".join(["[" * 50 + " words"] * 2_000),
        [
            "stories/brackets.md:39: body: has 100,000 [ signs, more than 500 (a page needs only "
            "a few links; split a long list of links into several pages)"
        ],
    ),
    "tags.md": (
        "\n\n".join(["<a " * 100] * 10),
        [
            "stories/tags.md:29: body: has 1,000 < signs, more than 500 "
            "(write less HTML: use Markdown for emphasis, lists and links)"
        ],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_pathological_body_is_refused_and_the_site_still_builds(build, name):
    body, expected = CASES[name]
    text = story("Pathological", "exceed-the-ask") + "\n" + body + "\n"
    site = build({**LESSONS, **STORIES, name: text}, strict=False)
    problems = [
        line.split("service_stories:", 1)[-1].split(" ", 1)[-1].strip()
        for line in site.log.splitlines()
        if "stories/" + name in line
    ]
    assert [problem for problem in problems if problem] == expected
    page = site.page(name.removesuffix(".md"))
    assert "This page has problems" in page
    assert "link 19999" not in page


def test_a_body_just_within_the_limits_renders(build):
    body = "\n\n".join(["[a link](lego.md) " * 10 + "words " * 1_500] * 50)
    site = build({**LESSONS, **STORIES, "long.md": story("Long", "exceed-the-ask") + body})
    assert site.page("long").count('href="../lego/"') >= 500
