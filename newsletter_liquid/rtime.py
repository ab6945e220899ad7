"""Times as Ruby formats them: ``Time#strftime`` and ``Time#to_s``.

Jekyll's dates reach the page through Ruby's strftime, whose flags (``%-d``,
``%^b``, ``%N``, ``%:z``) Python's platform strftime does not share.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["ruby_strftime", "ruby_time_to_s", "to_local"]

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
_SPEC_RE = re.compile(r"%([-_0^#]*)([0-9]*)(:{0,3}[a-zA-Z%+]|$)")


def to_local(value: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """The instant ``value`` in ``zone`` (None: the process's local zone)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(zone) if zone is not None else value.astimezone()


def _offset(value: dt.datetime | dt.date, colons: int) -> str:
    off = value.utcoffset() if isinstance(value, dt.datetime) else None
    seconds = int(off.total_seconds()) if off is not None else 0
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hh, rem = divmod(seconds, 3600)
    mm, ss = divmod(rem, 60)
    if colons == 1:
        return f"{sign}{hh:02d}:{mm:02d}"
    if colons == 2:
        return f"{sign}{hh:02d}:{mm:02d}:{ss:02d}"
    return f"{sign}{hh:02d}{mm:02d}"


def _zone_name(value: dt.datetime | dt.date) -> str:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return ""
    name = value.tzname() or ""
    if name.startswith("UTC") and len(name) > 3:
        # Fixed offsets have no abbreviation; Ruby prints an empty zone name then.
        return ""
    return name


def _pad(text: str, flags: str, width: str, default_width: int, default_pad: str) -> str:
    pad = default_pad
    if "-" in flags:
        return text
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
    """Format ``value`` exactly as Ruby's ``Time#strftime(fmt)``."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    out: list[str] = []
    pos = 0
    for m in _SPEC_RE.finditer(fmt):
        out.append(fmt[pos:m.start()])
        pos = m.end()
        flags, width, conv = m.group(1), m.group(2), m.group(3)
        if conv == "":
            out.append(m.group(0))
            continue
        text = _convert(value, flags, width, conv)
        if text is None:
            out.append(m.group(0))
            continue
        if "^" in flags:
            text = text.upper()
        if "#" in flags:
            text = text.swapcase() if conv not in ("p",) else text.lower()
        out.append(text)
    out.append(fmt[pos:])
    return "".join(out)


def _convert(v: dt.datetime, flags: str, width: str, conv: str) -> str | None:
    num = _pad
    hour12 = v.hour % 12 or 12
    if conv == "Y":
        return num(str(v.year), flags, width, 1 if v.year >= 0 else 5, "0")
    if conv == "C":
        return num(str(v.year // 100), flags, width, 2, "0")
    if conv == "y":
        return num(str(v.year % 100), flags, width, 2, "0")
    if conv == "m":
        return num(str(v.month), flags, width, 2, "0")
    if conv in ("B",):
        return _pad(_MONTHS[v.month - 1], flags, width, 0, " ")
    if conv in ("b", "h"):
        return _pad(_MONTHS[v.month - 1][:3], flags, width, 0, " ")
    if conv == "d":
        return num(str(v.day), flags, width, 2, "0")
    if conv == "e":
        return num(str(v.day), flags, width, 2, " ")
    if conv == "j":
        return num(str(v.timetuple().tm_yday), flags, width, 3, "0")
    if conv == "H":
        return num(str(v.hour), flags, width, 2, "0")
    if conv == "k":
        return num(str(v.hour), flags, width, 2, " ")
    if conv == "I":
        return num(str(hour12), flags, width, 2, "0")
    if conv == "l":
        return num(str(hour12), flags, width, 2, " ")
    if conv == "M":
        return num(str(v.minute), flags, width, 2, "0")
    if conv == "S":
        return num(str(v.second), flags, width, 2, "0")
    if conv in ("L", "N"):
        digits = int(width) if width else (3 if conv == "L" else 9)
        frac = f"{v.microsecond:06d}" + "0" * max(0, digits - 6)
        return frac[:digits]
    if conv.endswith("z"):
        colons = len(conv) - 1
        text = _offset(v, colons)
        if width:
            return text[0] + text[1:].rjust(int(width) - 1, "0")
        return text
    if conv == "Z":
        return _pad(_zone_name(v), flags, width, 0, " ")
    if conv == "A":
        return _pad(_DAYS[v.weekday()], flags, width, 0, " ")
    if conv == "a":
        return _pad(_DAYS[v.weekday()][:3], flags, width, 0, " ")
    if conv == "u":
        return num(str(v.isoweekday()), flags, width, 1, "0")
    if conv == "w":
        return num(str(v.isoweekday() % 7), flags, width, 1, "0")
    if conv == "p":
        text = "AM" if v.hour < 12 else "PM"
        return text.lower() if "#" in flags else text
    if conv == "P":
        return "am" if v.hour < 12 else "pm"
    if conv == "U":
        return num(v.strftime("%U"), flags, width, 2, "0")
    if conv == "W":
        return num(v.strftime("%W"), flags, width, 2, "0")
    if conv == "G":
        return num(str(v.isocalendar()[0]), flags, width, 4, "0")
    if conv == "g":
        return num(str(v.isocalendar()[0] % 100), flags, width, 2, "0")
    if conv == "V":
        return num(str(v.isocalendar()[1]), flags, width, 2, "0")
    if conv == "s":
        return str(int(v.timestamp()))
    if conv == "n":
        return "\n"
    if conv == "t":
        return "\t"
    if conv == "%":
        return "%"
    if conv == "c":
        return ruby_strftime(v, "%a %b %e %H:%M:%S %Y")
    if conv in ("D", "x"):
        return ruby_strftime(v, "%m/%d/%y")
    if conv == "F":
        return ruby_strftime(v, "%Y-%m-%d")
    if conv in ("T", "X"):
        return ruby_strftime(v, "%H:%M:%S")
    if conv == "R":
        return ruby_strftime(v, "%H:%M")
    if conv == "r":
        return ruby_strftime(v, "%I:%M:%S %p")
    if conv == "v":
        return ruby_strftime(v, "%e-%^b-%Y")
    if conv == "+":
        return ruby_strftime(v, "%a %b %e %H:%M:%S %Z %Y")
    return None


def ruby_time_to_s(value: dt.datetime | dt.date) -> str:
    """Ruby's ``Time#to_s`` (``2018-11-07 10:00:00 -0500``) or ``Date#to_s``."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    return ruby_strftime(value, "%Y-%m-%d %H:%M:%S %z")


_MONTH_ABBR = {name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS)}
_ISO_DATE_RE = re.compile(r"(?<!\d)([-+]?\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_MDY_RE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?,?\s+(-?\d{4})\b", re.I,
)
_DMY_RE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r",?\s+(-?\d{4})\b", re.I,
)
_TIME_RE = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(?:\s*([ap])\.?m\.?\b)?"
    r"(?:\s*(Z\b|[A-Za-z]+(?:[+-]\d{1,4}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?))?",
    re.I,
)
_HOUR_AMPM_RE = re.compile(r"(?<![\d:])(\d{1,2})\s*([ap])\.?m\.?\b", re.I)
_ZONE_OFFSETS = {
    "utc": 0, "z": 0, "ut": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}
_NUMERIC_ZONE_RE = re.compile(r"\A([+-])(\d\d):?(\d\d)(?::?(\d\d))?\Z|\A([+-])(\d\d)\Z")


def zone_offset(zone: str) -> dt.timedelta | None:
    """Ruby's Time.zone_offset: only names it knows and ``±hh[:]mm``; else None."""
    lowered = zone.lower()
    if lowered in _ZONE_OFFSETS:
        return dt.timedelta(hours=_ZONE_OFFSETS[lowered])
    m = _NUMERIC_ZONE_RE.match(zone)
    if not m:
        return None
    if m.group(1):
        sign = -1 if m.group(1) == "-" else 1
        delta = dt.timedelta(
            hours=int(m.group(2)), minutes=int(m.group(3)), seconds=int(m.group(4) or 0)
        )
    else:
        sign = -1 if m.group(5) == "-" else 1
        delta = dt.timedelta(hours=int(m.group(6)))
    return sign * delta


def parse_ruby_time(text: str, zone: dt.tzinfo | None) -> dt.datetime | None:
    """Ruby's ``Time.parse(text)`` for the formats sites use; None when it would fail.

    As in Ruby, a zone it cannot read (``GMT-0400``) leaves the time local.
    """
    year = month = day = None
    m = _ISO_DATE_RE.search(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        rest = text[: m.start()] + " " + text[m.end():]
    else:
        m2 = _MDY_RE.search(text)
        if m2:
            month, day, year = _MONTH_ABBR[m2.group(1)[:3].lower()], int(m2.group(2)), int(m2.group(3))
        else:
            m3 = _DMY_RE.search(text)
            if not m3:
                return None
            day, month, year = int(m3.group(1)), _MONTH_ABBR[m3.group(2)[:3].lower()], int(m3.group(3))
            m2 = m3
        rest = text[: m2.start()] + " " + text[m2.end():]
    hour = minute = second = micro = 0
    offset: dt.timedelta | None = None
    tm = _TIME_RE.search(rest)
    if tm:
        hour, minute = int(tm.group(1)), int(tm.group(2))
        second = int(tm.group(3) or 0)
        micro = int((tm.group(4) or "0")[:6].ljust(6, "0"))
        if tm.group(5):
            hour = hour % 12 + (12 if tm.group(5).lower() == "p" else 0)
        if tm.group(6):
            offset = zone_offset(tm.group(6))
    else:
        hm = _HOUR_AMPM_RE.search(rest)
        if hm:
            hour = int(hm.group(1)) % 12 + (12 if hm.group(2).lower() == "p" else 0)
    try:
        naive = dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None
    if offset is not None:
        return naive.replace(tzinfo=dt.timezone(offset))
    if zone is None:
        return naive.astimezone()
    if hasattr(zone, "key"):
        return naive.replace(tzinfo=zone)
    return naive.replace(tzinfo=zone)
