"""The state of one build, for the hooks: what was read, the plan, what rendering found.

Kept on the build's own config object by `main.on_files`, never in module state,
because `mkdocs serve` keeps the hook modules loaded between rebuilds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from jinja2 import Environment
from scripts import Policies
from service_stories.links import LinkCollector, Rendered
from service_stories.plan import Found, Plan
from service_stories.site import Site
from speedups import Cards, Frames

_NOTHING = Rendered()


@dataclass
class Build:
    site: Site
    plan: Plan
    display_root: str  # the docs folder, as authors name it in messages: `stories`
    collector: LinkCollector
    rendered: dict[str, Rendered] = field(default_factory=dict)  # each body's links, anchors
    bodies: dict[str, str] = field(default_factory=dict)  # stories in paths, for handouts
    backlinks: dict[str, list] = field(default_factory=dict)  # once every body is rendered
    frames: Frames = field(default_factory=Frames)
    cards: Cards = field(default_factory=Cards)
    env: Environment | None = None  # once the templates load
    policies: Policies | None = None
    # The words data blocks (`script_words`) the templates wrote: the site's own, not code.
    data_scripts: set[str] = field(default_factory=set)

    @property
    def today(self) -> date:
        return self.plan.today

    @cached_property
    def found(self) -> Found:
        """What the views need from rendering; asked for once every body is rendered."""
        return Found(
            problems_of=self.site.problems_of,
            backlinks=self.backlinks,
            bodies=self.bodies,
            has_heading=lambda src_uri: self.rendered.get(src_uri, _NOTHING).has_heading,
            heading=lambda src_uri: self.rendered.get(src_uri, _NOTHING).title,
        )
