"""Front matter, read strictly.

MkDocs quietly ignores front matter that YAML cannot read and then shows it as page
text. This module reads it instead, keeps the line of every value, and turns each
thing that can go wrong into a problem for the author: a file that is not UTF-8,
missing or unclosed front matter, YAML errors, duplicate keys, aliases, tags.

Values are kept as YAML nodes would give them, *before* YAML's implicit coercions,
so that the schema can say "`NO` is read by YAML as false" instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Problems

FIELD = "front matter"
_YAML = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    _YAML + "str": "text",
    _YAML + "int": "a number",
    _YAML + "float": "a number",
    _YAML + "bool": "true or false",
    _YAML + "null": "empty",
    _YAML + "timestamp": "a date",
}
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
# libyaml is some twenty times faster; the pure-Python parser words errors better.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Scalar:
    text: str
    kind: str  # what YAML reads it as: "text", "a number", "true or false", "empty", "a date"
    line: int


@dataclass(frozen=True)
class Sequence:
    items: tuple[Value, ...]
    line: int


@dataclass(frozen=True)
class Entry:
    line: int
    value: Value


@dataclass(frozen=True)
class Mapping:
    entries: dict[str, Entry]
    line: int


@dataclass(frozen=True)
class Refused:
    """A value already reported as a problem (an alias, a tag): not to be reported again."""

    line: int


Value = Scalar | Sequence | Mapping | Refused


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter and its body."""

    fields: Mapping | None  # None when there is none, or it could not be read
    body: str
    body_line: int  # the line of the file where the body starts


def decode(raw: bytes, problems: Problems) -> str | None:
    """The file's text with a byte-order mark dropped and line endings made `\\n`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(
            line,
            "file",
            f"is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            "save the file with the UTF-8 encoding",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str, problems: Problems, *, required: bool) -> Document:
    """Find the front matter between the opening and closing `---` lines and read it."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        if required:
            problems.add(
                1,
                FIELD,
                "is missing",
                "start the file with a line of three dashes (---), the fields, "
                "and another --- line",
            )
        return Document(None, text, 1)
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if closing is None:
        problems.add(
            1, FIELD, "has no closing --- line", "add a line of three dashes after the last field"
        )
        return Document(None, "", len(lines) + 1)
    body = "\n".join(lines[closing + 1 :])
    fields = parse("\n".join(lines[1:closing]) + "\n", problems, first_line=2)
    if fields is None and any(_FENCE.match(line) for line in lines[closing + 1 :]):
        # Unreadable, and another --- line follows: the first may sit inside a value, so
        # what comes after it may be more front matter. Show the problem, not raw YAML.
        return Document(None, "", closing + 2)
    return Document(fields, body, closing + 2)


def parse(source: str, problems: Problems, *, first_line: int) -> Mapping | None:
    """Read YAML text into values that remember their lines; None if it is not a mapping."""
    try:
        node = _compose(source)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.add(line, FIELD, f"YAML cannot read this: {error.problem}", _yaml_fix(error))
        return None
    except yaml.reader.ReaderError as error:  # a control character in the text
        line = first_line + source.count("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        problems.add(
            line,
            FIELD,
            f"has a character that YAML does not allow (#x{code:04x})",
            "remove the character",
        )
        return None
    if node is None:
        problems.add(first_line, FIELD, "is empty", "add the fields between the --- lines")
        return None
    if not isinstance(node, yaml.MappingNode):
        what = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        problems.add(
            first_line + node.start_mark.line,
            FIELD,
            f"is {what}, not fields",
            "write one field per line, as name: value",
        )
        return None
    value = _Reader(problems, first_line, source if "!" in source else "").read(node, FIELD)
    return value if isinstance(value, Mapping) else None


def _compose(source: str) -> yaml.Node | None:
    try:
        return yaml.compose(source, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        # Parse again to raise the pure-Python parser's error, whose words are clearer
        # and the same on every machine, with or without libyaml.
        return yaml.compose(source, Loader=yaml.SafeLoader)


def _yaml_fix(error: yaml.MarkedYAMLError) -> str:
    if "'\\t'" in str(error.problem):
        return "indent with spaces, not tabs"
    return (
        "check the indentation, and put a value in double quotes when it contains ': ' "
        "or starts with a character such as * & ! [ { ' \" % @ or `"
    )


class _Reader:
    """Turns YAML nodes into values, refusing what front matter has no use for."""

    def __init__(self, problems: Problems, first_line: int, source: str = "") -> None:
        self.problems = problems
        self.first_line = first_line
        # The text, only when it holds a `!`: YAML resolves `!!int "2019"` to the same
        # tag as a plain 2019, so an explicit tag is found where the value is written.
        self.lines = source.split("\n") if source else []
        self.seen: set[int] = set()
        self.aliased: set[str] = set()  # fields already reported for an alias

    def read(self, node: yaml.Node, where: str, written_at: int | None = None) -> Value:
        """The value of a node; `written_at` is the line that refers to it, for aliases."""
        line = self.first_line + node.start_mark.line
        if id(node) in self.seen:
            line = written_at or line
            # Once per field: an alias bomb repeats the same alias many times over.
            field = re.split(r"[.\[]", where, maxsplit=1)[0]
            if field not in self.aliased:
                self.aliased.add(field)
                self.problems.add(
                    line,
                    where,
                    "repeats an earlier value through a YAML alias (*name)",
                    "write the value out in full: YAML aliases are not supported",
                )
            return Refused(line)
        self.seen.add(id(node))
        if self.lines and self._explicitly_tagged(node):
            return self._refuse_tag(node, where, line)
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_KINDS:
            return Scalar(node.value, _SCALAR_KINDS[node.tag], line)
        if isinstance(node, yaml.SequenceNode) and node.tag == _YAML + "seq":
            items = tuple(
                self.read(item, f"{where}[{number}]", line)
                for number, item in enumerate(node.value, start=1)
            )
            if any(isinstance(item, Refused) for item in items):
                return Refused(line)
            return Sequence(items, line)
        if isinstance(node, yaml.MappingNode) and node.tag == _YAML + "map":
            return self._mapping(node, where, line)
        return self._refuse_tag(node, where, line)

    def _explicitly_tagged(self, node: yaml.Node) -> bool:
        mark = node.start_mark
        written = self.lines[mark.line][mark.column :] if mark.line < len(self.lines) else ""
        if written.startswith("&"):  # an anchor may come before the tag
            written = written.partition(" ")[2].lstrip()
        return written.startswith("!")

    def _refuse_tag(self, node: yaml.Node, where: str, line: int) -> Refused:
        tag = node.tag.replace(_YAML, "!!")
        self.problems.add(
            line,
            where,
            f"has the YAML tag {tag}",
            "remove the tag: front matter holds only text, numbers, dates and lists",
        )
        return Refused(line)

    def _mapping(self, node: yaml.MappingNode, where: str, line: int) -> Mapping:
        entries: dict[str, Entry] = {}
        for key_node, value_node in node.value:
            key_line = self.first_line + key_node.start_mark.line
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _YAML + "str"):
                self.problems.add(
                    key_line,
                    where,
                    "has a key that is not a plain name",
                    "write each field as name: value, with a name made of letters",
                )
                continue
            name = key_node.value if where == FIELD else f"{where}.{key_node.value}"
            if key_node.value in entries:
                first = entries[key_node.value].line
                self.problems.add(
                    key_line,
                    name,
                    f"appears twice (lines {first} and {key_line})",
                    "keep only one of them",
                )
                continue
            entries[key_node.value] = Entry(key_line, self.read(value_node, name, key_line))
        return Mapping(entries, line)
