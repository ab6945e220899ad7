"""Values as Ruby (and so Jekyll's Liquid) prints them.

Liquid output calls ``to_s`` on what it prints; ``inspect`` and ``jsonify`` need
Ruby's forms too. Python's ``str`` differs for None, booleans, floats, lists,
hashes and times, so every stage that prints a value goes through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..rtime import ruby_time_to_s

__all__ = ["to_s"]


def to_s(value: Any) -> str:
    """Ruby's ``to_s`` as Liquid applies it to an output value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.datetime, dt.date)):
        return ruby_time_to_s(value)
    if isinstance(value, list):
        return "".join(to_s(v) for v in value)
    if isinstance(value, Mapping) and type(value) is dict:
        return str(value)
    return str(value)
