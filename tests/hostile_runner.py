"""Run one hostile case in a child process with a memory cap; print its outcome as JSON.

    python tests/hostile_runner.py CASE_NAME

Outcome: {"outcome": "rendered" | "clean error" | "crash", "detail": ...}. A crash is any
exception that is not one of ours (a traceback a user would see).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

MEMORY_CAP = 2 * 1024**3


def find_case(name: str) -> tuple[str, Any]:
    from hostile_families import FAMILIES

    for family in FAMILIES.values():
        for case_name, kind, payload in family():
            if case_name == name:
                return kind, payload
    raise SystemExit(f"no case {name}")


def run(kind: str, payload: Any) -> str:
    from newsletter_liquid.errors import NewsletterLiquidError

    try:
        if kind == "markdown":
            from newsletter_liquid.kramdown import render_markdown

            render_markdown(payload)
        elif kind == "liquid":
            from newsletter_liquid.dialect import JekyllEnvironment

            JekyllEnvironment(None).render_template(payload, {}, "hostile.html")
        elif kind == "frontmatter":
            from newsletter_liquid.frontmatter import parse_front_matter

            parse_front_matter(payload, "hostile.md")
        else:
            from newsletter_liquid.site import Site

            with tempfile.TemporaryDirectory() as tmp:
                site = Path(tmp) / "site"
                site.mkdir()
                (site / "_config.yml").write_text("title: hostile\n")
                for rel, data in payload.items():
                    path = site / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                Site.load(site).build(Path(tmp) / "out")
    except NewsletterLiquidError as exc:
        return "clean error: " + str(exc).split(": ", 1)[-1][:120]
    return "rendered"


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    kind, payload = find_case(argv[0])
    try:
        outcome = run(kind, payload)
    except MemoryError:
        print(json.dumps({"outcome": "crash", "detail": "MemoryError (memory not bounded)"}))
        return 0
    except RecursionError:
        print(json.dumps({"outcome": "crash", "detail": "RecursionError"}))
        return 0
    except Exception as exc:  # anything else is a traceback a user would see
        print(json.dumps({"outcome": "crash", "detail": f"{type(exc).__name__}: {exc}"[:300]}))
        return 0
    if outcome == "rendered":
        print(json.dumps({"outcome": "rendered", "detail": ""}))
    else:
        print(json.dumps({"outcome": "clean error", "detail": outcome[len("clean error: "):]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
