"""Search that finds a story by any form of a word in it.

Material's search worker matches typed words as prefixes and stems nothing (see
search_forms.js). The build writes, beside Material's worker, one that runs
search_forms.js first and then Material's own code unchanged; every page's
configuration names it in place of Material's (overrides/main.html)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

PREFIX = "stories-"  # the worker's name: Material's, after this
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S*\s*$")


def forms_source() -> str:
    return resources.files(__package__).joinpath("search_forms.js").read_text("utf-8")


def write_worker(site_dir: str | Path) -> list[Path]:
    """Write the site's search worker beside each of Material's; returns what it wrote."""
    written = []
    workers = Path(site_dir) / "assets" / "javascripts" / "workers"
    for material in sorted(workers.glob("search.*.js")):
        if material.name.endswith(".map"):
            continue
        code = _SOURCE_MAP.sub("", material.read_text(encoding="utf-8"))
        worker = material.with_name(PREFIX + material.name)
        worker.write_text(forms_source() + "\n" + code, encoding="utf-8")
        written.append(worker)
    return written
