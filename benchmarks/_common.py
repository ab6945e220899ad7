"""Shared helpers for the benchmark scripts (not tests: they print ratios)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "ffl-blog"


def corpus_bodies() -> list[str]:
    """The Markdown bodies of every corpus post and newsletter (front matter removed)."""
    from newsletter_liquid.frontmatter import parse_front_matter

    bodies = []
    for folder in ("_posts", "_newsletters"):
        for path in sorted((CORPUS / folder).glob("*.md")):
            bodies.append(parse_front_matter(path.read_text("utf-8")).body)
    return bodies


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``func`` in seconds (least disturbed by noise)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def have(command: str) -> bool:
    return shutil.which(command) is not None


def run_timed(cmd: list[str], **kwargs: object) -> float:
    """Seconds one command takes; our package is importable from the checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    kwargs.setdefault("env", env)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start
