"""Jekyll's tags, registered in one place, one module per tag."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register"]


def register(env: JekyllEnvironment) -> None:
    """Register Jekyll's tags on ``env`` (replacing Liquid's own ``include``)."""
    from . import include

    include.register(env)
