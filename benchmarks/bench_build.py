#!/usr/bin/env python3
"""Whole-site build speed: newsletter_liquid against `jekyll build`, same site, one run.

    python benchmarks/bench_build.py [SITE] [--config a.yml,b.yml] [--runs 3]

Default SITE is ../shared/corpus/ffl-blog with its oracle.yml. Times, process start included:
a cold build (no caches) and a rebuild after editing one post (caches from the first build
kept), for both tools, and prints the ratios. Needs `jekyll` on PATH for the comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import CORPUS, have, run_timed  # noqa: E402


def _copy_site(site: Path, into: Path) -> Path:
    dest = into / "src"
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("_site", ".jekyll-cache",
                                                              ".nl-cache", "Gemfile*"))
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


def _measure(name: str, make_cmd, site: Path, configs: list[str] | None, runs: int):  # type: ignore[no-untyped-def]
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            src = _copy_site(site, Path(tmp))
            cmd = make_cmd(src, Path(tmp) / "out", _configs(src, configs))
            cold.append(run_timed(cmd, cwd=src))
            _edit_one_post(src)
            warm.append(run_timed(cmd, cwd=src))
    print(f"{name:18} cold {min(cold):7.2f} s   rebuild {min(warm):7.2f} s")
    return min(cold), min(warm)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", default=str(CORPUS))
    parser.add_argument("--config", help="config files relative to SITE, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs N to ours")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    configs = args.config.split(",") if args.config else None
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")

    def ours(src: Path, out: Path, cfg: list[str]) -> list[str]:
        cmd = [sys.executable, "-m", "newsletter_liquid", "build", "-q", "-s", str(src),
               "-d", str(out)]
        if cfg:
            cmd += ["--config", ",".join(cfg)]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        return cmd

    def jekyll(src: Path, out: Path, cfg: list[str]) -> list[str]:
        cmd = ["jekyll", "build", "-q", "-s", str(src), "-d", str(out)]
        if cfg:
            cmd += ["--config", ",".join(cfg)]
        return cmd

    print(f"site: {site}")
    our_cold, our_warm = _measure("newsletter_liquid", ours, site, configs, args.runs)
    if not have("jekyll"):
        print("jekyll not installed: no comparison (apt-get install -y jekyll)")
        return 0
    jek_cold, jek_warm = _measure("jekyll 4.3.1", jekyll, site, configs, args.runs)
    print(f"ratio cold:    ours is {jek_cold / our_cold:.2f}x faster")
    print(f"ratio rebuild: ours is {jek_warm / our_warm:.2f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
