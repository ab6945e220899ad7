#!/usr/bin/env python3
"""Markdown conversion speed: ours against real kramdown, same bodies, same machine, one run.

    python benchmarks/bench_markdown.py [--runs 3]

Converts every Markdown body of ../shared/corpus/ffl-blog with newsletter_liquid's kramdown
engine and (when Ruby with kramdown is installed) with kramdown itself under Jekyll's options,
timing only the conversions (not process start), and prints the ratio. Then converts inputs of
growing size to show that cost grows about linearly.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import best_of, corpus_bodies, have

RUBY = r"""
require "json"; require "kramdown"; require "kramdown-parser-gfm"
bodies = JSON.parse(File.read(ARGV[0]))
opts = { input: "GFM", auto_ids: true, toc_levels: (1..6).to_a, entity_output: :as_char,
  smart_quotes: %w(lsquo rsquo ldquo rdquo), hard_wrap: false, guess_lang: true,
  footnote_nr: 1, syntax_highlighter: "rouge",
  syntax_highlighter_opts: { default_lang: "plaintext", guess_lang: true } }
best = nil
Integer(ARGV[1]).times do
  t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  bodies.each { |b| Kramdown::Document.new(b, opts).to_html }
  d = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t
  best = d if best.nil? || d < best
end
puts best
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from newsletter_liquid.kramdown import render_markdown

    bodies = corpus_bodies()
    size = sum(len(b) for b in bodies)
    ours = best_of(args.runs, lambda: [render_markdown(b) for b in bodies])
    print(f"bodies: {len(bodies)} ({size / 1024:.0f} KiB)")
    print(f"newsletter_liquid: {ours:.3f} s  ({len(bodies) / ours:.0f} docs/s)")
    if have("ruby"):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "bodies.json"
            data.write_text(json.dumps(bodies))
            script = Path(tmp) / "bench.rb"
            script.write_text(RUBY)
            out = subprocess.run(
                ["ruby", str(script), str(data), str(args.runs)],
                capture_output=True, text=True, check=False,
            )
        if out.returncode == 0:
            theirs = float(out.stdout.strip())
            print(f"kramdown (Ruby):   {theirs:.3f} s  ({len(bodies) / theirs:.0f} docs/s)")
            print(f"ratio: ours is {theirs / ours:.2f}x kramdown's speed")
        else:
            print("kramdown not runnable:", out.stderr.strip().splitlines()[-1:])
    else:
        print("Ruby not installed: no kramdown comparison (apt-get install -y jekyll)")
    print("\nscaling (one body repeated):")
    sample = max(bodies, key=len)
    base = None
    for factor in (1, 2, 4, 8, 16):
        text = "\n\n".join([sample] * factor)
        t = best_of(3, lambda text=text: render_markdown(text))
        base = base or t
        print(f"  x{factor:<3} {len(text) / 1024:8.0f} KiB  {t:.3f} s  ({t / base:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
