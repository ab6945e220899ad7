"""Ruby's printing of floats and strings, and Time.parse, against values taken from
Ruby 3.1 (``ruby -e 'p 1e15.to_s'``, ``TZ=America/New_York ruby -rtime -e ...``)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from newsletter_liquid.dialect.rubyvalues import float_to_s, inspect, to_json
from newsletter_liquid.rtime import parse_ruby_time, ruby_strftime, ruby_time_inspect

FLOATS = [
    (1e16, "1.0e+16"), (1e15, "1.0e+15"), (1.5e15, "1.5e+15"),
    (1e15 + 1, "1.000000000000001e+15"), (1e14, "100000000000000.0"),
    (123456789012345.6, "123456789012345.6"), (1234567890123456.7, "1234567890123456.8"),
    (123456789012345680.0, "1.2345678901234568e+17"), (0.0001, "0.0001"), (1e-05, "1.0e-05"),
    (1.5e-07, "1.5e-07"), (-0.0, "-0.0"), (2.0, "2.0"), (1 / 3, "0.3333333333333333"),
    (1e100, "1.0e+100"), (5e-324, "5.0e-324"), (0.1 + 0.2, "0.30000000000000004"),
    (float("inf"), "Infinity"), (float("-inf"), "-Infinity"), (float("nan"), "NaN"),
]


@pytest.mark.parametrize(("value", "expected"), FLOATS, ids=[e for _, e in FLOATS])
def test_float_to_s(value: float, expected: str) -> None:
    assert float_to_s(value) == expected


def test_inspect_and_json() -> None:
    text = 'a"b\\c\n\t\x1b\x01é☕#{1}#x \u2028'
    assert inspect(text) == '"a\\"b\\\\c\\n\\t\\e\\u0001é☕\\#{1}#x \\u2028"'
    value = {"a": 1, "b": None, "c": [1.5, True], "d": {"e": "f"}}
    assert inspect(value) == '{"a"=>1, "b"=>nil, "c"=>[1.5, true], "d"=>{"e"=>"f"}}'
    assert to_json({"s": "é\u2028</\x01", "f": 1e20, "r": range(1, 5)}) == (
        '{"s":"é\u2028</\\u0001","f":1.0e+20,"r":"1..4"}'
    )
    assert to_json({"a": [1, {"b": []}], "c": {}}, pretty=True) == (
        '{\n  "a": [\n    1,\n    {\n      "b": [\n\n      ]\n    }\n  ],\n  "c": {\n  }\n}'
    )


NEW_YORK = ZoneInfo("America/New_York")
NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)
PARSES = [
    ("2023-03-05T14:07:09+09:00", "2023-03-05 14:07:09 +0900", ""),
    ("2023-03-05T14:07:09Z", "2023-03-05 14:07:09 UTC", "UTC"),
    ("2023-03-05 14:07:09 UTC", "2023-03-05 14:07:09 UTC", "UTC"),
    ("2023-03-05 14:07:09 -00:00", "2023-03-05 14:07:09 UTC", "UTC"),
    ("2023-03-05 14:07:09 EST", "2023-03-05 14:07:09 -0500", "EST"),
    ("2023-07-05 10:00 EST", "2023-07-05 10:00:00 -0500", ""),
    ("2023-03-05 14:07:09 PDT", "2023-03-05 14:07:09 -0700", ""),
    ("2023-03-05 14:07:09 GMT", "2023-03-05 14:07:09 +0000", ""),
    ("2023-03-05 14:07:09 GMT-0400", "2023-03-05 14:07:09 -0500", "EST"),
    ("2023-03-05 14:07:09 CET", "2023-03-05 14:07:09 -0500", "EST"),
    ("Tue, 04 Jul 2023 12:00:00 -0400", "2023-07-04 12:00:00 -0400", "EDT"),
    ("July 4, 2023", "2023-07-04 00:00:00 -0400", "EDT"),
    ("4 Jul 2023 3pm", "2023-07-04 15:00:00 -0400", "EDT"),
    ("March 5, 2023 2:07 PM", "2023-03-05 14:07:00 -0500", "EST"),
    ("2023/07/04", "2023-07-04 00:00:00 -0400", "EDT"),
    ("20230704", "2023-07-04 00:00:00 -0400", "EDT"),
    ("20230305T140709", "2023-03-05 14:07:09 -0500", "EST"),
    ("05.03.2023", "2023-03-05 00:00:00 -0500", "EST"),
    ("3/5/2023", "2023-05-03 00:00:00 -0400", "EDT"),
    ("March 5", "2026-03-05 00:00:00 -0500", "EST"),
    ("10:30", "2026-11-26 10:30:00 -0500", "EST"),
    ("2023-02-30", "2023-03-02 00:00:00 -0500", "EST"),
    ("2023-03-05 24:00:00", "2023-03-06 00:00:00 -0500", "EST"),
    ("2023-03-05T14:07:09.5Z", "2023-03-05 14:07:09.5 UTC", "UTC"),
    ("2023-11-05 01:30:00", "2023-11-05 01:30:00 -0500", "EST"),
    ("2023-03-12 02:30:00", "2023-03-12 03:30:00 -0400", "EDT"),
    # parse_iso with any digit counts, s3e picking the year (found on scala-lang's posts)
    ("11-9-2017", "2017-09-11 00:00:00 -0400", "EDT"),
    ("23-01-2017 10:00", "2017-01-23 10:00:00 -0500", "EST"),
    ("1-2-03", "2001-02-03 00:00:00 -0500", "EST"),
    ("17-9-11", "2017-09-11 00:00:00 -0400", "EDT"),
    ("11-09-2017 10:00", "2017-09-11 10:00:00 -0400", "EDT"),
]


@pytest.mark.parametrize(("text", "expected", "zone"), PARSES, ids=[p[0] for p in PARSES])
def test_time_parse(text: str, expected: str, zone: str) -> None:
    parsed = parse_ruby_time(text, NEW_YORK, NOW)
    assert parsed is not None
    assert ruby_time_inspect(parsed) == expected
    assert ruby_strftime(parsed, "%Z") == zone


@pytest.mark.parametrize(
    "text", ["2023-13-05", "Sunday", "1 2 3", "not a date", "2023-03-05 25:00"]
)
def test_time_parse_rejects(text: str) -> None:
    assert parse_ruby_time(text, NEW_YORK, NOW) is None


def test_strftime_directives() -> None:
    moment = dt.datetime(2026, 11, 26, 6, 19, 10, tzinfo=dt.timezone.utc)
    assert [ruby_strftime(moment, f) for f in ("%%Y", "%%%Y", "%Ey", "%Od", "%:y", "%Q",
                                               "%E", "%EY", "%Ox", "%OY", "%Oy", "%:")] == [
        "%Y", "%2026", "26", "26", "%:y", "%Q", "%E", "2026", "%Ox", "%OY", "26", "%:"
    ]
    for bad in ("%", "x %", "%5", "%-", "%10", "%^"):
        with pytest.raises(ValueError, match="invalid format"):
            ruby_strftime(moment, bad)
    assert ruby_strftime(dt.datetime(5, 3, 5), "%Y|%5Y|%-Y|%C") == "0005|00005|5|00"
