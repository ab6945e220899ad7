"""Findings printed for people, for programs (JSON) and for GitHub Actions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from .findings import Finding

__all__ = ["FORMATS", "format_findings", "summary"]

FORMATS = ("human", "json", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_findings(findings: Sequence[Finding], fmt: str = "human") -> str:
    """The findings as text in ``fmt``; empty for no findings, except JSON (``[]``)."""
    if fmt == "json":
        return json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        lines = [
            f"::{_GITHUB_LEVEL.get(f.severity, 'error')} file={_escape_property(f.path)},"
            f"line={f.line},col={f.col},title={_escape_property(f.code)}::"
            f"{_escape_data(f.message)}"
            for f in findings
        ]
    else:
        lines = [str(f) for f in findings]
    return "".join(line + "\n" for line in lines)


def summary(findings: Sequence[Finding]) -> str:
    """One line such as ``2 errors, 1 warning in 2 files`` (empty when clean)."""
    if not findings:
        return ""
    counts = Counter(f.severity for f in findings)
    parts = []
    for severity in ("error", "warning", "info"):
        n = counts.get(severity, 0)
        if n:
            parts.append(f"{n} {severity}{'s' if n != 1 else ''}")
    files = len({f.path for f in findings})
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}"
