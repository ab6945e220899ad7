"""``jsonify`` and ``inspect``: values printed as Ruby's JSON and ``inspect`` print them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..rubyvalues import inspect as ruby_inspect
from ..rubyvalues import to_json
from ._base import liquid_filter
from .text import xml_escape_text

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register"]


@liquid_filter
def jsonify(value: Any) -> str:
    """The input as JSON, drops included (documents, pages, site data) (Jekyll)."""
    return to_json(value)


@liquid_filter
def inspect(value: Any) -> str:
    """The input as Ruby's `inspect` shows it, HTML-escaped; drops print as pretty JSON (Jekyll)."""
    return xml_escape_text(ruby_inspect(value))


def register(env: JekyllEnvironment) -> None:
    env.add_filter("jsonify", jsonify)
    env.add_filter("inspect", inspect)
