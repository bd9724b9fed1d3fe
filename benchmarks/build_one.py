"""Build one site in this process and report its wall time and peak memory as JSON.

Run by run.py in a fresh interpreter for each build, so that each figure is one build's.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")


def main(config_file: str, site_dir: str) -> None:
    start = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file, site_dir=site_dir)
    build(config)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
