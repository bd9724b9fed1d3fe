"""Bodies that would make Markdown take minutes are refused before Markdown sees them,
with a message naming the file, and the rest of the site still builds."""

from __future__ import annotations

import pytest
from library_fixtures import PATHOLOGICAL


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_a_pathological_body_is_refused_and_the_site_still_builds(broken_site, name):
    _, expected = PATHOLOGICAL[name]
    problems = [
        line.split(": ", 1)[1]
        for line in broken_site.log.splitlines()
        if line.startswith("WARNING") and f": stories/{name}:" in line
    ]
    assert problems == expected
    page = broken_site.page(name.removesuffix(".md"))
    assert "This page has problems" in page
    assert "link 19999" not in page


def test_a_body_just_within_the_limits_renders(broken_site):
    assert "stories/long.md" not in broken_site.log
    assert broken_site.page("long").count('href="../lego/"') >= 500
