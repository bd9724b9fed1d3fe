"""Property-based: random and mutated front matter never causes a traceback, and never
passes as a valid story unless an independent reading of the same YAML agrees."""

from __future__ import annotations

import re
from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from library_fixtures import LESSON_IDS as LESSONS
from library_fixtures import TODAY, VALID
from service_stories.model import CHANNELS, OUTCOMES
from service_stories.reading import read_story

FIELDS = {
    "title", "company", "year", "channel", "outcome", "lessons", "summary", "sources",
    "reviewed", "review_every", "owner", "discuss", "quiz",
}  # fmt: skip
LINES = VALID.split("\n")
CLOSING = LINES.index("---", 1)
SCALARS = [
    "yes", "NO", "~", "null", "", "1984", "-1", "2013", "3.5", "[a", "]", "{", '"', "'",
    "&a x", "*a", "!!python/name:os.system", "!!str 1984", "2014-13-45", "2014-02-30",
    "2013-01-11", '""', "x" * 400, "café", "\t", "a: b", "- item", "[exceed-the-ask]",
    "[a, b, c, d, e, f]", "email", "delight", "javascript:alert(1)", "https://example.com",
    "<script>alert(1)</script>", "{title: x}", "|", ">", "%", "@", "`", "#", "? x",
]  # fmt: skip


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The oracle's YAML: the standard safe loader (on the same parser as the reader, which
    prefers libyaml), with PyYAML's own constructors, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        if len(keys) != len(set(map(repr, keys))):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep)


def _text(value, limit):
    return isinstance(value, str) and 0 < len(" ".join(value.split())) <= limit


def _day(value):
    if isinstance(value, date):
        return type(value) is date
    return (
        isinstance(value, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and (_iso(value))
    )


def _iso(value):
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _whole(value, low, high):
    return type(value) is int and low <= value <= high


def _source(source):
    return (
        isinstance(source, dict)
        and set(source) <= {"title", "publisher", "date", "url"}
        and _text(source.get("title"), 300)
        and ("publisher" not in source or _text(source["publisher"], 120))
        and ("date" not in source or _day(source["date"]))
        and (
            "url" not in source
            or (
                _text(source["url"], 2000)
                and re.fullmatch(r"https?://[^/\s]+\S*", source["url"]) is not None
            )
        )
    )


def oracle_accepts(front_matter: str) -> bool:
    """An independent reading of the schema, with PyYAML's own constructors."""
    if re.search(r"(^|[\s\[{,:])\*[^\s]", front_matter):
        return False  # aliases are refused
    try:
        tokens = yaml.scan(front_matter, Loader=_StrictLoader)  # the parser the load uses
        if any(isinstance(token, yaml.TagToken) for token in tokens):
            return False  # so are explicit tags, even !!str
    except yaml.YAMLError:
        return False
    try:
        data = yaml.load(front_matter, Loader=_StrictLoader)
    except (yaml.YAMLError, ValueError, TypeError):
        return False
    if not isinstance(data, dict) or not set(data) <= FIELDS:
        return False
    lessons = data.get("lessons")
    return bool(
        _text(data.get("title"), 120)
        and _text(data.get("company"), 120)
        and _whole(data.get("year"), 1800, TODAY.year)
        and data.get("channel") in CHANNELS
        and data.get("outcome") in tuple(OUTCOMES)
        and isinstance(lessons, list)
        and 1 <= len(lessons) <= 5
        and all(isinstance(lesson, str) and lesson in LESSONS for lesson in lessons)
        and len(set(lessons)) == len(lessons)
        and _text(data.get("summary"), 300)
        and isinstance(data.get("sources"), list)
        and data["sources"]
        and all(_source(source) for source in data["sources"])
        and ("reviewed" not in data or _day(data["reviewed"]))
        and ("review_every" not in data or _whole(data["review_every"], 1, 3650))
        and ("owner" not in data or _text(data["owner"], 120))
        and "discuss" not in data
        and "quiz" not in data
    )


def check(text: str) -> None:
    page = read_story("lego.md", text.encode("utf-8", "surrogatepass"), "stories", LESSONS, TODAY)
    lines = text.split("\n")
    closing = next(i for i in range(1, len(lines)) if re.fullmatch(r"(---|\.\.\.)[ \t]*", lines[i]))
    front_matter = "\n".join(lines[1:closing]) + "\n"
    accepted = oracle_accepts(front_matter)
    assert page.story is None or accepted, "passed an invalid story"
    assert page.story is not None or not accepted, f"refused a valid story: {page.problems}"
    if page.story is None:
        assert page.problems, "refused a story without saying why"
    for problem in page.problems:
        assert str(problem).startswith("stories/lego.md:") and problem.fix


@st.composite
def mutated(draw):
    lines = LINES[1:CLOSING]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "delete", "duplicate", "swap", "insert"]))
        if action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(SCALARS))}"
        elif action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines.insert(index, draw(st.text(max_size=30)).replace("\n", " "))
    return "\n".join(["---", *lines, *LINES[CLOSING:]])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_front_matter_is_never_a_traceback_or_a_silent_pass(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_is_never_a_traceback(text):
    page = read_story("lego.md", text.encode("utf-8", "surrogatepass"), "stories", LESSONS, TODAY)
    assert page.story is None and page.problems


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_random_bytes_are_never_a_traceback(raw):
    page = read_story("lego.md", raw, "stories", LESSONS, TODAY)
    assert page.story is None and page.problems
