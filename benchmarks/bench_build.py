#!/usr/bin/env python3
"""Whole-site build speed: newsletter_liquid against `jekyll build`, same site, one run.

    python benchmarks/bench_build.py [SITE] [--config a.yml,b.yml] [--runs 3] [--jobs 1,2]

Default SITE is ../shared/corpus/ffl-blog with its oracle.yml. Times, process start included:
a cold build (a fresh copy: no caches, no output folder) and a rebuild after appending a line
to one post (caches and output from the first build kept), for each tool, and prints the
ratios. Ours runs once per ``--jobs`` value. Needs `jekyll` on PATH for the comparison.

Then the rebuild where users make it, in a watching process: `build --watch` of each tool
(`jekyll build --watch`, ours), a line appended to one post ``--watch-edits`` times, each
regeneration timed as the tool reports it ("...done in X seconds.": from the change found
to the output written, reading and writing included).

Ours runs from a snapshot of the package with its bytecode compiled before timing, as an
installed package has it (even where PYTHONDONTWRITEBYTECODE is set).
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import CORPUS, ROOT, have, run_timed

CACHE_DIR_NAME = ".newsletter-liquid-cache"
Command = Callable[[Path, Path, list[str]], list[str]]


def _copy_site(site: Path, into: Path) -> Path:
    dest = into / "src"
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns(
        "_site", ".jekyll-cache", CACHE_DIR_NAME, "Gemfile*"))
    return dest


def _configs(src: Path, configs: list[str] | None) -> list[str]:
    if configs:
        return [str(src / c) for c in configs]
    found = [src / "_config.yml"] if (src / "_config.yml").exists() else []
    if (src / "oracle.yml").exists():
        found.append(src / "oracle.yml")
    return [str(p) for p in found]


def _edit_one_post(src: Path) -> None:
    posts = sorted((src / "_posts").glob("*.md")) or sorted(src.rglob("*.md"))
    with posts[len(posts) // 2].open("a", encoding="utf-8") as fh:
        fh.write("\nOne more line, edited for the rebuild benchmark.\n")


def _measure(name: str, make_cmd: Command, site: Path, configs: list[str] | None, runs: int,
             env: dict[str, str]) -> tuple[float, float]:
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            src = _copy_site(site, Path(tmp))
            cmd = make_cmd(src, Path(tmp) / "out", _configs(src, configs))
            cold.append(run_timed(cmd, cwd=src, env=env))
            _edit_one_post(src)
            warm.append(run_timed(cmd, cwd=src, env=env))
    print(f"{name:24} cold {min(cold):7.2f} s   rebuild {min(warm):7.2f} s", flush=True)
    return min(cold), min(warm)


def _wait_for(lines: queue.Queue[str | None], text: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise RuntimeError(f"no {text!r} within {timeout} s") from None
        if line is None:
            raise RuntimeError(f"the process ended before {text!r}")
        if text in line:
            return line


def _watch_rebuilds(name: str, make_cmd: Command, site: Path, configs: list[str] | None,
                    edits: int, env: dict[str, str]) -> float:
    """The median regeneration time a watching process reports for a one-post edit."""
    with tempfile.TemporaryDirectory() as tmp:
        src = _copy_site(site, Path(tmp))
        cmd = [c for c in make_cmd(src, Path(tmp) / "out", _configs(src, configs)) if c != "-q"]
        proc = subprocess.Popen([*cmd, "--watch"], cwd=src, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        times: list[float] = []
        try:
            _wait_for(lines, "Auto-regeneration: enabled", 300)
            for _ in range(edits):
                time.sleep(1.5)  # let both watchers settle between edits
                _edit_one_post(src)
                done = _wait_for(lines, "...done in", 120)
                found = re.search(r"done in ([\d.]+) seconds", done)
                assert found is not None, done
                times.append(float(found.group(1)))
        finally:
            proc.terminate()
            proc.wait()
    times.sort()
    median = times[len(times) // 2]
    print(f"{name:24} watch rebuild {median:7.3f} s (median of {edits}; "
          f"{', '.join(f'{t:.3f}' for t in times)})", flush=True)
    return median


def _python_env(folder: Path) -> dict[str, str]:
    """A snapshot of the package (edits to the checkout during the run change nothing),
    its bytecode compiled beforehand."""
    shutil.copytree(ROOT / "newsletter_liquid", folder / "code" / "newsletter_liquid",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder / "code"),
                                                      env.get("PYTHONPATH")]))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "code")],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", default=str(CORPUS))
    parser.add_argument("--config", help="config files relative to SITE, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2",
                        help="comma-separated --jobs values to time ours with (default: 1,2)")
    parser.add_argument("--watch-edits", type=int, default=5,
                        help="post edits timed in each tool's watching process (0: none)")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    configs = args.config.split(",") if args.config else None
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")

    def ours(jobs: int) -> Command:
        def command(src: Path, out: Path, cfg: list[str]) -> list[str]:
            cmd = [sys.executable, "-m", "newsletter_liquid", "build", "-q", "-s", str(src),
                   "-d", str(out), "--jobs", str(jobs)]
            if cfg:
                cmd += ["--config", ",".join(cfg)]
            return cmd
        return command

    def jekyll(src: Path, out: Path, cfg: list[str]) -> list[str]:
        cmd = ["jekyll", "build", "-q", "-s", str(src), "-d", str(out)]
        if cfg:
            cmd += ["--config", ",".join(cfg)]
        return cmd

    print(f"site: {site}  ({os.cpu_count()} cores)")
    results: dict[int, tuple[float, float]] = {}
    watched = 0.0
    with tempfile.TemporaryDirectory() as snapshot:
        env = _python_env(Path(snapshot))
        for jobs in (int(j) for j in args.jobs.split(",")):
            results[jobs] = _measure(f"newsletter_liquid -j {jobs}", ours(jobs), site, configs,
                                     args.runs, env)
        if args.watch_edits > 0:
            watched = _watch_rebuilds("newsletter_liquid", ours(1), site, configs,
                                      args.watch_edits, env)
    if not have("jekyll"):
        print("jekyll not installed: no comparison (apt-get install -y jekyll)")
        return 0
    jek_cold, jek_warm = _measure("jekyll 4.3.1", jekyll, site, configs, args.runs,
                                  dict(os.environ))
    jek_watched = 0.0
    if args.watch_edits > 0:
        jek_watched = _watch_rebuilds("jekyll 4.3.1", jekyll, site, configs, args.watch_edits,
                                      dict(os.environ))
    for jobs, (cold, warm) in results.items():
        print(f"--jobs {jobs}: ours is {jek_cold / cold:.2f}x faster cold, "
              f"{jek_warm / warm:.2f}x faster on a rebuild in a new process")
    if watched and jek_watched:
        print(f"build --watch: ours is {jek_watched / watched:.2f}x faster on a rebuild after "
              "a post edit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
