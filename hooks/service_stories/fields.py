"""Readers for front-matter fields: each returns a typed value or reports why it cannot.

A reader never raises: it records a problem naming the field, what is wrong and how
to fix it, and returns None so that validation carries on and finds the rest.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from .frontmatter import Mapping, Refused, Scalar, Sequence, Value
from .problems import Problems

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def suggest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The choices closest to a misspelt word, best first."""
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=cutoff)


def one_of_fix(word: str, choices: Iterable[str], kind: str, also: str = "") -> str:
    """How to fix a word that is not in a vocabulary: the nearest words, or all of them."""
    choices = list(choices)
    close = suggest(word, choices)
    if close:
        fix = "did you mean " + " or ".join(close) + "?"
        return f"{fix} {also[0].upper()}{also[1:]}" if also else fix
    if len(choices) <= 15:
        fix = f"use one of the {kind}: " + ", ".join(choices)
    else:
        fix = f"none of the {len(choices)} {kind} has a name close to it"
    return f"{fix}; {also}" if also else fix


# Vocabularies whose field's name is not a countable noun.
_NAMED = {"evidence": ("a kind of evidence", "kinds of evidence")}


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


class FieldReader:
    """Reads the fields of one front-matter mapping, collecting problems as it goes."""

    def __init__(self, fields: Mapping, problems: Problems, prefix: str = "") -> None:
        self.fields = fields
        self.problems = problems
        self.prefix = prefix  # names nested fields in messages, as in sources[2].url

    def value(self, name: str, example: str = "", *, required: bool = True) -> Value | None:
        entry = self.fields.entries.get(name)
        if entry is None:
            if required:
                self.problems.add(
                    self.fields.line,
                    self.prefix + name,
                    "is missing",
                    f"add a line such as {name}: {example}",
                )
            return None
        # A refused value was reported where it was read.
        return None if isinstance(entry.value, Refused) else entry.value

    def text(
        self, name: str, example: str = "", *, limit: int, required: bool = True
    ) -> str | None:
        value = self.value(name, example, required=required)
        return text(value, self.prefix + name, self.problems, limit)

    def unknown(self, known: Iterable[str], kind: str) -> None:
        known = list(known)
        for name, entry in self.fields.entries.items():
            if name not in known:
                close = suggest(name, known)
                fix = (
                    f"did you mean {close[0]}?"
                    if close
                    else f"the {kind} fields are: " + ", ".join(known)
                )
                self.problems.add(entry.line, self.prefix + name, f"is not a {kind} field", fix)


def _not_text(value: Value, name: str, problems: Problems) -> None:
    if isinstance(value, Scalar):
        if value.kind == "empty":
            problems.add(value.line, name, "is empty", f"write the {name} after the colon")
            return
        problems.add(
            value.line,
            name,
            f"`{value.text}` is read by YAML as {value.kind}, not as text",
            f'put it in double quotes: {name}: "{value.text}"',
        )
    elif isinstance(value, Sequence):
        problems.add(value.line, name, "is a list, not text", "write a single value")
    else:
        problems.add(value.line, name, "has fields of its own, not text", "write a single value")


def text(value: Value | None, name: str, problems: Problems, limit: int) -> str | None:
    if value is None:
        return None
    if not (isinstance(value, Scalar) and value.kind == "text"):
        _not_text(value, name, problems)
        return None
    result = " ".join(value.text.split())
    if not result:
        problems.add(value.line, name, "is empty", f"write the {name} after the colon")
        return None
    if len(result) > limit:
        problems.add(
            value.line,
            name,
            f"is {len(result)} characters long, more than {limit}",
            f"shorten it to {limit} characters or fewer",
        )
        return None
    return result


def word(
    value: Value | None, name: str, problems: Problems, vocabulary: Iterable[str]
) -> str | None:
    vocabulary = list(vocabulary)
    if value is None:
        return None
    if not (isinstance(value, Scalar) and value.kind == "text"):
        if isinstance(value, Scalar) and value.kind != "empty":
            problems.add(
                value.line,
                name,
                f"`{value.text}` is read by YAML as {value.kind}",
                f"use one of: {', '.join(vocabulary)}",
            )
        else:
            _not_text(value, name, problems)
        return None
    if value.text not in vocabulary:
        single, plural = _NAMED.get(name, (_a(name), f"{name}s"))
        problems.add(
            value.line,
            name,
            f"`{value.text}` is not {single}",
            one_of_fix(value.text, vocabulary, plural),
        )
        return None
    return value.text


def integer(value: Value | None, name: str, problems: Problems, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, Scalar) and value.kind == "text" and value.text.isdigit():
        problems.add(
            value.line,
            name,
            f"`{value.text}` is in quotes, so YAML reads it as text",
            f"write it without quotes: {name}: {value.text}",
        )
        return None
    if not (isinstance(value, Scalar) and value.kind == "a number" and value.text.isdigit()):
        shown = f"`{value.text}`" if isinstance(value, Scalar) else "this"
        problems.add(
            value.line, name, f"{shown} is not a whole number", f"write a number such as {high}"
        )
        return None
    number = int(value.text)
    if not low <= number <= high:
        problems.add(
            value.line, name, f"{number} is out of range", f"use a number from {low} to {high}"
        )
        return None
    return number


def iso_date(value: Value | None, name: str, problems: Problems) -> date | None:
    if value is None:
        return None
    if (
        isinstance(value, Scalar)
        and value.kind in ("a date", "text")
        and _ISO_DATE.match(value.text)
    ):
        try:
            return date.fromisoformat(value.text)
        except ValueError:
            problems.add(
                value.line, name, f"{value.text} is not a date", "check the month and the day"
            )
            return None
    shown = f"`{value.text}`" if isinstance(value, Scalar) else "this"
    problems.add(
        value.line, name, f"{shown} is not a date", "write it as YYYY-MM-DD, such as 2014-02-06"
    )
    return None


def web_address(value: Value | None, name: str, problems: Problems, limit: int) -> str | None:
    address = text(value, name, problems, limit)
    if address is None:
        return None
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in address:
        problems.add(
            value.line,  # type: ignore[union-attr]  # text() returned a value, so value is set
            name,
            f"`{address}` is not a web address",
            "give the full http:// or https:// address of the page, or leave url out",
        )
        return None
    return address


def words(
    value: Value | None, name: str, problems: Problems, *, most: int, example: str
) -> list[Scalar] | None:
    """A list of one to `most` plain words, as written."""
    if value is None:
        return None
    if not isinstance(value, Sequence):
        shown = f"`{value.text}` is" if isinstance(value, Scalar) else "this is"
        problems.add(value.line, name, f"{shown} not a list", f"write a list: {name}: {example}")
        return None
    if not 1 <= len(value.items) <= most:
        problems.add(
            value.line,
            name,
            f"has {len(value.items)} entries",
            f"give from 1 to {most}, such as {name}: {example}",
        )
        return None
    result = []
    for item in value.items:
        if isinstance(item, Scalar) and item.kind == "text":
            result.append(item)
        else:
            _not_text(item, name, problems)
    return result
