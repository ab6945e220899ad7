"""Jekyll's filters, registered in one place, one module per group.

Every standard Liquid filter is replaced by one with the Ruby gem's results, and
python-liquid's extra filters (``sum``, ``has``, ``reject`` ...) are dropped: under
liquid 5.4 they do not exist, so an unknown filter passes its input through.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register"]


def register(env: JekyllEnvironment) -> None:
    """Register every Jekyll filter (and Jekyll's versions of standard ones) on ``env``."""
    from . import array, date, grouping, json, math, text, url

    env.filters.clear()
    for group in (text, math, array, grouping, date, json, url):
        group.register(env)
