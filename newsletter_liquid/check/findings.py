"""What a check reports: stable codes, severities and one ``Finding`` per defect.

Codes never change meaning once released: configurations, suppressions and CI
annotations refer to them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["CODES", "SEVERITIES", "Code", "Finding", "severity_rank"]

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """Order of severities (info < warning < error); unknown names rank highest."""
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        return len(SEVERITIES)


@dataclass(frozen=True)
class Code:
    """A kind of defect: its stable code, default severity and one-line title."""

    code: str
    severity: str
    title: str


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("NL001", "error", "invalid YAML (front matter or data file)"),
        Code("NL002", "error", "file or site cannot be read (encoding, configuration)"),
        Code("NL003", "error", "invalid newsletter_liquid.check configuration"),
        Code("NL010", "error", "Liquid syntax error"),
        Code("NL011", "error", "unknown Liquid tag"),
        Code("NL012", "error", "unknown Liquid filter"),
        Code("NL013", "warning", "undefined variable"),
        Code("NL014", "error", "Liquid error while rendering"),
        Code("NL015", "error", "Sass/SCSS error (syntax, missing import)"),
        Code("NL020", "error", "layout does not exist"),
        Code("NL021", "error", "include file does not exist"),
        Code("NL022", "error", "include_relative file does not exist"),
        Code("NL023", "error", "post_url names no post"),
        Code("NL024", "error", "link tag names no file of the site"),
        Code("NL030", "error", "link resolves to no page or file of the site"),
        Code("NL031", "error", "image or resource source resolves to no file of the site"),
        Code("NL032", "error", "placeholder link target (neither a URL nor a path)"),
        Code("NL040", "error", "post file name is not YYYY-MM-DD-title.ext (Jekyll skips it)"),
        Code("NL041", "warning", "front matter date disagrees with the file name"),
        Code("NL042", "error", "two files write the same URL"),
        Code("NL043", "warning", "post file name date is not zero-padded YYYY-MM-DD"),
        Code("NL050", "error", "required front matter key is missing"),
        Code("NL051", "error", "front matter value has the wrong type"),
    )
}


@dataclass(frozen=True, order=True)
class Finding:
    """One defect at a position of a source file (1-based line and column)."""

    path: str
    line: int
    col: int
    code: str
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity} {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
