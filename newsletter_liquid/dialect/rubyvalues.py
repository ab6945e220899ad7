"""Values as Ruby (and so Jekyll's Liquid) prints them.

Liquid output calls ``to_s`` on what it prints; ``inspect`` and ``jsonify`` need
Ruby's forms too. Python's ``str`` differs for None, booleans, floats, lists,
hashes and times, so every stage that prints a value goes through here.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from liquid import Undefined

from ..rtime import ruby_time_inspect, ruby_time_to_s

__all__ = ["float_to_s", "inspect", "is_nil", "to_json", "to_s"]


def is_nil(value: Any) -> bool:
    """Ruby's ``nil?``: python-liquid hands filters ``Undefined`` for unknown names."""
    return value is None or isinstance(value, Undefined)


def float_to_s(value: float) -> str:
    """Ruby's ``Float#to_s``: shortest round-trip digits, ``.0`` kept, ``e`` past 1e16."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest_digits(abs(value))
    decpt = exponent + len(digits)  # position of the decimal point in ``digits``
    if 0 < decpt <= 16 and (decpt <= 15 or len(digits) > decpt):
        if len(digits) <= decpt:
            return f"{sign}{digits}{'0' * (decpt - len(digits))}.0"
        return f"{sign}{digits[:decpt]}.{digits[decpt:]}"
    if -4 < decpt <= 0:
        return f"{sign}0.{'0' * -decpt}{digits}"
    mantissa = digits[0] + "." + (digits[1:] or "0")
    exp = decpt - 1
    return f"{sign}{mantissa}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def _shortest_digits(value: float) -> tuple[str, int]:
    """Digits and exponent of the shortest repr (``repr`` is round-trip shortest too)."""
    _sign, digit_tuple, exponent = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, digit_tuple)).lstrip("0") or "0"
    stripped = digits.rstrip("0")
    assert isinstance(exponent, int)
    return stripped, exponent + (len(digits) - len(stripped))


def to_s(value: Any) -> str:
    """Ruby's ``to_s`` as Liquid applies it to an output value."""
    if type(value) is str:  # most outputs: no need to ask the Undefined ABC first
        return value
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, Decimal):
        return float_to_s(float(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return ruby_time_to_s(value)
    if isinstance(value, (list, tuple)):
        return "".join(to_s(v) for v in value)
    if isinstance(value, range):
        return inspect(value)
    if isinstance(value, Mapping):
        if _is_plain_hash(value):
            return inspect(value)
        if type(value).__str__ is object.__str__:
            # Liquid::Drop#to_s is the class name.
            return f"Jekyll::Drops::{type(value).__name__}"
    return str(value)


def _is_plain_hash(value: Mapping[Any, Any]) -> bool:
    """Drops print through their own ``__str__``; YAML and Liquid hashes print as Ruby's."""
    return isinstance(value, dict) or not hasattr(value, "_methods")


_ESCAPES = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f",
    "\v": "\\v", "\b": "\\b", "\a": "\\a", "\x1b": "\\e",
}
_UNPRINTABLE = frozenset({"Cc", "Zl", "Zp", "Cs", "Cn"})


def inspect_string(text: str) -> str:
    """Ruby's ``String#inspect`` for a UTF-8 string."""
    out = ['"']
    n = len(text)
    for i, ch in enumerate(text):
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch == "#" and i + 1 < n and text[i + 1] in "{$@":
            out.append("\\#")
        elif unicodedata.category(ch) in _UNPRINTABLE:
            code = ord(ch)
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\u{{{code:X}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def inspect(value: Any) -> str:
    """Ruby's ``inspect`` (what ``Hash#to_s`` and the ``inspect`` filter print)."""
    if value is None or isinstance(value, Undefined):
        return "nil"
    if isinstance(value, str):
        return inspect_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, Decimal):
        return float_to_s(float(value))
    if isinstance(value, dt.datetime):
        return ruby_time_inspect(value)
    if isinstance(value, dt.date):
        jd = value.toordinal() + 1721425
        return f"#<Date: {value.isoformat()} (({jd}j,0s,0n),+0s,2299161j)>"
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not _is_plain_hash(value):
            return to_json(value, pretty=True)
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items()) + "}"
    return str(value)


_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r",
                 "\f": "\\f", "\b": "\\b"}
_COLLAPSED_FIELDS = frozenset({"content", "output", "excerpt", "next", "previous"})


def json_string(text: str) -> str:
    """Ruby's JSON string: only quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in text:
        esc = _JSON_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def to_json(value: Any, *, pretty: bool = False) -> str:
    """Ruby's ``to_json`` (``JSON.pretty_generate`` with ``pretty``) of a Liquid value."""
    return _json(value, 0, pretty)


def _json_key(key: Any) -> str:
    return json_string(key if isinstance(key, str) else to_s(key))


def _json(value: Any, depth: int, pretty: bool) -> str:
    if value is None or isinstance(value, Undefined):
        return "null"
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        return float_to_s(float(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return json_string(to_s(value))
    if isinstance(value, range):
        return json_string(inspect(value))
    if isinstance(value, (list, tuple)):
        items = [_json(v, depth + 1, pretty) for v in value]
        if not pretty:
            return "[" + ",".join(items) + "]"
        inner = "  " * (depth + 1)
        return "[\n" + ",\n".join(inner + i for i in items) + "\n" + "  " * depth + "]"
    if isinstance(value, Mapping):
        pairs = _json_pairs(value, depth)
        sep = ": " if pretty else ":"
        items = [_json_key(k) + sep + _json(v, depth + 1, pretty) for k, v in pairs]
        if not pretty:
            return "{" + ",".join(items) + "}"
        if not items:
            return "{\n" + "  " * depth + "}"  # json 2.6's generator writes {} this way
        inner = "  " * (depth + 1)
        return "{\n" + ",\n".join(inner + i for i in items) + "\n" + "  " * depth + "}"
    return json_string(to_s(value))


def _json_pairs(value: Mapping[Any, Any], depth: int) -> list[tuple[Any, Any]]:
    # A drop may say what its JSON holds (Jekyll's ``hash_for_json``), e.g. a
    # collection's documents as their rendered text.
    custom = getattr(value, "hash_for_json", None)
    pairs = list(custom().items()) if callable(custom) else list(value.items())
    if depth >= 2 and not _is_plain_hash(value):
        # A document's JSON nested two levels deep collapses its neighbours, as
        # Jekyll's DocumentDrop#hash_for_json does, to end the recursion.
        pairs = [
            (k, _collapse(v) if k in ("next", "previous") and v is not None else v)
            for k, v in pairs
        ]
    return pairs


def _collapse(doc: Any) -> Any:
    if isinstance(doc, Mapping):
        return {k: v for k, v in doc.items() if k not in _COLLAPSED_FIELDS}
    return doc
