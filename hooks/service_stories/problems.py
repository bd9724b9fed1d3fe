"""A content problem, told to the author as `file:line: field: what is wrong (how to fix it)`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message} ({self.fix})"


class Problems:
    """Collects the problems of one file, so that every one of them is reported at once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.found: list[Problem] = []

    def add(self, line: int, field: str, message: str, fix: str) -> None:
        self.found.append(Problem(self.path, line, field, message, fix))

    def __bool__(self) -> bool:
        return bool(self.found)
