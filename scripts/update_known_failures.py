#!/usr/bin/env python3
"""Rewrite tests/known_failures/<suite>.txt from a real run of that suite's test file.

Runs the test module with ``--runxfail`` so every case is judged on its own,
then lists the failing case ids, keeping the reasons already written for
cases that still fail. Usage: ``python scripts/update_known_failures.py markdown``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = {
    "markdown": ("tests/test_markdown_conformance.py", "test_markdown_case"),
    "liquid": ("tests/test_liquid_conformance.py", "test_liquid_case"),
    "corpus": ("tests/test_corpus.py", "test_corpus_file"),
    "fixtures": ("tests/test_fixtures.py", "test_fixture_file"),
}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in SUITES:
        print(f"usage: update_known_failures.py {{{'|'.join(SUITES)}}}", file=sys.stderr)
        return 2
    suite = argv[0]
    test_file, test_name = SUITES[suite]
    known_path = ROOT / "tests" / "known_failures" / f"{suite}.txt"
    old: dict[str, str] = {}
    if known_path.exists():
        for line in known_path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cid, _, reason = line.partition("#")
                old[cid.strip()] = reason.strip()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.xml"
        subprocess.run(
            [sys.executable, "-m", "pytest", test_file, "-k", test_name, "--runxfail",
             "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
            cwd=ROOT, stdout=subprocess.DEVNULL, check=False,
        )
        tree = ET.parse(report)
    failing: list[str] = []
    passing = 0
    for case in tree.iter("testcase"):
        name = case.get("name", "")
        m = re.fullmatch(rf"{test_name}\[(.*)\]", name)
        if not m:
            continue
        if case.find("failure") is not None or case.find("error") is not None:
            failing.append(m.group(1))
        elif case.find("skipped") is None:
            passing += 1
    lines = [
        f"# Known failures of the {suite} suite: run as strict xfail (tests/ratchet.py).",
        "# Regenerate: python scripts/update_known_failures.py " + suite,
    ]
    for cid in sorted(failing):
        lines.append(f"{cid}  # {old.get(cid) or 'output differs from Jekyll'}")
    known_path.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{suite}: {passing} pass, {len(failing)} known failures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
