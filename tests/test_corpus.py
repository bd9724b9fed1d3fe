"""A corpus of broken files, each tried alone beside a valid library, with its exact messages.

The corpus lives in tests/corpus/ (stories/, lessons/ and paths/, as in a docs folder);
tests/corpus/expected.yaml holds the messages each file must produce, word for word.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from builds import build_project, make_project
from library_fixtures import LESSONS, STORIES, TODAY, story
from service_stories.cli import main
from service_stories.project import check, load_project

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
CASES = sorted(
    path.relative_to(CORPUS).as_posix()
    for path in CORPUS.rglob("*")
    if path.is_file() and path.name != "expected.yaml"
)


def docs_path(case: str) -> str:
    """Where a corpus file goes in the docs folder: stories sit at its top."""
    return case.removeprefix("stories/")


def problems_with(tmp_path: Path, files: dict[str, bytes | str]) -> list[str]:
    project = make_project(tmp_path, {**LESSONS, **STORIES, **files})
    report = check(load_project(project / "mkdocs.yml"), today=TODAY)
    return [str(problem) for problem in report.problems]


def test_the_corpus_is_large_and_every_file_has_its_expected_messages():
    assert len(CASES) >= 40
    assert sorted(EXPECTED) == CASES


@pytest.mark.parametrize("case", CASES)
def test_each_broken_file_gives_exactly_its_messages(tmp_path, case):
    content = (CORPUS / case).read_bytes()
    assert problems_with(tmp_path, {docs_path(case): content}) == EXPECTED[case]


def test_a_five_megabyte_story_is_refused_at_once(tmp_path):
    huge = story("Huge", "exceed-the-ask") + "All work and no play. " * 250_000
    assert problems_with(tmp_path, {"huge.md": huge}) == [
        "stories/huge.md:1: file: is 5.5 MB, more than the 1 MB a page may be "
        "(shorten it, or split it into several stories)"
    ]


def test_stories_check_reports_every_broken_file_in_one_run(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path, {**LESSONS, **STORIES})
    for case in CASES:
        target = project / "stories" / docs_path(case)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copy(CORPUS / case, target)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    monkeypatch.chdir(project)
    assert main(["check"]) == 1
    *problems, count = capsys.readouterr().out.splitlines()
    named = {line.split(":", 1)[0] for line in problems}
    assert named >= {f"stories/{docs_path(case)}" for case in CASES if EXPECTED[case]}
    assert count == f"{len(problems)} problems in {len(named)} files"


def test_stories_check_and_the_build_report_the_same_problems(tmp_path, caplog):
    """One code path: over the whole corpus at once, `stories check` and a build log the
    same problems, word for word, and MkDocs adds none of its own."""
    project = make_project(tmp_path, {**LESSONS, **STORIES})
    for case in CASES:
        target = project / "stories" / docs_path(case)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copy(CORPUS / case, target)
    # A folder named like a story is a folder, to the build and to the checker alike.
    (project / "stories" / "folder-named-like-a-story.md").mkdir()
    (project / "stories" / "folder-named-like-a-story.md" / "notes.txt").write_text("Notes.")
    checked = [
        str(problem) for problem in check(load_project(project / "mkdocs.yml"), TODAY).problems
    ]
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_project(project, strict=False)
    logged = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(checked) > len(CASES)
    assert sorted(logged) == sorted(checked)
