"""Ruby's ordering: ``<=>`` on Liquid values and ``Array#sort`` as glibc runs it.

Ruby sorts with glibc's ``qsort_r``, a top-down merge sort; reproducing its exact
sequence of comparisons makes ties, inconsistent comparators (``sort_natural``
with nils) and the first failing pair (the error message) come out as Jekyll's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ...utils import ruby_sort as merge_sort
from ..rubyvalues import inspect
from ._base import class_name, filter_error

__all__ = ["compare_or_fail", "merge_sort", "spaceship"]

Comparator = Callable[[Any, Any], int]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def spaceship(a: Any, b: Any) -> int | None:
    """Ruby's ``a <=> b``: -1, 0, 1, or None where the values do not compare."""
    if _is_number(a) and _is_number(b):
        if a != a or b != b:  # NaN
            return None
        return int(a > b) - int(a < b)
    if isinstance(a, str) and isinstance(b, str):
        return (a > b) - (a < b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for x, y in zip(a, b, strict=False):
            result = spaceship(x, y)
            if result != 0:
                return result
        return (len(a) > len(b)) - (len(a) < len(b))
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return (a > b) - (a < b)
    if (
        isinstance(a, dt.date) and isinstance(b, dt.date)
        and not isinstance(a, dt.datetime) and not isinstance(b, dt.datetime)
    ):
        return (a > b) - (a < b)
    if a is b:
        return 0
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return None
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return 0 if a == b else None
    return None


def comparison_failed(a: Any, b: Any) -> Exception:
    """Ruby's ArgumentError text: special constants and floats shown, else the class."""
    special = b is None or isinstance(b, (bool, int, float))
    shown = inspect(b) if special else class_name(b)
    return filter_error(f"comparison of {class_name(a)} with {shown} failed")


def compare_or_fail(a: Any, b: Any) -> int:
    """``a <=> b`` as ``Array#sort`` needs it: a non-comparable pair is an error."""
    result = spaceship(a, b)
    if result is None:
        raise comparison_failed(a, b)
    return result
