"""Jekyll's filters, registered in one place, one module per group."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register"]


def register(env: JekyllEnvironment) -> None:
    """Register every Jekyll filter (and Jekyll's versions of standard ones) on ``env``."""
    from . import url

    url.register(env)
