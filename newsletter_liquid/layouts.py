"""The layout chain: a layout's own front matter may name a parent layout."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .document import Convertible, Layout

if TYPE_CHECKING:
    from .site import Site

__all__ = ["layout_chain"]


def layout_chain(site: Site, item: Convertible) -> Iterator[Layout]:
    """The layouts ``item`` is placed in, innermost first, each at most once.

    Jekyll warns about an unknown layout and renders without it; a layout that
    names one already used ends the chain (cycle guard), as in Jekyll.
    """
    name = item.data.get("layout")
    layout = site.layouts.get(str(name)) if name is not None else None
    if name is not None and layout is None:
        site.warn(
            f"Build Warning: Layout '{name}' requested in {item.relative_path} does not exist."
        )
    used: set[int] = set()
    while layout is not None and id(layout) not in used:
        used.add(id(layout))
        yield layout
        parent = layout.data.get("layout")
        layout = site.layouts.get(str(parent)) if parent is not None else None
