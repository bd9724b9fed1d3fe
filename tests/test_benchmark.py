"""The benchmark works end to end on a small library; its figures are not asserted here
(timings on a shared machine are noise), only that it measures and computes its ratios."""

from __future__ import annotations

import json
import subprocess
import sys

from builds import ROOT


def test_the_benchmark_runs_and_computes_its_ratios(tmp_path):
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "10",
            "--runs",
            "1",
            "--json",
            str(figures),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert "N = 10" in result.stdout and "ours/floor" in result.stdout
    data = json.loads(figures.read_text())
    ours, floor = data["results"]["10"]["ours"], data["results"]["10"]["floor"]
    for key in ("seconds", "peak_mb", "site_mb", "story_page_kb", "search_index_gz_kb"):
        assert ours[key] > 0 and floor[key] > 0
        assert data["ratios"]["10"][key] == ours[key] / floor[key]
    assert data["ratios"]["10"]["check_seconds"] == ours["check_seconds"] / floor["seconds"]
