"""Every word the site shows that a trainer did not write, in the site's language.

The messages come from one catalog per language (`overrides/partials/stories-languages/`,
read by the hooks), each message either text with `{named}` slots or, for a count, one
text per plural form (`one`, `other`, and for some languages `zero`, `two`, `few`,
`many`). A language's catalog falls back to English key by key. Plural forms, numbers
and dates follow the catalog's `locale` through Babel (CLDR): Arabic has six plural
forms, German writes 1.234 and "22. November 2026".
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

Message = str | Mapping[str, str]
CATALOGS = Path("partials") / "stories-languages"  # in a theme folder: overrides/
ENGLISH = "en"


class MissingWords(KeyError):
    """A key that no catalog defines, English included."""


class Words:
    def __init__(self, messages: Mapping[str, Message], english: Mapping[str, Message]):
        self.messages = {**english, **messages}
        self.locale = Locale.parse(str(self.messages.get("locale", "en")))
        self._date = lru_cache(maxsize=4096)(self._long_date)
        self.number = lru_cache(maxsize=4096)(self._number)  # type: ignore[method-assign]

    def __getitem__(self, key: str) -> str:
        message = self.message(key)
        if not isinstance(message, str):
            raise MissingWords(f"{key} is a count: use count({key!r}, n)")
        return message

    def __contains__(self, key: str) -> bool:
        return key in self.messages

    def message(self, key: str) -> Message:
        """A message as the catalog gives it: text, or a count's plural forms."""
        try:
            return self.messages[key]
        except KeyError:
            raise MissingWords(f"no catalog defines {key!r}") from None

    def say(self, key: str, **values: object) -> str:
        """The message with its slots filled."""
        return self[key].format(**values)

    def form(self, key: str, number: int) -> str:
        """The text of a count for this many: the plural form the language uses for it."""
        forms = self.message(key)
        if isinstance(forms, str):
            raise MissingWords(f"{key} is not a count: give its plural forms")
        return forms.get(self.locale.plural_form(number)) or forms["other"]

    def count(self, key: str, number: int, **values: object) -> str:
        """The message for this many, with `{count}` written as the language writes
        numbers."""
        return self.form(key, number).format(count=self.number(number), **values)

    def number(self, number: int) -> str:
        """A whole number, as the language writes it (1,234; 1.234; 1 234)."""
        return self._number(number)

    def _number(self, number: int) -> str:
        return format_decimal(number, locale=self.locale)

    def date(self, day: date) -> str:
        return self._date(day)

    def _long_date(self, day: date) -> str:
        return format_date(day, format="long", locale=self.locale)

    @property
    def rtl(self) -> bool:
        """Whether the language is written from right to left (its catalog's `direction`)."""
        return self.messages.get("direction") == "rtl"

    def plural_forms(self) -> tuple[str, ...]:
        """The plural forms this language has (`one`, `other`, ...), as CLDR lists them."""
        return tuple(sorted(self.locale.plural_form.tags | {"other"}))

    def subset(self, prefix: str) -> dict[str, Message]:
        """Every message whose key starts with `prefix`: what the scripts need."""
        return {key: value for key, value in self.messages.items() if key.startswith(prefix)}


def read_catalog(text: str) -> dict[str, Message]:
    """A catalog's messages: the mapping its template sets (`{%- set messages = {...} -%}`),
    read as the literal it is, without running the template."""
    start = text.index("{", text.index("set messages ="))
    return ast.literal_eval(text[start : text.index("-%}", start)].strip())


def load(folders: Sequence[Path | str], language: str) -> tuple[Words, bool]:
    """The words for `language` from the first theme folder that has its catalog, English
    for any key it leaves out; and whether there was a catalog for the language at all."""

    def catalog(name: str) -> dict[str, Message] | None:
        for folder in folders:
            path = Path(folder) / CATALOGS / f"{name}.html"
            if path.is_file():
                return read_catalog(path.read_text(encoding="utf-8"))
        return None

    english = catalog(ENGLISH) or {}
    own = catalog(language) if language != ENGLISH else english
    return Words(own or {}, english), own is not None
