#!/usr/bin/env python3
"""A longer fuzz campaign: the property tests of tests/test_fuzz.py with many more examples.

    python scripts/fuzz_campaign.py [--examples 20000]

Hypothesis keeps the failing examples it finds in .hypothesis/; turn each into a regression
test (tests/data or tests/hostile_families.py) once understood.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=20_000)
    args = parser.parse_args()
    env = dict(os.environ, NL_FUZZ_EXAMPLES=str(args.examples))
    return subprocess.call(
        [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-q", "-x"], cwd=ROOT, env=env
    )


if __name__ == "__main__":
    sys.exit(main())
