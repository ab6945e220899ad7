#!/usr/bin/env python3
"""Run every hostile-input family and write docs/hostile-inputs.md (outcome per case).

    python scripts/hostile_inputs.py [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_families import FAMILIES  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    rows = []
    totals: dict[str, int] = {}
    for family, gen in FAMILIES.items():
        for name, kind, _payload in gen():
            start = time.perf_counter()
            try:
                proc = subprocess.run(
                    [sys.executable, str(ROOT / "tests" / "hostile_runner.py"), name],
                    capture_output=True, text=True, timeout=args.timeout, check=False,
                )
                lines = proc.stdout.strip().splitlines()
                result = json.loads(lines[-1]) if lines else {
                    "outcome": "crash", "detail": proc.stderr.strip()[-200:]}
            except subprocess.TimeoutExpired:
                result = {"outcome": "hang", "detail": f"over {args.timeout} s"}
            took = time.perf_counter() - start
            totals[result["outcome"]] = totals.get(result["outcome"], 0) + 1
            detail = result["detail"].replace("|", "\\|")
            rows.append(f"| {family} | `{name}` | {kind} | {result['outcome']} | "
                        f"{took:.1f} s | {detail} |")
            print(rows[-1], flush=True)
    summary = ", ".join(f"{v} {k}" for k, v in sorted(totals.items()))
    text = "\n".join([
        "# Hostile input",
        "",
        "Made by `python scripts/hostile_inputs.py`: every case runs in its own process with a",
        "2 GiB memory cap; the outcome is *rendered*, *clean error* (one of our errors, shown to",
        "a user as `path:line:col: message`), *crash* (any other exception) or *hang*.",
        "The same cases are tests (tests/test_hostile.py).",
        "",
        f"Summary: {len(rows)} cases: {summary}.",
        "",
        "| family | case | input | outcome | time | detail |",
        "| --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
    ])
    (ROOT / "docs" / "hostile-inputs.md").write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
