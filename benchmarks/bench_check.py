#!/usr/bin/env python3
"""`newsletter-liquid check` speed against `jekyll build` of the same site, same run.

    python benchmarks/bench_check.py [--runs 5] [--jekyll-runs 3]

Times, cold process start included (a new Python for every run, as pre-commit does):
checking one post of the ffl-blog corpus (the reference newsletter), checking the whole
corpus, and Jekyll's build of the corpus (Jekyll's only way to surface these errors), via
plain `jekyll build` of a fresh copy (the copy not timed). Prints the
best time of each and the ratios.

Ours checks a copy of the corpus, so that the read cache lands there, not in ../shared. The
one-post check is timed twice: without the cache (``--no-cache``: every front matter parsed,
as on a first check), and as pre-commit runs it, with the read cache a previous build or
check left in the source and the post's body edited before every run (so the checked text
itself is always new).

Ours runs from a snapshot of the package with its bytecode compiled before timing, as an
installed package has it (even where PYTHONDONTWRITEBYTECODE is set): compiling the
package's sources on every start would otherwise be most of a one-post check.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import CORPUS, have
from benchmarks.bench_build import _python_env

POST = "_newsletters/2018-11-07-client.md"
CONFIGS = "_config.yml,oracle.yml"


def _timed(cmd: list[str], **kwargs: object) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          **kwargs)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: findings, as expected on this corpus
        raise SystemExit(f"{' '.join(cmd)} failed with status {done.returncode}")
    return elapsed


def _best(runs: int, cmd: list[str], **kwargs: object) -> float:
    return min(_timed(cmd, **kwargs) for _ in range(runs))


def _jekyll(runs: int) -> float | None:
    """Plain ``jekyll build`` of a fresh copy of the corpus (the copy is not timed): the
    command a user runs. The reference-build tool adds a frozen clock (faketime) and
    the copy to its time, which would flatter the ratio."""
    if not have("jekyll"):
        return None
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "site"
            shutil.copytree(CORPUS, src, ignore=shutil.ignore_patterns(
                "_site", ".jekyll-cache", ".newsletter-liquid-cache"))
            out = Path(tmp) / "out"
            cmd = ["jekyll", "build", "-q", "-s", str(src), "-d", str(out),
                   "--config", ",".join(str(src / c) for c in CONFIGS.split(","))]
            times.append(_timed(cmd, cwd=src))
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jekyll-runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as snapshot:
        env = {**_python_env(Path(snapshot)), "SOURCE_DATE_EPOCH": "1704067200"}
        return _run(args, env)


def _edited_runs(runs: int, cmd: list[str], site: Path, env: dict[str, str]) -> float:
    """Best time of ``cmd`` with the post's body edited before each run."""
    post = site / POST
    original = post.read_text("utf-8")
    times = []
    try:
        for n in range(runs):
            post.write_text(f"{original}\nEdited before check run {n}.\n", "utf-8")
            times.append(_timed(cmd, cwd=site, env=env))
    finally:
        post.write_text(original, "utf-8")
    return min(times)


def _run(args: argparse.Namespace, env: dict[str, str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(CORPUS, site, ignore=shutil.ignore_patterns(
            "_site", ".jekyll-cache", ".newsletter-liquid-cache"))
        return _compare(args, env, site)


def _compare(args: argparse.Namespace, env: dict[str, str], site: Path) -> int:
    check = [sys.executable, "-m", "newsletter_liquid", "check", "--config", CONFIGS]
    cold = _best(args.runs, [*check, "--no-cache", POST], cwd=site, env=env)
    _timed([*check, "--cache-dir", ".newsletter-liquid-cache", POST], cwd=site, env=env)
    one = _edited_runs(args.runs, [*check, POST], site, env)
    whole = _best(max(1, args.runs // 2), check, cwd=site, env=env)
    whole_1 = _best(max(1, args.runs // 2), [*check, "-j1"], cwd=site, env=env)
    start = _best(args.runs, [sys.executable, "-c", "import newsletter_liquid.check.engine, "
                              "newsletter_liquid.check.recording, newsletter_liquid.kramdown"],
                  env=env)
    print(f"check one post, no cache {cold:6.2f} s   ({POST})")
    print(f"check one post (edited)  {one:6.2f} s   (read cache from an earlier check)")
    print(f"check whole corpus       {whole:6.2f} s   (workers: default)")
    print(f"check whole corpus -j1   {whole_1:6.2f} s")
    print(f"python start + imports   {start:6.2f} s")
    jekyll = _jekyll(args.jekyll_runs)
    if jekyll is None:
        print("jekyll not found: no comparison")
        return 0
    print(f"jekyll build             {jekyll:6.2f} s")
    print(f"ratio one post           {jekyll / one:6.1f}x faster than jekyll build "
          f"(no cache: {jekyll / cold:.1f}x)")
    print(f"ratio whole corpus       {jekyll / whole:6.1f}x (-j1: {jekyll / whole_1:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
