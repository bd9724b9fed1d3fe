"""Golden files: the main content of each kind of page the build makes, for a fixture site.

After an intended change to a template, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from html_checks import article

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "home": "",
    "lessons-index": "lessons",
    "lesson": "lessons/personalize-the-reply",
    "story": "lego",
    "story-with-backlinks": "giraffe-bread",
    "catalog": "catalog",
    "paths-index": "paths",
    "path": "paths/first-week",
    "trainers": "trainers",
    "facilitator-guide": "trainers/first-week/guide",
    "handout": "trainers/first-week/handout",
}


@pytest.fixture(scope="module")
def site(library_site):
    return library_site.site


@pytest.mark.parametrize("name, url", PAGES.items(), ids=PAGES.keys())
def test_generated_page_matches_its_golden_file(site, name, url):
    html = (site / url / "index.html").read_text(encoding="utf-8")
    content = article(html) + "</article>\n"
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8")
