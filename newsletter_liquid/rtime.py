"""Times as Ruby makes and prints them: ``Time.parse``, ``Time.local``, ``strftime``.

Jekyll's dates reach the page through Ruby's strftime, whose flags (``%-d``,
``%^b``, ``%N``, ``%:z``) Python's platform strftime does not share, and through
``Time.parse``, which reads far more than ISO 8601 and settles zones its own way.

A Ruby Time is a ``datetime`` here whose tzinfo says which kind it is: the
site's zone (a "local" time, printed with its abbreviation), ``timezone.utc``
(a UTC time: ``to_s`` says ``UTC``) or a ``FixedOffset`` (an offset no local
zone had: ``%Z`` is empty).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable

__all__ = [
    "FixedOffset",
    "local_time",
    "parse_ruby_time",
    "rfc822",
    "ruby_strftime",
    "ruby_time_inspect",
    "ruby_time_to_s",
    "time_at",
    "to_local",
    "xmlschema",
    "zone_offset",
]

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
_SPEC_RE = re.compile(r"%([-_0^#]*)([0-9]*)(:*)([EO]?)([a-zA-Z%]?)")
_E_CONVERSIONS = frozenset("cCxXyY")
_O_CONVERSIONS = frozenset("deHkIlmMSuUVwWy")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


class FixedOffset(dt.tzinfo):
    """A zone that is only an offset, with no name (Ruby's ``Time#localtime("+09:00")``)."""

    def __init__(self, offset: dt.timedelta, name: str | None = None) -> None:
        self._offset = offset
        self._name = name

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        return self._offset

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, value: dt.datetime | None) -> str | None:
        return self._name

    def __repr__(self) -> str:
        return f"FixedOffset({self._offset!r})"


# A Date has no zone; its strftime prints %z as +0000 and %Z as +00:00.
_DATE_ZONE = FixedOffset(dt.timedelta(0), "+00:00")


# -- making times ------------------------------------------------------------------------


def localize(naive: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """The wall time ``naive`` in ``zone`` as Ruby's ``Time.local`` settles it.

    An ambiguous time (the hour repeated when clocks go back) is read as the later,
    standard-time one; a time in the gap when clocks go forward moves past it.
    """
    if zone is None:
        return naive.astimezone()
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    off1, off2 = first.utcoffset(), second.utcoffset()
    if off1 == off2 or off1 is None or off2 is None:
        return first
    if off1 > off2:
        return second
    return first.astimezone(dt.timezone.utc).astimezone(zone)


def _wall_time(year: int, month: int, day: int, hour: int, minute: int, second: int,
               micro: int) -> dt.datetime:
    """Ruby's argument checks and roll-overs (Feb 30 is Mar 2, 24:00 the next day)."""
    if not 1 <= month <= 12:
        raise ValueError("mon out of range")
    if not 1 <= day <= 31 or not 0 <= minute <= 59 or not 0 <= second <= 60:
        raise ValueError("argument out of range")
    if not 0 <= hour <= 24 or (hour == 24 and (minute or second)):
        raise ValueError("hour out of range" if hour > 24 else "argument out of range")
    base = dt.datetime(year, month, 1)
    return base + dt.timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second,
                               microseconds=micro)


def local_time(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0,
               second: int = 0, micro: int = 0, *, zone: dt.tzinfo | None) -> dt.datetime:
    """Ruby's ``Time.local``; ValueError where Ruby raises ArgumentError."""
    return localize(_wall_time(year, month, day, hour, minute, second, micro), zone)


def time_at(seconds: float, zone: dt.tzinfo | None) -> dt.datetime:
    """Ruby's ``Time.at(seconds)``: that instant as a local time."""
    moment = _EPOCH + dt.timedelta(seconds=seconds)
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def to_local(value: dt.datetime | dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    """Ruby's ``to_time.localtime``: the same instant in the local zone (a date: its
    local midnight)."""
    if not isinstance(value, dt.datetime):
        return local_time(value.year, value.month, value.day, zone=zone)
    if value.tzinfo is None:
        return localize(value, zone)
    return value.astimezone(zone) if zone is not None else value.astimezone()


# -- printing times ----------------------------------------------------------------------


def is_utc(value: dt.datetime | dt.date) -> bool:
    """A Ruby UTC time (``Time#utc?``), as opposed to a local one at offset zero."""
    return isinstance(value, dt.datetime) and value.tzinfo is dt.timezone.utc


def _offset(value: dt.datetime, colons: int) -> str:
    off = value.utcoffset()
    seconds = int(off.total_seconds()) if off is not None else 0
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hh, rem = divmod(seconds, 3600)
    mm, ss = divmod(rem, 60)
    if colons == 1:
        return f"{sign}{hh:02d}:{mm:02d}"
    if colons == 2:
        return f"{sign}{hh:02d}:{mm:02d}:{ss:02d}"
    if colons == 3:
        if ss:
            return f"{sign}{hh:02d}:{mm:02d}:{ss:02d}"
        return f"{sign}{hh:02d}" + (f":{mm:02d}" if mm else "")
    return f"{sign}{hh:02d}{mm:02d}"


def _zone_name(value: dt.datetime) -> str:
    if value.tzinfo is None:
        return ""
    name = value.tzname() or ""
    if name.startswith("UTC") and len(name) > 3:
        # Python names bare offsets "UTC+09:00"; Ruby has no name for them.
        return ""
    return name


def _pad(text: str, flags: str, width: str, default_width: int, default_pad: str) -> str:
    if "-" in flags:
        return text
    pad = default_pad
    if "_" in flags:
        pad = " "
    elif "0" in flags:
        pad = "0"
    w = int(width) if width else default_width
    if len(text) >= w:
        return text
    if text.startswith("-") and pad == "0":
        return "-" + text[1:].rjust(w - 1, "0")
    return text.rjust(w, pad)


def ruby_strftime(value: dt.datetime | dt.date, fmt: str) -> str:
    """Format ``value`` exactly as Ruby's ``Time#strftime(fmt)`` (or ``Date#strftime``).

    ValueError for a format ending inside a directive, which Ruby rejects.
    """
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=_DATE_ZONE)
    out: list[str] = []
    pos = 0
    for m in _SPEC_RE.finditer(fmt):
        out.append(fmt[pos:m.start()])
        pos = m.end()
        flags, width, colons, modifier, conv = m.groups()
        if not (colons or modifier or conv) and m.end() == len(fmt):
            raise ValueError(f"invalid format: {fmt}")
        if colons:
            conv = colons + conv if conv == "z" and len(colons) <= 3 else ""
        if modifier and conv not in (_E_CONVERSIONS if modifier == "E" else _O_CONVERSIONS):
            conv = ""
        text = _convert(value, flags, width, conv) if conv else None
        if text is None:
            out.append(m.group(0))
            continue
        if "#" in flags:
            if conv in ("a", "A", "b", "B", "h"):
                text = text.upper()
            elif conv in ("p", "Z"):
                text = text.lower()
        if "^" in flags:
            text = text.upper()
        out.append(text)
    out.append(fmt[pos:])
    return "".join(out)


def _seconds_since_epoch(v: dt.datetime) -> int:
    if v.tzinfo is None:
        v = v.replace(tzinfo=dt.timezone.utc)
    return (v - _EPOCH) // dt.timedelta(seconds=1)


def _hour12(v: dt.datetime) -> int:
    return v.hour % 12 or 12


#: conversions that print a number: its value, natural width and padding
_NUMBERS: dict[str, tuple[Callable[[dt.datetime], int], int, str]] = {
    "m": (lambda v: v.month, 2, "0"), "d": (lambda v: v.day, 2, "0"),
    "e": (lambda v: v.day, 2, " "), "j": (lambda v: v.timetuple().tm_yday, 3, "0"),
    "H": (lambda v: v.hour, 2, "0"), "k": (lambda v: v.hour, 2, " "),
    "I": (_hour12, 2, "0"), "l": (_hour12, 2, " "), "M": (lambda v: v.minute, 2, "0"),
    "S": (lambda v: v.second, 2, "0"), "u": (lambda v: v.isoweekday(), 1, "0"),
    "w": (lambda v: v.isoweekday() % 7, 1, "0"), "U": (lambda v: int(v.strftime("%U")), 2, "0"),
    "W": (lambda v: int(v.strftime("%W")), 2, "0"), "G": (lambda v: v.isocalendar()[0], 4, "0"),
    "g": (lambda v: v.isocalendar()[0] % 100, 2, "0"),
    "V": (lambda v: v.isocalendar()[1], 2, "0"),
    "C": (lambda v: v.year // 100, 2, "0"), "y": (lambda v: v.year % 100, 2, "0"),
}


def _convert(v: dt.datetime, flags: str, width: str, conv: str) -> str | None:
    num = _pad
    number = _NUMBERS.get(conv)
    if number is not None:
        get, w, pad = number
        return num(str(get(v)), flags, width, w, pad)
    if conv == "Y":
        return num(str(v.year), flags, width, 4 if v.year >= 0 else 5, "0")
    if conv == "B":
        return _pad(_MONTHS[v.month - 1], flags, width, 0, " ")
    if conv in ("b", "h"):
        return _pad(_MONTHS[v.month - 1][:3], flags, width, 0, " ")
    if conv == "A":
        return _pad(_DAYS[v.weekday()], flags, width, 0, " ")
    if conv == "a":
        return _pad(_DAYS[v.weekday()][:3], flags, width, 0, " ")
    if conv in ("L", "N"):
        digits = int(width) if width else (3 if conv == "L" else 9)
        frac = f"{v.microsecond:06d}" + "0" * max(0, digits - 6)
        return frac[:digits]
    if conv.endswith("z"):
        text = _offset(v, len(conv) - 1)
        if "_" in flags:
            # Space padding drops the hour's leading zero and pads before the sign.
            padded = text[0] + text[1:].lstrip("0").rjust(len(text) - 2, "0")
            return padded.rjust(int(width) if width else len(text))
        if width and int(width) > len(text):
            return text[0] + text[1:].rjust(int(width) - 1, "0")
        return text
    if conv == "Z":
        return _pad(_zone_name(v), flags, width, 0, " ")
    if conv == "p":
        return _pad("AM" if v.hour < 12 else "PM", flags, width, 0, " ")
    if conv == "P":
        return _pad("am" if v.hour < 12 else "pm", flags, width, 0, " ")
    if conv == "s":
        return num(str(_seconds_since_epoch(v)), flags, width, 1, "0")
    composite = {
        "c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "x": "%m/%d/%y", "F": "%Y-%m-%d",
        "T": "%H:%M:%S", "X": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p",
        "v": "%e-%^b-%4Y",
    }
    if conv in composite:
        return _pad(ruby_strftime(v, composite[conv]), flags, width, 0, " ")
    return {"n": "\n", "t": "\t", "%": "%"}.get(conv)


def _fraction(value: dt.datetime) -> str:
    if not value.microsecond:
        return ""
    return "." + f"{value.microsecond:06d}".rstrip("0")


def ruby_time_to_s(value: dt.datetime | dt.date) -> str:
    """Ruby's ``Time#to_s`` (``2018-11-07 10:00:00 -0500``) or ``Date#to_s``."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    if is_utc(value):
        return ruby_strftime(value, "%Y-%m-%d %H:%M:%S UTC")
    return ruby_strftime(value, "%Y-%m-%d %H:%M:%S %z")


def ruby_time_inspect(value: dt.datetime) -> str:
    """Ruby's ``Time#inspect``: ``to_s`` with the fraction of a second when there is one."""
    zone = "UTC" if is_utc(value) else ruby_strftime(value, "%z")
    return ruby_strftime(value, "%Y-%m-%d %H:%M:%S") + _fraction(value) + " " + zone


def xmlschema(value: dt.datetime) -> str:
    """Ruby's ``Time#xmlschema``."""
    zone = "Z" if is_utc(value) else _offset(value, 1)
    return ruby_strftime(value, "%Y-%m-%dT%H:%M:%S") + zone


def rfc822(value: dt.datetime) -> str:
    """Ruby's ``Time#rfc2822``."""
    zone = "-0000" if is_utc(value) else _offset(value, 0)
    return ruby_strftime(value, "%a, %d %b %Y %H:%M:%S ") + zone


# -- Time.parse ----------------------------------------------------------------------------

_MONTH_NAMES = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_ABBR = {name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS)}
_ZONE_RE = (
    r"(?:\s*(z\b|(?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?"
    r"|[a-z.\s]+(?:standard|daylight)\s+time\b|[a-z]+(?:\s+dst)?\b))?"
)
_TIME_RE = re.compile(
    r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2})(?:[,.](\d+))?)?"
    r"(?:\s*([ap])(?:m\b|\.m\.))?" + _ZONE_RE,
    re.I,
)
_HOUR_AMPM_RE = re.compile(r"(?<![\d:])(\d{1,2})\s*([ap])(?:m\b|\.m\.)" + _ZONE_RE, re.I)
_COMPACT_TIME_RE = re.compile(
    r"(?<=\d)t(\d{2})(\d{2})(\d{2})?(?:[,.](\d+))?" + _ZONE_RE, re.I
)
_EU_RE = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\b\s*" + _MONTH_NAMES + r"(?:[,.\s]+(-?\d+))?", re.I
)
_US_RE = re.compile(
    r"\b" + _MONTH_NAMES + r"\s*(\d{1,2})(?:st|nd|rd|th)?\b,?(?:\s*(-?\d{3,}))?", re.I
)
# Date._parse's parse_iso: any digit counts, which of the three is the year is s3e's call
# ("11-9-2017" is 2017-09-11)
_ISO_RE = re.compile(r"(?<![\d.])('?[-+]?\d+)-(\d+)-('?-?\d+)")
_VMS_DAY_FIRST_RE = re.compile(
    r"(?<![\w'])('?-?\d+)-" + _MONTH_NAMES.replace(r"[a-z]*\.?", r"[^-/.]*") + r"-('?-?\d+)", re.I
)
_VMS_MONTH_FIRST_RE = re.compile(
    r"\b" + _MONTH_NAMES.replace(r"[a-z]*\.?", r"[^-/.]*") + r"-('?-?\d+)(?:-('?-?\d+))?", re.I
)
_YDAY_RE = re.compile(r"(?<![\d-])([-+]?\d{4}|\d{2})-(\d{3})(?!\d)")
_SLASH_RE = re.compile(r"(?<!\d)(\d+)/(\d+)(?:/(-?\d+))?(?!\d)")
_DOT_RE = re.compile(r"(?<![\d.])(\d+)\.(\d+)\.(-?\d+)(?![\d.])")
_COMPACT_DATE_RE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_ZONE_OFFSETS = {
    "utc": 0, "z": 0, "ut": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}
_MILITARY = "abcdefghiklmnopqrstuvwxy"
_MILITARY_HOURS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, -2, -3, -4, -5, -6, -7, -8,
                   -9, -10, -11, -12)
_NUMERIC_ZONE_RE = re.compile(r"([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?")
_PLAIN_DATE_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_UTC_ZONE_RE = re.compile(r"-00:00|-0000|-00|utc|z|ut", re.I)


def zone_offset(zone: str, year: int | None = None,
                local: dt.tzinfo | None = None) -> dt.timedelta | None:
    """Ruby's ``Time.zone_offset``: numeric offsets, RFC 822 names and the local zone's
    own abbreviations; None for anything else."""
    lowered = zone.lower()
    m = _NUMERIC_ZONE_RE.fullmatch(zone)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(4)),
                                   seconds=int(m.group(5) or 0))
    if re.fullmatch(r"[+-]\d\d", zone):
        return dt.timedelta(hours=int(zone))
    if lowered in _ZONE_OFFSETS:
        return dt.timedelta(hours=_ZONE_OFFSETS[lowered])
    if len(lowered) == 1 and lowered in _MILITARY:
        return dt.timedelta(hours=_MILITARY_HOURS[_MILITARY.index(lowered)])
    if year is not None:
        for month in (1, 7):
            probe = local_time(year, month, 1, zone=local)
            name = probe.tzname()
            if name and name.upper() == zone.upper():
                return probe.utcoffset()
    return None


def _s3e(parsed: _Parsed, y: str | None, m: str | int, d: str | None) -> None:
    """Date._parse's ``s3e``: which of three numbers is the year, by their digits."""
    if isinstance(m, str) and (m.startswith("'") or len(m.lstrip("-")) > 2):
        y, m, d = m, d or "", y
    if d is not None and (d.startswith("'") or len(d.lstrip("-")) > 2):
        y, d = d, y
    if y is not None:
        parsed.year = _year(y.lstrip("'"))
    parsed.month = int(m)
    if d is not None:
        parsed.day = int(d.lstrip("'"))


def _year(text: str) -> int:
    """Ruby completes two-digit years (``'23`` is 2023, ``69`` is 1969)."""
    value = int(text)
    if len(text.lstrip("+-")) <= 2 and not text.startswith(("+", "-")):
        return value + (1900 if value >= 69 else 2000)
    return value


class _Parsed:
    __slots__ = ("day", "hour", "micro", "minute", "month", "second", "yday", "year", "zone")

    def __init__(self) -> None:
        self.year: int | None = None
        self.month: int | None = None
        self.day: int | None = None
        self.hour: int | None = None
        self.minute: int | None = None
        self.second: int | None = None
        self.micro: int | None = None
        self.yday: int | None = None
        self.zone: str | None = None


def _take_time(text: str, parsed: _Parsed) -> str:
    for regex, kind in ((_TIME_RE, "clock"), (_COMPACT_TIME_RE, "compact"),
                        (_HOUR_AMPM_RE, "ampm")):
        m = regex.search(text)
        if not m:
            continue
        if kind == "ampm":
            hour, meridian, zone = int(m.group(1)), m.group(2), m.group(3)
            parsed.hour = hour % 12 + (12 if meridian.lower() == "p" else 0)
        else:
            parsed.hour, parsed.minute = int(m.group(1)), int(m.group(2))
            if m.group(3):
                parsed.second = int(m.group(3))
            if m.group(4):
                parsed.micro = int(m.group(4)[:6].ljust(6, "0"))
            meridian = m.group(5) if kind == "clock" else None
            if meridian:
                parsed.hour = parsed.hour % 12 + (12 if meridian.lower() == "p" else 0)
            zone = m.group(6) if kind == "clock" else m.group(5)
        if zone:
            parsed.zone = zone.strip()
        return text[:m.start()] + " " + text[m.end():]
    return text


def _take_date(text: str, parsed: _Parsed) -> None:
    m = _EU_RE.search(text)
    if m:
        parsed.day, parsed.month = int(m.group(1)), _MONTH_ABBR[m.group(2)[:3].lower()]
        if m.group(3):
            parsed.year = _year(m.group(3))
        return
    m = _US_RE.search(text)
    if m:
        parsed.month, parsed.day = _MONTH_ABBR[m.group(1)[:3].lower()], int(m.group(2))
        if m.group(3):
            parsed.year = _year(m.group(3))
        return
    m = _ISO_RE.search(text)
    if m:
        _s3e(parsed, m.group(1), m.group(2), m.group(3))
        return
    m = _VMS_DAY_FIRST_RE.search(text)
    if m:
        _s3e(parsed, m.group(3), _MONTH_ABBR[m.group(2)[:3].lower()], m.group(1))
        return
    m = _VMS_MONTH_FIRST_RE.search(text)
    if m:
        _s3e(parsed, m.group(3), _MONTH_ABBR[m.group(1)[:3].lower()], m.group(2))
        return
    for regex in (_SLASH_RE, _DOT_RE):
        m = regex.search(text)
        if m:
            a, b, c = m.group(1), m.group(2), m.group(3)
            if c is None:
                parsed.month, parsed.day = int(a), int(b)
            else:
                _s3e(parsed, a, b, c)
            return
    m = _YDAY_RE.search(text)
    if m:
        parsed.year, parsed.yday = _year(m.group(1)), int(m.group(2))
        return
    m = _COMPACT_DATE_RE.search(text)
    if m:
        parsed.year, parsed.month, parsed.day = int(m.group(1)), int(m.group(2)), int(
            m.group(3))
        return
    m = re.search(r"\b" + _MONTH_NAMES, text, re.I)
    if m:
        parsed.month = _MONTH_ABBR[m.group(1)[:3].lower()]


def parse_ruby_time(text: str, zone: dt.tzinfo | None,
                    now: dt.datetime | None = None) -> dt.datetime | None:
    """Ruby's ``Time.parse(text)`` with ``zone`` as the local zone; None where Ruby raises.

    Missing parts come from ``now`` (a time alone is today's). A zone Ruby cannot
    read (``GMT-0400``, ``CET``) leaves the time local; an offset the local zone has
    at that moment gives a local time, another offset a fixed one, and ``Z`` or
    ``UTC`` a UTC time.
    """
    plain = _PLAIN_DATE_RE.fullmatch(text)
    if plain is not None:
        # the common case (a post's file name): local midnight of a valid date
        with contextlib.suppress(ValueError, OverflowError):
            year, month, day = (int(part) for part in plain.groups())
            return local_time(year, month, day, 0, 0, 0, 0, zone=zone)
    parsed = _Parsed()
    rest = _take_time(text, parsed)
    _take_date(rest, parsed)
    if parsed.yday is not None:
        if not 1 <= parsed.yday <= 366:
            return None
        year = parsed.year if parsed.year is not None else (now or dt.datetime.now()).year
        ordinal = dt.date(year, 1, 1) + dt.timedelta(days=parsed.yday - 1)
        parsed.month, parsed.day = ordinal.month, ordinal.day
    fields = (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute,
              parsed.second, parsed.micro)
    if all(f is None for f in fields):
        return None
    if now is None:
        now = dt.datetime.now(dt.timezone.utc)
    try:
        return _make_time(parsed, zone, now)
    except (ValueError, OverflowError):
        return None


def _make_time(p: _Parsed, zone: dt.tzinfo | None, now: dt.datetime) -> dt.datetime:
    off_year = p.year if p.year is not None else now.year
    offset = zone_offset(p.zone, off_year, zone) if p.zone else None
    now = now.astimezone(FixedOffset(offset)) if offset is not None else to_local(now, zone)
    values = [p.year, p.month, p.day, p.hour, p.minute, p.second]
    defaults = [now.year, now.month, now.day, now.hour, now.minute, now.second]
    for i, value in enumerate(values):
        if value is not None:
            break
        values[i] = defaults[i]
    year, month, day, hour, minute, second = (
        v if v is not None else d for v, d in zip(values, [1970, 1, 1, 0, 0, 0], strict=True)
    )
    micro = p.micro or 0
    if offset is None:
        return local_time(year, month, day, hour, minute, second, micro, zone=zone)
    wall = _wall_time(year, month, day, hour, minute, second, micro)
    moment = (wall - offset).replace(tzinfo=dt.timezone.utc)
    assert p.zone is not None
    if _UTC_ZONE_RE.fullmatch(p.zone):
        return moment
    local = to_local(moment, zone)
    if local.utcoffset() == offset:
        return local
    return moment.astimezone(FixedOffset(offset))
