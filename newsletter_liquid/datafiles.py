"""CSV and TSV data files read as Jekyll reads them, with Ruby's ``CSV`` (3.2) rules.

Python's ``csv`` module cannot serve: Ruby gives ``nil`` for an empty unquoted
field but ``""`` for a quoted one (``jsonify`` and ``where: "x", nil`` tell them
apart), keeps the first of two equal headers, fills missing fields with nil,
turns a blank line into a row of nils, and rejects stray quotes or line breaks
outside quotes, which fails Jekyll's build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import SiteError

__all__ = ["parse_csv", "read_csv", "read_csv_data"]

_WHITESPACE = " \t\n\v\f\r"
_FLOAT_RE = re.compile(
    r"[ \t\n\v\f\r]*[+-]?(?:\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)"
    r"(?:[eE][+-]?\d+(?:_\d+)*)?[ \t\n\v\f\r]*"
)


class CsvSyntaxError(ValueError):
    """Ruby's ``CSV::MalformedCSVError``: its message, and the line of the file (Ruby
    counts rows instead, which a quoted line break makes differ)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _row_separator(text: str) -> str:
    """``row_sep: :auto``: the first line break in the data, ``\\n`` when there is none."""
    for i, char in enumerate(text):
        if char == "\n":
            return "\n"
        if char == "\r":
            return "\r\n" if text.startswith("\n", i + 1) else "\r"
    return "\n"


def parse_csv(text: str, sep: str = ",") -> list[list[str | None]]:
    """Rows of fields; an unquoted empty field is None, a quoted one ``""``.

    Raises CsvSyntaxError where Ruby's parser raises ``MalformedCSVError``.
    """
    row_sep = _row_separator(text)
    rows: list[list[str | None]] = []
    pos, end, line = 0, len(text), 1
    while pos < end:
        row: list[str | None] = []
        row_line = line
        if text.startswith(row_sep, pos):
            rows.append(row)  # a blank line is a row without fields
            pos += len(row_sep)
            line += 1
            continue
        while True:
            if pos < end and text[pos] == '"':
                value, pos, line = _quoted(text, pos, line, row_line)
                row.append(value)
                if pos < end and not text.startswith(sep, pos) and not text.startswith(
                    row_sep, pos
                ):
                    raise CsvSyntaxError(
                        "Any value after quoted field isn't allowed", line
                    )
            else:
                stop = _field_end(text, pos, sep, row_sep)
                field = text[pos:stop]
                _check_unquoted(field, row_sep, row_line)
                row.append(field or None)
                pos = stop
            if text.startswith(sep, pos):
                pos += len(sep)
                if pos >= end:
                    row.append(None)
                    break
                continue
            if text.startswith(row_sep, pos):
                pos += len(row_sep)
                line += 1
            break
        rows.append(row)
    return rows


def _field_end(text: str, pos: int, sep: str, row_sep: str) -> int:
    stops = [i for i in (text.find(sep, pos), text.find(row_sep, pos)) if i >= 0]
    return min(stops) if stops else len(text)


def _check_unquoted(field: str, row_sep: str, line: int) -> None:
    if '"' in field:
        raise CsvSyntaxError("Illegal quoting", line)
    for newline in ("\r\n", "\r", "\n"):
        if newline in field:
            shown = newline.replace("\r", "\\r").replace("\n", "\\n")
            raise CsvSyntaxError(f'Unquoted fields do not allow new line <"{shown}">', line)


def _quoted(text: str, pos: int, line: int, row_line: int) -> tuple[str, int, int]:
    """A quoted field starting at ``pos``: its value, the position after it, the line."""
    parts: list[str] = []
    pos += 1
    while True:
        close = text.find('"', pos)
        if close < 0:
            raise CsvSyntaxError("Unclosed quoted field", row_line)
        chunk = text[pos:close]
        parts.append(chunk)
        line += chunk.count("\n") if "\n" in chunk else chunk.count("\r")
        if text.startswith('"', close + 1):
            parts.append('"')
            pos = close + 2
            continue
        return "".join(parts), close + 1, line


def _ruby_integer(text: str) -> int | None:
    from .dialect.filters._base import ruby_int

    return ruby_int(text)


def _ruby_float(text: str) -> float | None:
    if _FLOAT_RE.fullmatch(text):
        return float(text.strip(_WHITESPACE).replace("_", ""))
    if re.fullmatch(r"[ \t\n\v\f\r]*[+-]?0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*[ \t\n\v\f\r]*",
                    text):
        value = _ruby_integer(text)
        return None if value is None else float(value)
    return None


def _converter(names: Sequence[str]) -> Any:
    """Ruby's ``:integer``, ``:float`` and ``:numeric`` converters, tried in order
    (``:all`` converts numbers too; dates are left as text)."""
    steps: list[Any] = []
    for name in names:
        if name == "integer":
            steps.append(_ruby_integer)
        elif name == "float":
            steps.append(_ruby_float)
        elif name in ("numeric", "all"):
            steps.extend((_ruby_integer, _ruby_float))

    def convert(value: str | None) -> Any:
        if value is None:
            return None
        for step in steps:
            converted = step(value)
            if converted is not None:
                return converted
        return value

    return convert if steps else None


def read_csv(
    text: str, sep: str = ",", *, headers: bool = True, converters: Sequence[str] = ()
) -> list[Any]:
    """``CSV.read(...).map(&:to_hash)`` as Jekyll's DataReader calls it.

    With headers, each row is a dict keyed by the first row (the first of equal
    headers wins, missing fields are None, extra fields sit under the key None);
    without, the rows themselves.
    """
    rows = parse_csv(text, sep)
    convert = _converter(converters)
    if not headers:
        return [[convert(v) for v in row] for row in rows] if convert else rows
    if not rows:
        return []
    names: list[Any] = list(rows[0])
    out: list[Any] = []
    for fields in rows[1:]:
        values: list[Any] = [convert(v) for v in fields] if convert else list(fields)
        if len(values) < len(names):
            values += [None] * (len(names) - len(values))
        keys = names + [None] * (len(values) - len(names))
        record: dict[Any, Any] = {}
        for key, value in zip(keys, values, strict=True):
            record.setdefault(key, value)
        out.append(record)
    return out


def read_csv_data(
    text: str, extension: str, config: Mapping[str, Any], filename: str
) -> list[Any]:
    """A ``_data`` CSV (``.csv``) or TSV (``.tsv``) file, with the site's
    ``csv_reader``/``tsv_reader`` options (``headers``, ``csv_converters``)."""
    key = "tsv_reader" if extension == ".tsv" else "csv_reader"
    options = config.get(key)
    if not isinstance(options, Mapping):
        options = {}
    names = options.get("csv_converters") or []
    converters = [str(n) for n in names] if isinstance(names, list) else []
    try:
        return read_csv(
            text, "\t" if extension == ".tsv" else ",",
            headers=options.get("headers", True) not in (False, None),
            converters=converters,
        )
    except CsvSyntaxError as exc:
        raise SiteError(f"malformed CSV: {exc.message}", filename, exc.line) from None
