"""Date filters: Liquid's ``date`` and Jekyll's ``date_to_*``, in the site's zone.

Jekyll makes the ``timezone:`` setting the process's local zone, so strings are
parsed (Ruby's ``Time.parse``), epochs placed and ``now`` taken in that zone.
``date`` keeps a parsed offset (``+09:00`` prints as ``+0900``); the Jekyll
filters convert to local time first, and fail the build on what is not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ...rtime import parse_ruby_time, rfc822, ruby_strftime, time_at, to_local, xmlschema
from ..rubyvalues import inspect
from ._base import filter_error, liquid_filter, remember, ruby_str, site_of

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import JekyllEnvironment

__all__ = ["register", "to_date"]

_DIGITS = re.compile(r"[0-9]+")


def _zone(context: RenderContext | None) -> dt.tzinfo | None:
    site = site_of(context)
    return site.zone if site is not None else None


def _now(context: RenderContext | None) -> dt.datetime:
    site = site_of(context)
    if site is not None:
        return site.time
    return dt.datetime.now(dt.timezone.utc).astimezone()


def to_date(value: Any, context: RenderContext | None) -> dt.datetime | dt.date | None:
    """Liquid's ``Utils.to_date``: times as they are, ``now``, epochs, parsed strings."""
    try:
        return _to_date(value, context)
    except (OverflowError, ValueError, OSError):
        # An epoch beyond Python's years: Ruby would print it, we cannot.
        raise filter_error(f"time out of range: {ruby_str(value)}") from None


def _to_date(value: Any, context: RenderContext | None) -> dt.datetime | dt.date | None:
    if isinstance(value, (dt.datetime, dt.date)):
        return value
    zone = _zone(context)
    if isinstance(value, str):
        if not value:
            return None
        lowered = value.lower()
        if lowered in ("now", "today"):
            return to_local(_now(context), zone)
        if _DIGITS.fullmatch(lowered):
            return time_at(int(lowered), zone)
        return parse_ruby_time(lowered, zone, _now(context))
    if isinstance(value, int) and not isinstance(value, bool):
        return time_at(value, zone)
    return None


@liquid_filter
def date(value: Any, fmt: Any, *, context: RenderContext) -> Any:
    """Format a time, date or date string with a Ruby `strftime` format; `"now"` is the build time
    (Liquid)."""
    pattern = ruby_str(fmt)
    if not pattern:
        return value
    moment = to_date(value, context)
    if moment is None:
        return value
    memo = getattr(context.env, "filter_memo", None) if context is not None else None
    if memo is None:
        return _strftime(moment, pattern)
    # The zone object itself (names differ between zones equal by offset) and the fold
    # (a repeated hour) are part of the key; a date is never equal to a time.
    zone = moment.tzinfo if isinstance(moment, dt.datetime) else None
    key = (_strftime, pattern, type(moment), moment, id(zone), zone,
           getattr(moment, "fold", 0))
    text = memo.get(key)
    return text if text is not None else remember(memo, key, _strftime(moment, pattern))


def _strftime(moment: dt.datetime | dt.date, pattern: str) -> str:
    try:
        return ruby_strftime(moment, pattern)
    except ValueError as exc:
        raise filter_error(str(exc)) from None


def _time(value: Any, context: RenderContext) -> dt.datetime:
    """Jekyll's ``time``: the value as a local time, or InvalidDateError."""
    moment = to_date(value, context)
    if moment is None:
        raise filter_error(f"Invalid Date: '{inspect(value)}' is not a valid datetime.")
    return to_local(moment, _zone(context))


def _is_empty(value: Any) -> bool:
    """``date.to_s.empty?``: nil and "" (an empty array prints as ``[]``)."""
    return ruby_str(value) == ""


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify(value: Any, month: str, kind: Any, style: Any, context: RenderContext) -> Any:
    if _is_empty(value):
        return value
    moment = _time(value, context)
    if kind == "ordinal":
        day = f"{moment.day}{_ordinal(moment.day)}"
        if style == "US":
            return ruby_strftime(moment, f"{month} {day}, %Y")
        return ruby_strftime(moment, f"{day} {month} %Y")
    return ruby_strftime(moment, f"%d {month} %Y")


@liquid_filter
def date_to_string(value: Any, kind: Any = None, style: Any = None, *,
                   context: RenderContext) -> Any:
    """Format a date as `07 Nov 2008`; `"ordinal"` (and `"US"`) gives `7th Nov 2008` (`Nov 7th,
    2008`) (Jekyll)."""
    return _stringify(value, "%b", kind, style, context)


@liquid_filter
def date_to_long_string(value: Any, kind: Any = None, style: Any = None, *,
                        context: RenderContext) -> Any:
    """Format a date as `07 November 2008`; `"ordinal"` (and `"US"`) gives `7th November 2008`
    (`November 7th, 2008`) (Jekyll)."""
    return _stringify(value, "%B", kind, style, context)


@liquid_filter
def date_to_xmlschema(value: Any, *, context: RenderContext) -> Any:
    """Format a date as ISO 8601 / XML Schema: `2008-11-07T13:07:54-08:00` (Jekyll)."""
    if _is_empty(value):
        return value
    return xmlschema(_time(value, context))


@liquid_filter
def date_to_rfc822(value: Any, *, context: RenderContext) -> Any:
    """Format a date for RSS: `Mon, 07 Nov 2008 13:07:54 -0800` (Jekyll)."""
    if _is_empty(value):
        return value
    return rfc822(_time(value, context))


def register(env: JekyllEnvironment) -> None:
    for name, func in (
        ("date", date), ("date_to_string", date_to_string),
        ("date_to_long_string", date_to_long_string),
        ("date_to_xmlschema", date_to_xmlschema), ("date_to_rfc822", date_to_rfc822),
    ):
        env.add_filter(name, func)
