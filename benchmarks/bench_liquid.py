#!/usr/bin/env python3
"""Liquid rendering speed on the corpus: documents per second, and Jekyll's whole build.

    python benchmarks/bench_liquid.py [--runs 3]

Renders every page and document of ../shared/corpus/ffl-blog (bodies and layouts) with
Markdown conversion replaced by the identity, so the time is Liquid's; when Jekyll is
installed, times `jekyll build` of the same site for scale (Jekyll cannot run Liquid alone).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import CORPUS, best_of, have, run_timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    from newsletter_liquid.site import Site

    configs = [CORPUS / "_config.yml", CORPUS / "oracle.yml"]

    def render() -> int:
        site = Site.load(CORPUS, configs)
        site.markdownify = lambda text: text  # type: ignore[method-assign]
        return len(site.render_all())

    count = len(Site.load(CORPUS, configs).documents) + len(Site.load(CORPUS, configs).pages)
    took = best_of(args.runs, render)
    print(f"documents and pages: {count}")
    print(f"newsletter_liquid Liquid only: {took:.2f} s  ({count / took:.0f} documents/s)")
    if have("jekyll"):
        with tempfile.TemporaryDirectory() as tmp:
            jek = min(
                run_timed(["jekyll", "build", "-q", "-s", str(CORPUS), "-d", f"{tmp}/out{i}",
                           "--config", ",".join(map(str, configs)), "--disable-disk-cache"])
                for i in range(args.runs)
            )
        print(f"jekyll build (everything): {jek:.2f} s  ({count / jek:.0f} documents/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
