"""How sure the library's stories are: each kind of evidence, with its count of stories and
the catalog that lists only them (for readers without JavaScript)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from . import addresses
from .library import Library
from .model import DEFAULT_EVIDENCE, EVIDENCE


class Kind(NamedTuple):
    name: str  # reported, anecdote or internal
    count: int
    url: str | None  # its own catalog; none for the default, which the whole catalog lists


def kinds(library: Library, url: Callable[[str], str]) -> tuple[Kind, ...]:
    found = library.by_evidence()
    return tuple(
        Kind(
            name,
            len(found.get(name, ())),
            url(addresses.catalog(evidence=name))
            if name in found and name != DEFAULT_EVIDENCE
            else None,
        )
        for name in EVIDENCE
    )
