"""Benchmark: this project against plain Material with the same stories, side by side.

For each library size N, builds in turn (A B A B ...) the project with N synthetic
stories ("ours") and the same story Markdown under plain Material with no hooks and
the stories kept out of the nav ("floor"), then prints medians and the ratios ours/floor.

    python benchmarks/run.py                      # N = 100, 1,000 and 5,000; 5 runs each
    python benchmarks/run.py --sizes 50 --runs 1  # a quick look
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import ROOT, generate

HERE = Path(__file__).resolve().parent
FLOOR_CONFIG = """site_name: Floor
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /*.md
  /lessons/*.md
  /paths/*.md
"""
GENERATED = ("index.html", "catalog/", "lessons/", "paths/", "trainers/")


def prepare(count: int, work: Path) -> tuple[Path, Path]:
    ours, floor = work / f"ours-{count}", work / f"floor-{count}"
    generate(count, ours / "stories")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, ours / name)
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, ours / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled once, as Python does by itself on a project's first build, and as pip did
    # for Material's modules: a machine with PYTHONDONTWRITEBYTECODE set would otherwise
    # compile the hooks again in every timed build, and Material never.
    compileall.compile_dir(ours / "hooks", quiet=1)
    shutil.copytree(ours / "stories", floor / "docs")
    (floor / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")
    return ours, floor


def build(project: Path, site: Path) -> dict[str, float]:
    shutil.rmtree(site, ignore_errors=True)
    # Each build writes tens of megabytes; let the disk take the last build's before
    # timing the next, so that neither side pays for the other's writes.
    os.sync()
    output = subprocess.run(
        [sys.executable, str(HERE / "build_one.py"), str(project / "mkdocs.yml"), str(site)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def check_seconds(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "service_stories.cli",
            "check",
            "--config",
            str(project / "mkdocs.yml"),
        ],
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - start


def sizes(site: Path, generated: bool) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html")]
    if generated:
        pages = [p for p in pages if p.relative_to(site).as_posix().startswith(GENERATED)]
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "story_page_kb": (site / "story-00001" / "index.html").stat().st_size / 1e3,
        "largest_generated_kb": max(p.stat().st_size for p in pages) / 1e3,
        "search_index_gz_kb": len(gzip.compress(index, mtime=0)) / 1e3,
    }


def measure(count: int, runs: int, work: Path) -> dict[str, dict[str, float]]:
    ours, floor = prepare(count, work)
    timings: dict[str, list[dict[str, float]]] = {"ours": [], "floor": []}
    for _ in range(runs):
        timings["ours"].append(build(ours, ours / "site"))
        timings["floor"].append(build(floor, floor / "site"))
    result = {}
    for name, project in (("ours", ours), ("floor", floor)):
        result[name] = {
            "seconds": statistics.median(t["seconds"] for t in timings[name]),
            "peak_mb": statistics.median(t["peak_mb"] for t in timings[name]),
            **sizes(project / "site", generated=name == "ours"),
        }
    result["ours"]["check_seconds"] = statistics.median(check_seconds(ours) for _ in range(runs))
    shutil.rmtree(ours)
    shutil.rmtree(floor)
    return result


FIGURES = [
    ("seconds", "build time (s)"),
    ("peak_mb", "peak memory (MB)"),
    ("site_mb", "site size (MB)"),
    ("story_page_kb", "a story page (KB)"),
    ("largest_generated_kb", "largest generated page (KB)"),
    ("search_index_gz_kb", "search index, gzipped (KB)"),
]


def ratios(results: dict[int, dict[str, dict[str, float]]]) -> dict[int, dict[str, float]]:
    table = {}
    for count, result in results.items():
        ours, floor = result["ours"], result["floor"]
        table[count] = {key: ours[key] / floor[key] for key, _ in FIGURES}
        table[count]["check_seconds"] = ours["check_seconds"] / floor["seconds"]
    return table


def targets(results, table) -> list[tuple[str, float, float]]:
    """(target, measured, limit) for each goal whose sizes were measured."""
    found = []
    counts = sorted(results)
    for count in counts:
        if count >= 1000:
            found.append((f"build time at {count:,} / floor", table[count]["seconds"], 1.25))
            found.append((f"peak memory at {count:,} / floor", table[count]["peak_mb"], 1.3))
            found.append(
                (
                    f"gzipped search index at {count:,} / floor",
                    table[count]["search_index_gz_kb"],
                    1.1,
                )
            )
            found.append(
                (f"stories check at {count:,} / floor build", table[count]["check_seconds"], 0.15)
            )
            found.append(
                (
                    f"largest generated page at {count:,} (KB)",
                    results[count]["ours"]["largest_generated_kb"],
                    300,
                )
            )
    if 1000 in results and 5000 in results:
        per_story = {n: results[n]["ours"]["seconds"] / n for n in (1000, 5000)}
        found.append(("time per story, 5,000 / 1,000", per_story[5000] / per_story[1000], 1.15))
    if 100 in results and max(counts) > 100:
        top = max(counts)
        found.append(
            (
                f"story page bytes, {top:,} / 100",
                results[top]["ours"]["story_page_kb"] / results[100]["ours"]["story_page_kb"],
                1.10,
            )
        )
    return found


def report(results, table) -> str:
    lines = [
        f"Machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
        "",
    ]
    for count, result in results.items():
        lines.append(f"N = {count:,}")
        lines.append(f"| {'figure':<30} | {'ours':>10} | {'floor':>10} | {'ours/floor':>10} |")
        lines.append(f"| {'-' * 30} | {'-' * 9}: | {'-' * 9}: | {'-' * 9}: |")
        for key, label in FIGURES:
            lines.append(
                f"| {label:<30} | {result['ours'][key]:>10.2f} | "
                f"{result['floor'][key]:>10.2f} | {table[count][key]:>10.2f} |"
            )
        lines.append(
            f"| {'stories check (s)':<30} | {result['ours']['check_seconds']:>10.2f} | "
            f"{result['floor']['seconds']:>10.2f} | {table[count]['check_seconds']:>10.2f} |"
        )
        lines.append("")
    lines.append("Targets")
    for name, measured, limit in targets(results, table):
        verdict = "met" if measured <= limit else "MISSED"
        lines.append(f"- {name}: {measured:.2f} (at most {limit}): {verdict}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    # Shared machines are noisy: a median of five holds better than one of three.
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="stories-bench-") as work:
        results = {n: measure(n, arguments.runs, Path(work)) for n in arguments.sizes}
    table = ratios(results)
    print(report(results, table))
    if arguments.json:
        arguments.json.write_text(json.dumps({"results": results, "ratios": table}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
