"""Array filters: Liquid's standard ones over its ``InputIterator`` (arrays flattened,
a hash or string as one item), Jekyll's ``push``/``pop``/``shift``/``unshift``/
``sample``/``array_to_sentence_string``/``to_integer``, and ``size``/``default``."""

from __future__ import annotations

import datetime as dt
import math as pymath
import random
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..rubyvalues import to_s
from ._base import (
    NoIndexMethod,
    class_name,
    empty_literals,
    filter_error,
    index,
    input_iterator,
    is_drop,
    liquid_filter,
    ruby_str,
    str_to_i,
    to_integer,
)
from .grouping import eql_key
from .rubysort import merge_sort

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register", "ruby_join"]


class _NoIndex(Exception):
    """An item without ``[]``: Liquid's property filters then return nil."""


def _property(item: Any, prop: Any) -> Any:
    """``item[property]`` with Liquid's rescue: a TypeError names the property."""
    try:
        return index(item, prop)
    except TypeError:
        raise filter_error(f"cannot select the property '{ruby_str(prop)}'") from None
    except NoIndexMethod:
        raise _NoIndex from None


def ruby_join(items: Any, glue: str) -> str:
    """Ruby's ``Array#join``: nested arrays joined with the same glue, nil as nothing."""
    return glue.join(
        ruby_join(item, glue) if isinstance(item, (list, tuple)) else to_s(item)
        for item in items
    )


@liquid_filter
def join(value: Any, glue: Any = " ") -> str:
    """Join array items with the argument, a space by default (Liquid)."""
    return ruby_join(input_iterator(value), ruby_str(glue))


@liquid_filter
def first(value: Any) -> Any:
    """The first item of an array (the first key-value pair of a hash) (Liquid)."""
    if isinstance(value, (list, tuple, range)):
        return value[0] if len(value) else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            return [key, item]
    return None


@liquid_filter
def last(value: Any) -> Any:
    """The last item of an array (Liquid)."""
    if isinstance(value, (list, tuple, range)):
        return value[-1] if len(value) else None
    return None


@liquid_filter
def concat(value: Any, other: Any) -> list[Any]:
    """Join two arrays into one; the argument must be an array (Liquid)."""
    if not isinstance(other, (list, tuple)):
        raise filter_error("concat filter requires an array argument")
    return input_iterator(value) + list(other)


@liquid_filter
def reverse(value: Any) -> list[Any]:
    """The array in reverse order (Liquid)."""
    return input_iterator(value)[::-1]


@empty_literals("args")
@liquid_filter
def map_(value: Any, prop: Any) -> list[Any]:
    """The value of a property (the argument) for each item (Liquid)."""
    out = []
    for item in input_iterator(value):
        if prop == "to_liquid":
            out.append(item)
            continue
        try:
            out.append(_property(item, prop))
        except _NoIndex:
            out.append(None)
    return out


@empty_literals("args")
@liquid_filter
def compact(value: Any, prop: Any = None) -> Any:
    """Drop nil items, or items whose property (the argument) is nil (Liquid)."""
    items = input_iterator(value)
    if prop is None:
        return [item for item in items if item is not None]
    try:
        return [item for item in items if _property(item, prop) is not None]
    except _NoIndex:
        return None


@liquid_filter
def uniq(value: Any, prop: Any = None) -> Any:
    """Remove duplicate items, by a property when given (Liquid)."""
    items = input_iterator(value)
    try:
        keys = [eql_key(item if prop is None else _property(item, prop)) for item in items]
    except _NoIndex:
        return None
    seen: set[Any] = set()
    out = []
    for item, key in zip(items, keys, strict=True):
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _casecmp(a: Any, b: Any) -> int:
    """Liquid's ``nil_safe_casecmp``: ASCII-only case folding, nils last."""
    if a is not None and b is not None:
        x = ruby_str(a).translate(_ASCII_LOWER)
        y = ruby_str(b).translate(_ASCII_LOWER)
        return (x > y) - (x < y)
    return 1 if a is None else -1


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _responds_to_index(value: Any) -> bool:
    return isinstance(value, (Mapping, list, tuple, str)) or (
        isinstance(value, int) and not isinstance(value, bool)
    )


@liquid_filter
def sort_natural(value: Any, prop: Any = None) -> Any:
    """Sort an array case-insensitively, by a property when given (Liquid)."""
    items = input_iterator(value)
    if not items:
        return []
    if prop is None:
        return merge_sort(items, _casecmp)
    if not all(_responds_to_index(item) for item in items):
        return None
    keyed = [(_property(item, prop), item) for item in items]
    return [item for _, item in merge_sort(keyed, lambda a, b: _casecmp(a[0], b[0]))]


def _integer_size(value: int) -> int:
    if -(1 << 62) <= value < (1 << 62):
        return 8
    return (abs(value).bit_length() + 7) // 8


@liquid_filter
def size(value: Any) -> int:
    """Number of characters in a string or items in an array or hash (Liquid)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return _integer_size(value)
    if is_drop(value):
        return 0  # Jekyll's drops have no ``size``
    if isinstance(value, (str, list, tuple, range, Mapping)):
        return len(value)
    return 0


def _is_empty(value: Any) -> bool:
    """``respond_to?(:empty?) && empty?``: strings, arrays, hashes (drops have no empty?)."""
    return isinstance(value, (str, list, tuple, Mapping)) and not is_drop(value) and not value


@empty_literals("all")
@liquid_filter
def default(value: Any, fallback: Any = "", options: Any = None) -> Any:
    """The argument when the input is nil, false or empty; `allow_false: true` keeps false
    (Liquid)."""
    options = options if isinstance(options, Mapping) else {}
    allow_false = options.get("allow_false")
    if allow_false is not None and allow_false is not False:
        missing = value is None
    else:
        missing = value is None or value is False
    return fallback if missing or _is_empty(value) else value


@empty_literals("fail")
@liquid_filter
def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    """List the items in prose: `a, b, and c`; the word before the last is the argument, "and" by
    default (Jekyll)."""
    if not isinstance(value, (list, tuple, str, Mapping)):
        raise filter_error(
            f"undefined method `length' for {ruby_str(value) or 'nil'}:{class_name(value)}"
        )
    length = len(value)
    word = ruby_str(connector)
    if length == 0:
        return ""
    if isinstance(value, Mapping) or (isinstance(value, str) and length > 2):
        raise filter_error(f"undefined method `join' for {ruby_str(value[:-1])}:String"
                           if isinstance(value, str) else "undefined method `join' for nil")
    if length == 1:
        return ruby_str(value[0])
    if length == 2:
        return f"{ruby_str(value[0])} {word} {ruby_str(value[1])}"
    return f"{ruby_join(value[:-1], ', ')}, {word} {ruby_str(value[-1])}"


def _array_or_none(value: Any) -> list[Any] | None:
    return list(value) if isinstance(value, list) else None


@liquid_filter
def pop(value: Any, count: Any = 1) -> Any:
    """The array without its last item (or last N items) (Jekyll)."""
    items = _array_or_none(value)
    if items is None:
        return value
    n = to_integer(count)
    if n < 0:
        raise filter_error("negative array size")
    return items[: max(len(items) - n, 0)]


@liquid_filter
def push(value: Any, item: Any) -> Any:
    """The array with one more item at the end (Jekyll)."""
    items = _array_or_none(value)
    return value if items is None else [*items, item]


@liquid_filter
def shift(value: Any, count: Any = 1) -> Any:
    """The array without its first item (or first N items) (Jekyll)."""
    items = _array_or_none(value)
    if items is None:
        return value
    n = to_integer(count)
    if n < 0:
        raise filter_error("negative array size")
    return items[n:]


@liquid_filter
def unshift(value: Any, item: Any) -> Any:
    """The array with one more item at the start (Jekyll)."""
    items = _array_or_none(value)
    return value if items is None else [item, *items]


@liquid_filter
def sample(value: Any, count: Any = 1) -> Any:
    """One random item, or an array of N random items (Jekyll)."""
    items = _array_or_none(value)
    if items is None:
        return value
    try:
        n = to_integer(count)
    except Exception:  # Jekyll: ``to_integer(num) rescue 1``
        n = 1
    if n == 1:
        return random.choice(items) if items else None
    if n < 0:
        raise filter_error("negative sample number")
    return random.sample(items, min(n, len(items)))


@empty_literals("fail")
@liquid_filter
def to_integer_(value: Any) -> int:
    """Convert to an integer: `true` is 1, `false` 0, a string its leading digits (Jekyll)."""
    if value is True:
        return 1
    if value is False:
        return 0
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return str_to_i(value)
    if isinstance(value, (float, Decimal)):
        if not pymath.isfinite(value):
            raise filter_error(to_s(value))
        return int(value)
    if isinstance(value, dt.datetime):
        return int(value.timestamp())
    raise filter_error(
        f"undefined method `to_i' for {ruby_str(value)}:{class_name(value)}"
    )


def register(env: JekyllEnvironment) -> None:
    for name, func in (
        ("join", join), ("first", first), ("last", last), ("concat", concat),
        ("reverse", reverse), ("map", map_), ("compact", compact), ("uniq", uniq),
        ("sort_natural", sort_natural), ("size", size), ("default", default),
        ("array_to_sentence_string", array_to_sentence_string), ("pop", pop),
        ("push", push), ("shift", shift), ("unshift", unshift), ("sample", sample),
        ("to_integer", to_integer_),
    ):
        env.add_filter(name, func)
