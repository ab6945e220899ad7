"""Math filters with Ruby's numbers: integers stay integers, decimals are BigDecimal.

Liquid turns a float (or a ``"1.5"`` string) into a BigDecimal before the
operation and the result back into a Float, so ``0.1 | plus: 0.2`` is ``0.3``;
integer division floors and dividing an integer by zero fails the render.
"""

from __future__ import annotations

import decimal
import math as pymath
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..rubyvalues import float_to_s
from ._base import filter_error, liquid_filter, str_to_i

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment

__all__ = ["register", "to_number"]

Number = int | Decimal

# BigDecimal's + - * are exact; its quotients keep a few dozen digits, plenty for to_f.
_EXACT = decimal.Context(prec=1000, rounding=decimal.ROUND_HALF_EVEN, traps=[])
_QUOTIENT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN, traps=[])
_DECIMAL_STRING = re.compile(r"-?[0-9]+\.[0-9]+")


def to_number(value: Any) -> Number:
    """Liquid's ``Utils.to_number``."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return Decimal(float_to_s(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        stripped = value.strip(" \t\n\v\f\r\0")
        if _DECIMAL_STRING.fullmatch(stripped):
            return Decimal(stripped)
        return str_to_i(value)
    return 0


def _result(value: Number) -> int | float:
    return float(value) if isinstance(value, Decimal) else value


def _divide(left: Number, right: Number) -> Number:
    if isinstance(left, int) and isinstance(right, int):
        if right == 0:
            raise filter_error("divided by 0")
        return left // right
    a, b = Decimal(left), Decimal(right)
    if b == 0:
        if a == 0 or a.is_nan():
            return Decimal("NaN")
        return Decimal("Infinity") if (a > 0) == (not b.is_signed()) else Decimal("-Infinity")
    return _QUOTIENT.divide(a, b)


def _modulo(left: Number, right: Number) -> Number:
    if isinstance(left, int) and isinstance(right, int):
        if right == 0:
            raise filter_error("divided by 0")
        return left % right
    a, b = Decimal(left), Decimal(right)
    if b == 0:
        raise filter_error("divided by 0")
    if a.is_infinite() or a.is_nan() or b.is_nan():
        return Decimal("NaN")
    if b.is_infinite():
        return a if a == 0 or (a > 0) == (b > 0) else b
    # Ruby's modulo takes the divisor's sign (floored), unlike Decimal's %.
    remainder = _EXACT.remainder(a, b)
    if remainder != 0 and (remainder < 0) != (b < 0):
        remainder = _EXACT.add(remainder, b)
    return remainder


def _apply(left: Any, right: Any, op: str) -> int | float:
    a, b = to_number(left), to_number(right)
    if op == "+":
        value: Number = a + b if isinstance(a, int) and isinstance(b, int) else _EXACT.add(
            Decimal(a), Decimal(b)
        )
    elif op == "-":
        value = a - b if isinstance(a, int) and isinstance(b, int) else _EXACT.subtract(
            Decimal(a), Decimal(b)
        )
    elif op == "*":
        value = a * b if isinstance(a, int) and isinstance(b, int) else _EXACT.multiply(
            Decimal(a), Decimal(b)
        )
    elif op == "/":
        value = _divide(a, b)
    else:
        value = _modulo(a, b)
    return _result(value)


@liquid_filter
def plus(value: Any, operand: Any) -> int | float:
    """Add the argument (Liquid)."""
    return _apply(value, operand, "+")


@liquid_filter
def minus(value: Any, operand: Any) -> int | float:
    """Subtract the argument (Liquid)."""
    return _apply(value, operand, "-")


@liquid_filter
def times(value: Any, operand: Any) -> int | float:
    """Multiply by the argument (Liquid)."""
    return _apply(value, operand, "*")


@liquid_filter
def divided_by(value: Any, operand: Any) -> int | float:
    """Divide by the argument; integer division (rounded down) when both are integers (Liquid)."""
    return _apply(value, operand, "/")


@liquid_filter
def modulo(value: Any, operand: Any) -> int | float:
    """Remainder of dividing by the argument, with the divisor's sign, as Ruby's `%` (Liquid)."""
    return _apply(value, operand, "%")


@liquid_filter
def abs_(value: Any) -> int | float:
    """Absolute value of a number or numeric string (Liquid)."""
    number = to_number(value)
    return _result(number.copy_abs() if isinstance(number, Decimal) else abs(number))


def _finite(number: Number) -> Number:
    """Rounding infinity or NaN is Ruby's FloatDomainError."""
    if isinstance(number, Decimal) and not number.is_finite():
        raise filter_error(float_to_s(float(number)))
    return number


def _round_half_up(number: Decimal, digits: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP,
                           context=_EXACT)


@liquid_filter
def round_(value: Any, digits: Any = 0) -> int | float:
    """Round half away from zero, to the given number of decimal places (Liquid)."""
    number = _finite(to_number(value))
    places = _finite(to_number(digits))
    n = int(places)
    if isinstance(number, int):
        if n >= 0:
            result: Number = number
        else:
            unit = 10 ** -n
            result = (abs(number) + unit // 2) // unit * unit * (1 if number >= 0 else -1)
    else:
        result = _round_half_up(number, n)
        if n <= 0:
            # BigDecimal#round to no fraction digits returns an Integer.
            result = int(result)
    if digits == 0 and not isinstance(digits, bool):
        return int(result)
    return _result(result)


@liquid_filter
def ceil(value: Any) -> int:
    """Round a number up to the next integer (Liquid)."""
    number = _finite(to_number(value))
    return int(number) if isinstance(number, int) else pymath.ceil(number)


@liquid_filter
def floor(value: Any) -> int:
    """Round a number down to an integer (Liquid)."""
    number = _finite(to_number(value))
    return int(number) if isinstance(number, int) else pymath.floor(number)


def _greater(a: Number, b: Number) -> bool:
    """``a > b``, false with a NaN as Ruby's is (Decimal would signal instead)."""
    if (isinstance(a, Decimal) and a.is_nan()) or (isinstance(b, Decimal) and b.is_nan()):
        return False
    return a > b


@liquid_filter
def at_least(value: Any, minimum: Any) -> int | float:
    """The larger of the input and the argument, as numbers (Liquid)."""
    floor_value, number = to_number(minimum), to_number(value)
    return _result(floor_value if _greater(floor_value, number) else number)


@liquid_filter
def at_most(value: Any, maximum: Any) -> int | float:
    """The smaller of the input and the argument, as numbers (Liquid)."""
    ceiling, number = to_number(maximum), to_number(value)
    return _result(ceiling if _greater(number, ceiling) else number)


def register(env: JekyllEnvironment) -> None:
    for name, func in (
        ("plus", plus), ("minus", minus), ("times", times), ("divided_by", divided_by),
        ("modulo", modulo), ("abs", abs_), ("round", round_), ("ceil", ceil),
        ("floor", floor), ("at_least", at_least), ("at_most", at_most),
    ):
        env.add_filter(name, func)
