"""The layout chain: a layout's own front matter may name a parent layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .document import Convertible, Layout
from .errors import LayoutError

if TYPE_CHECKING:
    from .site import Site

__all__ = ["layout_chain"]


def layout_chain(site: Site, item: Convertible) -> Iterator[Layout]:
    """The layouts ``item`` is placed in, innermost first, each at most once.

    A layout that names one already used ends the chain (cycle guard), as in
    Jekyll. Jekyll only warns about an unknown layout and writes the page bare;
    we stop with an error at the ``layout:`` line, because a page silently
    published without its layout is never what the author meant.
    """
    name = item.setting("layout")
    layout = site.layouts.get(str(name)) if name is not None else None
    if name is not None and layout is None and name != "none":
        line, col = _key_position(site, item, "layout")
        known = ", ".join(sorted(site.layouts)) or "none"
        raise LayoutError(
            f"layout '{name}' does not exist in _layouts (known layouts: {known})",
            item.relative_path, line, col,
        )
    used: set[int] = set()
    while layout is not None and id(layout) not in used:
        used.add(id(layout))
        yield layout
        parent = layout.data.get("layout")
        layout = site.layouts.get(str(parent)) if parent is not None else None


def _key_position(site: Site, item: Convertible, key: str) -> tuple[int | None, int | None]:
    """Line and column of ``key:`` in the item's front matter (None when it is a default)."""
    try:
        text = site.read_text(item.path)
    except Exception:  # the file was readable moments ago; a position is a courtesy
        return None, None
    head = text[: text.find("\n---", 3) if text.startswith("---") else 0]
    m = re.search(rf"^([ \t]*){re.escape(key)}[ \t]*:", head, re.M)
    if not m:
        return None, None
    line = head.count("\n", 0, m.start()) + 1
    return line, len(m.group(1)) + 1
