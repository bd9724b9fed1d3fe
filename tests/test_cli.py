"""The `stories` command: check and new, as an author runs them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import zipfile

import pytest
from builds import ROOT, make_project
from library_fixtures import LESSONS, STORIES, story
from service_stories.cli import main, slug_of
from service_stories.json_schemas import json_schema
from service_stories.model import CHANNELS

NEW = [
    "new", "LEGO replaces a lost ninja", "--company", "LEGO", "--year", "2013",
    "--channel", "email", "--outcome", "delight",
    "--lessons", "personalize-the-reply, exceed-the-ask",
    "--summary", "A boy lost a minifigure; LEGO's reply came in character.",
    "--source-title", "Lego turns boy's loss into customer service win",
    "--source-publisher", "MSN Money", "--source-date", "2013-01-11",
    "--source-url", "https://example.com/lego",
]  # fmt: skip


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = make_project(tmp_path, {**LESSONS, **STORIES})
    monkeypatch.chdir(folder)
    return folder


def test_check_passes_the_repository(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("No problems: ")


def test_check_prints_every_problem_and_a_count(project, capsys):
    (project / "stories" / "broken.md").write_text(
        story("Broken", "excede-the-ask").replace("year: 2014", "year: soon")
        + "\n<script>alert(1)</script>\n[gone](missing.md)\n",
        encoding="utf-8",
    )
    (project / "stories" / "lessons" / "bad.md").write_text("---\ntitle: [\n---\n")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "stories/broken.md:4: year: `soon` is not a whole number (write a number such as 2026)",
        "stories/broken.md:7: lessons: `excede-the-ask` is not a lesson "
        "(did you mean exceed-the-ask? Or add stories/lessons/excede-the-ask.md)",
        "stories/broken.md:19: body: has a <script> element "
        "(remove it: a story cannot run scripts)",
        "stories/broken.md:20: body: links to `missing.md`, which is not a page in stories/ "
        "(fix the link or remove it)",
        "stories/lessons/bad.md:3: front matter: YAML cannot read this: expected the node "
        "content, but found '<stream end>' (check the indentation, and put a value in double "
        "quotes when it contains ': ' or starts with a character such as * & ! [ { ' \" % @ "
        "or `)",
        "5 problems in 2 files",
    ]


def test_check_finds_the_project_from_a_subfolder_or_its_config(project, capsys, monkeypatch):
    monkeypatch.chdir(project / "stories" / "lessons")
    assert main(["check"]) == 0
    monkeypatch.chdir(project.parent)
    assert main(["check", "--config", str(project / "mkdocs.yml")]) == 0
    assert main(["check"]) == 2
    assert "no mkdocs.yml here or in any folder above" in capsys.readouterr().err


def test_check_prints_the_json_schema(capsys):
    assert main(["check", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == [
        "title",
        "company",
        "channel",
        "outcome",
        "lessons",
        "summary",
        "sources",
    ]
    # The year is required unless the story is an anecdote.
    assert schema["if"] == {
        "properties": {"evidence": {"const": "anecdote"}},
        "required": ["evidence"],
    }
    assert schema["else"] == {"required": ["year"]}
    assert schema["properties"]["evidence"]["enum"] == ["reported", "anecdote", "internal"]
    assert schema["properties"]["channel"]["enum"] == list(CHANNELS)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["sources"]["items"]["required"] == ["title"]


def test_new_writes_a_story_that_passes_check_at_once(project, capsys):
    assert main(NEW) == 0
    written = project / "stories" / "lego-replaces-a-lost-ninja.md"
    assert capsys.readouterr().out == (
        "Wrote stories/lego-replaces-a-lost-ninja.md: write the story under its headings, "
        "then run `stories check`.\n"
    )
    text = written.read_text(encoding="utf-8")
    assert '\ntitle: "LEGO replaces a lost ninja"\n' in text
    assert "## What happened" in text and "## Why it worked" in text and "## Try it" in text
    assert main(["check"]) == 0


def test_new_writes_an_anecdote_without_a_year(project, capsys):
    arguments = [*NEW]
    del arguments[arguments.index("--year") : arguments.index("--year") + 2]
    assert main(arguments) == 2  # a reported story needs its year
    assert "--year" in capsys.readouterr().err
    assert main([*arguments, "--evidence", "anecdote"]) == 0
    text = (project / "stories" / "lego-replaces-a-lost-ninja.md").read_text(encoding="utf-8")
    assert '\nevidence: "anecdote"\n' in text and "\nyear:" not in text
    assert main(["check"]) == 0


def test_new_never_overwrites_a_story(project, capsys):
    assert main(NEW) == 0
    written = project / "stories" / "lego-replaces-a-lost-ninja.md"
    written.write_text("edited", encoding="utf-8")
    capsys.readouterr()
    assert main(NEW) == 1
    assert capsys.readouterr().out == (
        "stories/lego-replaces-a-lost-ninja.md already exists "
        "(choose another title, or edit that file)\n"
    )
    assert written.read_text(encoding="utf-8") == "edited"


def test_new_refuses_bad_values_with_the_messages_of_check(project, capsys):
    arguments = [*NEW]
    arguments[arguments.index("email")] = "e-mail"
    arguments[arguments.index("2013")] = "2031"
    assert main(arguments) == 1
    assert capsys.readouterr().out.splitlines() == [
        "stories/lego-replaces-a-lost-ninja.md:4: year: 2031 is out of range "
        "(use a number from 1800 to 2026)",
        "stories/lego-replaces-a-lost-ninja.md:5: channel: `e-mail` is not a channel "
        "(did you mean email?)",
        "stories/lego-replaces-a-lost-ninja.md was not written",
    ]
    assert not (project / "stories" / "lego-replaces-a-lost-ninja.md").exists()


def test_new_without_a_terminal_names_the_missing_flags(project, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["new", "A title", "--company", "Acme"]) == 2
    assert capsys.readouterr().err == (
        "stories new: give --year, --channel, --outcome, --lessons, --summary, --source-title\n"
    )


def test_new_in_a_terminal_asks_for_what_is_missing(project):
    answers = [
        "",  # how sure: the default, reported
        "2013",
        "letter",
        "delight",
        "personalize-the-reply",
        "A girl wrote in.",
        "Tiger bread is dead",
    ]
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service_stories.cli",
            "new",
            "Tiger bread renamed",
            "--company",
            "Sainsbury's",
        ],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
    )
    os.close(follower)
    output = b""
    for answer in answers:
        while not output.rstrip().endswith(b":"):
            output += os.read(leader, 1024)
        os.write(leader, answer.encode() + b"\n")
        output = b""
    status = process.wait(timeout=30)
    try:
        output = os.read(leader, 4096)
    except OSError:  # the terminal closed with the process
        output = b""
    os.close(leader)
    assert status == 0, output.decode()
    text = (project / "stories" / "tiger-bread-renamed.md").read_text(encoding="utf-8")
    assert 'channel: "letter"' in text and 'summary: "A girl wrote in."' in text


@pytest.mark.parametrize("command", [["--help"], ["check", "--help"], ["new", "--help"]])
def test_help_shows_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(command)
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "usage: stories" in out
    assert "examples:" in out or "--help` for examples" in out


@pytest.mark.parametrize(
    "title, slug",
    [
        ("LEGO replaces a lost ninja", "lego-replaces-a-lost-ninja"),
        ("Sainsbury's “Giraffe” bread!", "sainsbury-s-giraffe-bread"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("!!!", "story"),
        ("word " * 30, "-".join(["word"] * 12)),
    ],
)
def test_slugs(title, slug):
    assert slug_of(title) == slug


@pytest.mark.parametrize(
    "kind, required",
    [("lesson", ["title", "summary"]), ("path", ["title", "audience", "summary", "steps"])],
)
def test_check_prints_the_json_schema_of_lessons_and_paths(capsys, kind, required):
    assert main(["check", "--schema", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$id"] == f"{kind}.schema.json"
    assert schema["required"] == required
    assert schema["additionalProperties"] is False
    assert schema["properties"]["order"]["maximum"] == 10_000


def test_a_lessons_schema_and_the_reader_share_their_limits(tmp_path):
    from service_stories.reading import read_lesson

    schema = json_schema("lesson")
    longest = "x" * schema["properties"]["summary"]["maxLength"]
    text = "---\ntitle: A lesson\nsummary: {}\n---\n\nText.\n"
    assert read_lesson("lessons/a.md", text.format(longest).encode(), "stories").problems == ()
    (problem,) = read_lesson(
        "lessons/a.md", text.format(longest + "x").encode(), "stories"
    ).problems
    assert problem.field == "summary" and "more than 200" in problem.message


def test_bundle_writes_the_offline_copy_under_the_sites_name(project, capsys):
    assert main(["bundle"]) == 0
    written = project / "dist" / "service-stories-offline.zip"
    assert capsys.readouterr().out == (
        f"Wrote {written}: unzip it anywhere and open service-stories/index.html\n"
    )
    names = set(zipfile.ZipFile(written).namelist())
    for name in ("index.html", "lego.html", "search/search_index.js", "catalog-data.js"):
        assert f"service-stories/{name}" in names
    assert "service-stories/assets/javascripts/iframe-worker.js" in names
    assert not any("/lego/index.html" in name for name in names)  # a file per page


def test_bundle_writes_nothing_when_the_build_fails(project, capsys):
    broken = story("Broken", "exceed-the-ask").replace("year: 2014", "year: soon")
    (project / "stories" / "broken.md").write_text(broken, encoding="utf-8")
    assert main(["bundle", "--output", "copy.zip"]) == 1
    error = capsys.readouterr().err
    assert "stories/broken.md:4: year: `soon` is not a whole number" in error
    assert error.endswith("stories bundle: the build failed; nothing was written\n")
    assert not (project / "copy.zip").exists()
