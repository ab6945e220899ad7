"""CSV/TSV data files read as Ruby's CSV 3.2 reads them under Jekyll.

Every expected value below was produced by Ruby (``CSV.parse(text, headers: true)
.map(&:to_hash)``, the converters as Jekyll passes them) and checked on a site built
with Jekyll 4.3.1.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsletter_liquid.datafiles import CsvSyntaxError, read_csv, read_csv_data
from newsletter_liquid.errors import SiteError

ROWS: list[tuple[str, list[dict[Any, Any]]]] = [
    # an empty unquoted field is nil, a quoted one ""
    ('a,b\n1,\n,""\n', [{"a": "1", "b": None}, {"a": None, "b": ""}]),
    ("a,b\r\n1,2\r\n3,4", [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]),
    ("a,b\r1,2\r3,4\r", [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]),
    # a blank line is a row of nils, also at the end
    ("a,b\n1,2\n\n3,4\n", [{"a": "1", "b": "2"}, {"a": None, "b": None}, {"a": "3", "b": "4"}]),
    ("a,b\n1,2\n\n", [{"a": "1", "b": "2"}, {"a": None, "b": None}]),
    # extra fields sit under nil, missing ones are nil, the first of equal headers wins
    ("a,b\n1,2,3\n4\n", [{"a": "1", "b": "2", None: "3"}, {"a": "4", "b": None}]),
    ("a,a,b\n1,2,3\n", [{"a": "1", "b": "3"}]),
    (",b\n1,2\n", [{None: "1", "b": "2"}]),
    ('"a",""\n1,2\n', [{"a": "1", "": "2"}]),
    # quotes: line breaks and doubled quotes inside, spaces kept, the BOM kept
    ('a,b\n"x\ny","q""q"\n', [{"a": "x\ny", "b": 'q"q'}]),
    ("a, b\n 1 , 2 \n", [{"a": " 1 ", " b": " 2 "}]),
    ("\ufeffa,b\n1,2\n", [{"\ufeffa": "1", "b": "2"}]),
    ("a,b\n1,", [{"a": "1", "b": None}]),
    ("a,b\n,,,\n", [{"a": None, "b": None, None: None}]),
    ("", []),
    ("a,b\n", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_rows_as_ruby_reads_them(text: str, expected: list[dict[Any, Any]]) -> None:
    assert read_csv(text) == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('a,b\n1,x"y\n', 2),  # Illegal quoting
        ('a,b\n"1"x,2\n', 2),  # Any value after quoted field isn't allowed
        ('a,b\n"unterminated,2\n', 2),  # Unclosed quoted field
        ("a,b\n1,2\r\n3,4\n", 2),  # the first line break decides: a lone \r is a stray
        ('a,b\n"x\n\ny",2\n3,"4"z\n', 5),  # Ruby counts rows (3); we name the file's line
    ],
)
def test_malformed_csv_fails(text: str, line: int) -> None:
    with pytest.raises(CsvSyntaxError) as info:
        read_csv(text)
    assert info.value.line == line
    with pytest.raises(SiteError) as site_info:
        read_csv_data(text, ".csv", {}, "_data/bad.csv")
    assert (site_info.value.filename, site_info.value.line) == ("_data/bad.csv", line)


DAY = "2023-01-05"
NUMBERS = 'a,b,c,d,e,f\n1,"2",0x1A,1_000, 7 ,\n1.5,.5,1e3,"1.0",abc,2023-01-05\n'


@pytest.mark.parametrize(
    ("converters", "expected"),
    [
        (["integer"], [[1, 2, 26, 1000, 7, None], ["1.5", ".5", "1e3", "1.0", "abc", DAY]]),
        (["float"], [[1.0, 2.0, 26.0, 1000.0, 7.0, None], [1.5, 0.5, 1000.0, 1.0, "abc", DAY]]),
        (["numeric"], [[1, 2, 26, 1000, 7, None], [1.5, 0.5, 1000.0, 1.0, "abc", DAY]]),
    ],
)
def test_converters(converters: list[str], expected: list[list[Any]]) -> None:
    rows = read_csv(NUMBERS, converters=converters)
    got = [list(row.values()) for row in rows]
    assert got == expected
    assert [[type(v) for v in row] for row in got] == [[type(v) for v in row] for row in expected]


def test_reader_options_from_the_config() -> None:
    config = {"csv_reader": {"csv_converters": ["numeric"]}, "tsv_reader": {"headers": False}}
    assert read_csv_data("a,b\n1,2.5\n", ".csv", config, "x.csv") == [{"a": 1, "b": 2.5}]
    assert read_csv_data("a\tb\n1\t\n", ".tsv", config, "x.tsv") == [["a", "b"], ["1", None]]
    assert read_csv_data('a\tb\n""\t2\n', ".tsv", {}, "x.tsv") == [{"a": "", "b": "2"}]
