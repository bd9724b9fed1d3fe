"""Golden files: the main content of each kind of page the build makes, for a fixture site.

After an intended change to a template, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_build import LESSONS, STORIES, article
from test_training_build import PATHS, QUIZ

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
def site(tmp_path_factory):
    import logging

    from conftest import make_project
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    lego = STORIES["lego.md"].replace("sources:", QUIZ + "sources:")
    files = {**LESSONS, **STORIES, "lego.md": lego, **PATHS}
    project = make_project(tmp_path_factory.mktemp("golden"), files)
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site"))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    return project / "site"


@pytest.mark.parametrize("name, url", PAGES.items(), ids=PAGES.keys())
def test_generated_page_matches_its_golden_file(site, name, url):
    html = (site / url / "index.html").read_text(encoding="utf-8")
    content = article(html) + "</article>\n"
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8")
