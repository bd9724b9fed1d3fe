"""The `stories` command: check the library without building it, and start a new story."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from .bundle import bundle
from .json_schemas import KINDS, json_schema
from .model import CHANNELS, DEFAULT_EVIDENCE, EVIDENCE, OUTCOMES
from .project import Project, ProjectError, build_date, check, find_config, load_project
from .reading import read_story

CHECK_EXAMPLES = """examples:
  stories check                   check the knowledge base in this folder (or above)
  stories check --config site/mkdocs.yml
  stories check --schema > story.schema.json
                                  save the JSON Schema of story front matter
  stories check --schema lesson   print the JSON Schema of a lesson's (or a path's)

Each problem is printed as  stories/<file>:<line>: <field>: <what is wrong> (<how to fix it>)
The exit status is 1 when there is any problem, 0 when there is none."""

NEW_EXAMPLES = """examples:
  stories new "LEGO replaces a lost ninja" --company LEGO --year 2013 --channel email \\
      --outcome delight --lessons personalize-the-reply,match-the-tone \\
      --summary "A boy lost a minifigure and LEGO's reply came in character." \\
      --source-title "Lego turns boy's loss into customer service win" \\
      --source-publisher "MSN Money" --source-date 2013-01-11

  stories new "A mechanic's note" --evidence anecdote ...
                                  an anecdote, told by one secondary account (no year needed)

  stories new "Giraffe bread"     asks how sure the story is and each missing value,
                                  when run in a terminal

Writes stories/<slug-of-the-title>.md with the front matter and the recommended headings.
It never overwrites a story, and refuses bad values with the same messages as check."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except ProjectError as error:
        print(f"stories: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stories",
        description="Check and add to a Service Stories knowledge base.",
        epilog="Run `stories check --help` or `stories new --help` for examples.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _add_check(commands)
    _add_new(commands)
    _add_bundle(commands)
    return parser


BUNDLE_EXAMPLES = """examples:
  stories bundle                  write dist/<site-name>-offline.zip
  stories bundle --output ~/Desktop/stories.zip

Unzip it anywhere and open <site-name>/index.html: the library works without a server or
a network, search, catalog, quizzes and progress included."""


def _add_bundle(commands) -> None:
    bundle = commands.add_parser(
        "bundle",
        help="write the library as a zip to read without a server",
        description="Build a copy of the site that works opened from the file system, and "
        "write it as a zip.",
        epilog=BUNDLE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bundle.add_argument("--output", type=Path, help="the zip to write")
    bundle.add_argument("--config", type=Path, help="the mkdocs.yml (default: found upwards)")
    bundle.set_defaults(run=_bundle)


def _bundle(arguments: argparse.Namespace) -> int:
    project = _project(arguments)
    name = slug_of(project.site_name)
    output = arguments.output or project.config_file.parent / "dist" / f"{name}-offline.zip"
    built = bundle(project, output, name)
    if built.returncode != 0:
        print(built.stderr or built.stdout, end="", file=sys.stderr)
        print("stories bundle: the build failed; nothing was written", file=sys.stderr)
        return 1
    print(f"Wrote {output}: unzip it anywhere and open {name}/index.html")
    return 0


def _add_check(commands) -> None:
    checking = commands.add_parser(
        "check",
        help="validate every story, lesson and path without building the site",
        description="Validate every story, lesson and path, and the links between them, "
        "with the same code the build uses, without building the site.",
        epilog=CHECK_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    checking.add_argument("--config", type=Path, help="the mkdocs.yml (default: found upwards)")
    checking.add_argument(
        "--schema",
        nargs="?",
        const="story",
        choices=tuple(KINDS),
        help="print the JSON Schema of the front matter of a story (the default), a lesson "
        "or a path",
    )
    checking.set_defaults(run=_check)


def _add_new(commands) -> None:
    new = commands.add_parser(
        "new",
        help="write a new story file with its front matter and headings",
        description="Write stories/<slug>.md for a new story.",
        epilog=NEW_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("title", nargs="?", help="the story's title")
    new.add_argument("--company")
    new.add_argument("--year")
    new.add_argument("--channel", help="one of: " + ", ".join(CHANNELS))
    new.add_argument("--outcome", help="one of: " + ", ".join(OUTCOMES))
    new.add_argument(
        "--evidence",
        help="how sure the story is: " + ", ".join(EVIDENCE) + f" (default {DEFAULT_EVIDENCE})",
    )
    new.add_argument("--lessons", help="lesson ids, separated by commas")
    new.add_argument("--summary", help="one or two sentences")
    new.add_argument("--source-title", help="the headline of a report the story rests on")
    new.add_argument("--source-publisher")
    new.add_argument("--source-date", help="YYYY-MM-DD")
    new.add_argument("--source-url", help="the report's real address (http or https)")
    new.add_argument("--config", type=Path, help="the mkdocs.yml (default: found upwards)")
    new.set_defaults(run=_new)


def _project(arguments: argparse.Namespace) -> Project:
    return load_project(arguments.config or find_config(Path.cwd()))


def _check(arguments: argparse.Namespace) -> int:
    if arguments.schema:
        print(json.dumps(json_schema(arguments.schema), indent=2))
        return 0
    report = check(_project(arguments))
    for problem in report.problems:
        print(problem)
    library = report.site.library
    if report.problems:
        count, files = len(report.problems), report.files_with_problems
        print(f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}")
        return 1
    print(
        f"No problems: {len(library.stories)} stories, {len(library.lessons)} lessons, "
        f"{len(library.paths)} paths"
    )
    return 0


REQUIRED = {
    "title": "Title",
    "company": "Company",
    "year": "Year it happened",
    "channel": f"Channel ({', '.join(CHANNELS)})",
    "outcome": f"Outcome ({', '.join(OUTCOMES)})",
    "lessons": "Lessons (ids, separated by commas)",
    "summary": "Summary (one or two sentences)",
    "source_title": "Headline of a source",
}


def _new(arguments: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    project = _project(arguments)
    values = vars(arguments)
    interactive = sys.stdin.isatty()
    if interactive and not values.get("evidence"):
        values["evidence"] = ask(EVIDENCE_QUESTION).strip()
    values["evidence"] = values.get("evidence") or DEFAULT_EVIDENCE
    missing = _missing(values)
    if missing and interactive:
        for name in missing:
            values[name] = ask(f"{REQUIRED[name]}: ").strip()
        missing = _missing(values)
    if missing:
        flags = ", ".join("--" + name.replace("_", "-") for name in missing if name != "title")
        needed = ("the title" + (" and " if flags else "")) if "title" in missing else ""
        print(f"stories new: give {needed}{flags}", file=sys.stderr)
        return 2
    slug = slug_of(values["title"])
    target = project.docs_dir / f"{slug}.md"
    shown = f"{project.display_root}/{slug}.md"
    if target.exists():
        print(f"{shown} already exists (choose another title, or edit that file)")
        return 1
    text = story_text(values)
    lessons = {path.stem for path in (project.docs_dir / "lessons").glob("*.md")}
    page = read_story(f"{slug}.md", text.encode(), project.display_root, lessons, build_date())
    for problem in page.problems:
        print(problem)
    if page.problems:
        print(f"{shown} was not written")
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {shown}: write the story under its headings, then run `stories check`.")
    return 0


EVIDENCE_QUESTION = (
    "How sure is it? reported (contemporary reports confirm it), anecdote (one secondary "
    "account tells it), internal (a case from your team's own work) [reported]: "
)


def _missing(values: dict) -> list[str]:
    """The values a story needs and does not have: an anecdote may leave out its year."""
    optional = {"year"} if values.get("evidence") == "anecdote" else set()
    return [name for name in REQUIRED if not values.get(name) and name not in optional]


def slug_of(title: str) -> str:
    """lowercase-ascii-words-joined-by-hyphens, at most about 60 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "story"
    while len(slug) > 60 and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug


def story_text(values: dict[str, str]) -> str:
    """A story file: front matter from the values, then the recommended headings."""

    def quoted(text: str) -> str:
        return json.dumps(" ".join(text.split()), ensure_ascii=False)  # JSON strings are YAML

    lessons = [lesson.strip() for lesson in values["lessons"].split(",") if lesson.strip()]
    lines = [
        "---",
        f"title: {quoted(values['title'])}",
        f"company: {quoted(values['company'])}",
        *([f"year: {values['year'].strip()}"] if values.get("year") else []),
        f"channel: {quoted(values['channel'])}",
        f"outcome: {quoted(values['outcome'])}",
        *(
            [f"evidence: {quoted(values['evidence'])}"]
            if values.get("evidence", DEFAULT_EVIDENCE) != DEFAULT_EVIDENCE
            else []
        ),
        "lessons: [" + ", ".join(quoted(lesson) for lesson in lessons) + "]",
        f"summary: {quoted(values['summary'])}",
        "sources:",
        f"  - title: {quoted(values['source_title'])}",
    ]
    for name in ("publisher", "date", "url"):
        value = values.get(f"source_{name}")
        if value:
            lines.append(f"    {name}: {quoted(value)}")
    why = "What went wrong" if values["outcome"].strip() == "failure" else "Why it worked"
    headings = ["What happened", "What they did", why, "Try it"]
    return "\n".join([*lines, "---", ""] + [f"## {heading}\n" for heading in headings])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
