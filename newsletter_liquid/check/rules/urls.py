"""Two files written to the same URL (NL042): the later one silently wins in Jekyll."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import NewsletterLiquidError
from ..positions import value_position

if TYPE_CHECKING:
    from ..engine import Checker

__all__ = ["check_duplicate_urls"]


def check_duplicate_urls(checker: Checker, targets: Set[Path]) -> None:
    site = checker.site
    writers: dict[str, list[Any]] = {}
    for item, dest in checker.outputs:
        if getattr(item, "allow_shared_destination", False):
            continue
        writers.setdefault(dest, []).append(item)
    for dest, group in writers.items():
        if len(group) < 2:
            continue
        for item in group:
            path = checker.realpath(item.path)
            if not checker.whole_site and path not in targets:
                continue
            others = ", ".join(sorted(o.relative_path.lstrip("/") for o in group if o is not item))
            pos = None
            if getattr(item, "data", None) and "permalink" in item.data:
                try:
                    pos = value_position(site.read_text(item.path), "permalink")
                except NewsletterLiquidError:
                    pos = None
            line, col = pos or (1, 1)
            checker.add("NL042", item.path, line, col,
                        f"writes {dest}, as {others} does: one of them is lost; give one "
                        "a different permalink or file name")
