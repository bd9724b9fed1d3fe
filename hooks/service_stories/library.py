"""The library as a whole: the lesson index and the cross-links it induces.

Lessons induce a graph between stories, so listings are built in two phases:
collect every story into an index of lessons, then answer each page's questions
(related stories, backlinks, companion lessons) from that index.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from .model import EVIDENCE, Lesson, Path, Story


@dataclass(frozen=True)
class Position:
    """Where a story sits in a training path."""

    path: Path
    number: int  # 1-based
    total: int
    previous: Story | None
    next: Story | None


@dataclass(frozen=True)
class Related:
    story: Story
    shared: tuple[str, ...]  # the lessons both stories teach: the reason they are related


@dataclass(frozen=True)
class Listing:
    """One page of a long list of stories."""

    number: int  # 1-based
    count: int  # pages in all
    stories: tuple[Story, ...]
    total: int  # stories in all


def paginate(stories: list[Story], size: int) -> list[Listing]:
    """Pages of at most `size` stories; an empty list still makes one (empty) page."""
    chunks = [tuple(stories[start : start + size]) for start in range(0, len(stories), size)]
    chunks = chunks or [()]
    return [
        Listing(number, len(chunks), chunk, len(stories))
        for number, chunk in enumerate(chunks, start=1)
    ]


@dataclass(frozen=True)
class _Group:
    """Stories that teach exactly the same set of lessons, by slug."""

    lessons: frozenset[str]
    stories: tuple[Story, ...]


class Library:
    """Valid stories and lessons, indexed by lesson."""

    def __init__(
        self, stories: Iterable[Story], lessons: Iterable[Lesson], paths: Iterable[Path] = ()
    ) -> None:
        self.stories: dict[str, Story] = {s.slug: s for s in sorted(stories, key=lambda s: s.slug)}
        self.lessons: dict[str, Lesson] = {
            lesson.id: lesson for lesson in sorted(lessons, key=lambda lesson: lesson.sort_key)
        }
        self.paths: dict[str, Path] = {p.id: p for p in sorted(paths, key=lambda p: p.sort_key)}
        # A lesson file with problems is not in `lessons`, but its stories are still indexed.
        self.by_lesson: dict[str, list[Story]] = defaultdict(list)
        for lesson_id in self.lessons:
            self.by_lesson[lesson_id] = []
        by_set: dict[frozenset[str], list[Story]] = defaultdict(list)
        for story in self.stories.values():
            for lesson_id in story.lessons:
                self.by_lesson[lesson_id].append(story)
            by_set[frozenset(story.lessons)].append(story)
        self._groups = [_Group(key, tuple(members)) for key, members in by_set.items()]
        self._rankings: dict[tuple[frozenset[str], int], list] = {}

    def steps(self, path: Path) -> list[Story]:
        """The path's stories, in order (a step whose story has problems is skipped)."""
        return [self.stories[step.slug] for step in path.steps if step.slug in self.stories]

    def positions(self, slug: str) -> list[Position]:
        """Every path this story is a step of: step n of m, with the previous and next."""
        found = []
        for path in self.paths.values():
            stories = self.steps(path)
            for index, story in enumerate(stories):
                if story.slug == slug:
                    previous = stories[index - 1] if index else None
                    after = stories[index + 1] if index + 1 < len(stories) else None
                    found.append(Position(path, index + 1, len(stories), previous, after))
        return found

    def minutes(self, path: Path) -> int:
        return sum(story.minutes for story in self.steps(path))

    def weight(self, lesson_id: str) -> float:
        """How much sharing this lesson says about two stories: rarer lessons say more."""
        return math.log(1 + len(self.stories) / len(self.by_lesson[lesson_id]))

    def related(self, story: Story, limit: int = 5) -> list[Related]:
        """The stories that share the most, and the rarest, lessons with this one.

        Ranked by the summed weight of the shared lessons, then by how many are shared,
        then by slug. Stories with the same lessons rank alike, so the ranking is worked
        out once per set of lessons, over groups rather than over every pair of stories.
        """
        if limit < 1:
            return []
        ranking = self._ranking(frozenset(story.lessons), limit)
        found: list[Related] = []
        for _key, run in itertools.groupby(ranking, key=lambda item: item[0]):
            groups = [group for _, group in run]
            members = heapq.merge(*(group.stories for group in groups), key=lambda s: s.slug)
            for other in members:
                if other.slug == story.slug:
                    continue
                common = tuple(lesson for lesson in story.lessons if lesson in other.lessons)
                found.append(Related(other, common))
                if len(found) == limit:
                    return found
        return found

    def _ranking(
        self, lessons: frozenset[str], limit: int
    ) -> list[tuple[tuple[float, int], _Group]]:
        """The best groups for this set of lessons, best first: only as many as can hold
        `limit` stories besides the one asking, and every group tied with the last."""
        key = (lessons, limit)
        if key not in self._rankings:
            # A group's rank depends only on the lessons it shares: a handful of subsets.
            ranks: dict[frozenset[str], tuple[float, int]] = {}
            scored = []
            for group in self._groups:
                common = lessons & group.lessons
                if common:
                    if common not in ranks:
                        score = round(sum(self.weight(lesson) for lesson in sorted(common)), 9)
                        ranks[common] = (-score, -len(common))
                    # Groups are disjoint, so the first slug breaks every tie.
                    scored.append((ranks[common], group.stories[0].slug, group))
            scored.sort()
            kept, held = 0, 0
            while kept < len(scored) and (held <= limit or scored[kept][0] == scored[kept - 1][0]):
                held += len(scored[kept][2].stories)
                kept += 1
            self._rankings[key] = [(rank, group) for rank, _, group in scored[:kept]]
        return self._rankings[key]

    def backlinks(self, links: Mapping[str, Iterable[str]]) -> dict[str, list[Story]]:
        """For each story, the stories whose bodies link to it, given the slugs each story
        links to (known once the bodies are rendered)."""
        found: dict[str, list[Story]] = defaultdict(list)
        for story in self.stories.values():
            for target in dict.fromkeys(links.get(story.slug, ())):
                if target in self.stories and target != story.slug:
                    found[target].append(story)
        return found

    def by_evidence(self) -> dict[str, list[Story]]:
        """The stories of each kind of evidence the library has, by title."""
        found: dict[str, list[Story]] = {kind: [] for kind in EVIDENCE}
        for story in self.by_title:
            found[story.evidence].append(story)
        return {kind: stories for kind, stories in found.items() if stories}

    def linking_here(
        self, story: Story, backlinks: Mapping[str, list[Story]], related: list[Related]
    ) -> list[Story]:
        """The stories whose bodies link to this one, less those already among its related
        stories (`related(story)`): a story's page lists each other story once."""
        shown = {item.story.slug for item in related}
        return [other for other in backlinks.get(story.slug, ()) if other.slug not in shown]

    def companions(self, lesson_id: str, limit: int = 5) -> list[tuple[Lesson, int]]:
        """The lessons most often taught alongside this one, with how many stories share both."""
        counts = Counter(
            other
            for story in self.by_lesson[lesson_id]
            for other in story.lessons
            if other != lesson_id and other in self.lessons
        )
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.lessons[item[0]].sort_key))
        return [(self.lessons[other], count) for other, count in ranked[:limit]]

    def thin_lessons(self, minimum: int = 2) -> list[str]:
        """The lessons taught by fewer than `minimum` stories: where the library needs work."""
        return [lesson_id for lesson_id in self.lessons if len(self.by_lesson[lesson_id]) < minimum]

    def heat(self, count: int) -> int:
        """0 to 4: how a lesson's story count compares with the best-covered lesson's."""
        most = max((len(self.by_lesson[lesson_id]) for lesson_id in self.lessons), default=0)
        return 0 if count == 0 or most == 0 else math.ceil(4 * count / most)

    def newest(self, limit: int = 6) -> list[Story]:
        """The most recent stories, by the year they happened."""
        return sorted(self.stories.values(), key=lambda s: (-(s.year or 0), s.title.casefold()))[
            :limit
        ]

    def teaching(self, lesson_id: str, limit: int | None = None) -> list[Story]:
        """The stories that teach a lesson, strongest first: those for which it is a larger
        share of what they teach (fewer lessons), then the newest, then by title."""
        ranked = sorted(
            self.by_lesson[lesson_id],
            key=lambda s: (len(s.lessons), -(s.year or 0), s.title.casefold()),
        )
        return ranked[:limit] if limit is not None else ranked

    @cached_property
    def by_title(self) -> list[Story]:
        """Every story, by title: the catalog's order."""
        return sorted(self.stories.values(), key=lambda s: (s.title.casefold(), s.slug))
