"""The ``newsletter_liquid: check:`` block of ``_config.yml``, validated.

A mistake in this block must not silently switch a check off, so every problem
is itself a finding (NL003) at the line of the config file that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import CODES, SEVERITIES, Finding

__all__ = ["TYPE_NAMES", "KeyRules", "Settings", "load_settings", "suppressed_codes"]

TYPE_NAMES = ("string", "integer", "number", "boolean", "list", "mapping", "date")
DEFAULT_KNOWN_VARIABLES = ("site.github", "include")
"""``site.github`` is provided at build time by GitHub Pages (jekyll-github-metadata);
``include.*`` are an include's parameters, optional by convention."""


@dataclass(frozen=True)
class KeyRules:
    """Front matter rules for one collection (or ``pages``)."""

    required: tuple[str, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    severity: Mapping[str, str] = field(default_factory=dict)
    disable: frozenset[str] = frozenset()
    front_matter: Mapping[str, KeyRules] = field(default_factory=dict)
    ignore_links: tuple[str, ...] = ()
    known_variables: tuple[str, ...] = DEFAULT_KNOWN_VARIABLES
    fail_on: str | None = None

    def severity_of(self, code: str) -> str:
        return self.severity.get(code) or CODES[code].severity


class _Problems:
    """NL003 findings positioned at the line of the config file naming the bad value."""

    def __init__(self, config_files: Sequence[Path]) -> None:
        self.texts = []
        for path in config_files:
            try:
                self.texts.append((path, path.read_text("utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
        self.findings: list[Finding] = []

    def add(self, message: str, needle: str) -> None:
        where: tuple[str, int, int] | None = None
        for path, text in reversed(self.texts):
            m = re.search(rf"^[ \t]*(?:- )?['\"]?({re.escape(needle)})", text, re.M)
            if m is None:
                m = re.search(r"^(newsletter_liquid)[ \t]*:", text, re.M)
            if m is not None:
                line = text.count("\n", 0, m.start(1)) + 1
                where = (str(path), line, m.start(1) - (text.rfind("\n", 0, m.start(1)) + 1) + 1)
                break
        path_s, line, col = where or ("_config.yml", 1, 1)
        self.findings.append(Finding(path_s, line, col, "NL003", CODES["NL003"].severity,
                                     message))


def _codes(value: Any, what: str, problems: _Problems) -> list[str]:
    items = value if isinstance(value, list) else [value]
    good = []
    for item in items:
        code = str(item).upper()
        if code in CODES:
            good.append(code)
        else:
            problems.add(f"{what}: unknown code {item!r} (known: NL001…NL051, see "
                         "docs/check.md)", str(item))
    return good


def load_settings(config: Mapping[str, Any], config_files: Sequence[Path] = ()) -> tuple[
        Settings, list[Finding]]:
    """Settings from a site's merged configuration, and NL003 findings for mistakes."""
    problems = _Problems(config_files)
    block = config.get("newsletter_liquid")
    raw: Any = block.get("check") if isinstance(block, Mapping) else None
    if raw is None:
        return Settings(), problems.findings
    if not isinstance(raw, Mapping):
        problems.add("newsletter_liquid.check must be a mapping of settings", "check")
        return Settings(), problems.findings
    severity: dict[str, str] = {}
    sev_raw = raw.get("severity") or {}
    if not isinstance(sev_raw, Mapping):
        problems.add("newsletter_liquid.check.severity must map codes to severities",
                     "severity")
        sev_raw = {}
    for code, level in sev_raw.items():
        if not _codes(code, "severity", problems):
            continue
        if str(level) not in SEVERITIES:
            problems.add(f"severity of {code}: {level!r} is not one of {', '.join(SEVERITIES)}",
                         str(code))
            continue
        severity[str(code).upper()] = str(level)
    disable = frozenset(_codes(raw.get("disable") or [], "disable", problems))
    front_matter: dict[str, KeyRules] = {}
    fm_raw = raw.get("front_matter") or {}
    if not isinstance(fm_raw, Mapping):
        problems.add("newsletter_liquid.check.front_matter must map collection labels to "
                     "rules", "front_matter")
        fm_raw = {}
    for label, rules in fm_raw.items():
        front_matter[str(label)] = _key_rules(str(label), rules, problems)
    ignore = raw.get("ignore_links") or []
    known = raw.get("known_variables")
    fail_on = raw.get("fail_on")
    if fail_on is not None and str(fail_on) not in SEVERITIES:
        problems.add(f"fail_on: {fail_on!r} is not one of {', '.join(SEVERITIES)}", "fail_on")
        fail_on = None
    settings = Settings(
        severity=severity,
        disable=disable,
        front_matter=front_matter,
        ignore_links=tuple(str(p) for p in (ignore if isinstance(ignore, list) else [ignore])),
        known_variables=DEFAULT_KNOWN_VARIABLES if known is None else tuple(
            str(v) for v in (known if isinstance(known, list) else [known])),
        fail_on=None if fail_on is None else str(fail_on),
    )
    return settings, problems.findings


def _key_rules(label: str, rules: Any, problems: _Problems) -> KeyRules:
    if not isinstance(rules, Mapping):
        problems.add(f"front_matter.{label} must be a mapping with required: and types:", label)
        return KeyRules()
    required = rules.get("required") or []
    if not isinstance(required, list):
        required = [required]
    types: dict[str, str] = {}
    types_raw = rules.get("types") or {}
    if not isinstance(types_raw, Mapping):
        problems.add(f"front_matter.{label}.types must map keys to type names", "types")
        types_raw = {}
    for key, name in types_raw.items():
        if str(name) not in TYPE_NAMES:
            problems.add(f"front_matter.{label}.types.{key}: {name!r} is not one of "
                         f"{', '.join(TYPE_NAMES)}", str(key))
            continue
        types[str(key)] = str(name)
    return KeyRules(tuple(str(k) for k in required), types)


def suppressed_codes(data: Mapping[str, Any]) -> frozenset[str]:
    """Codes a file switches off for itself: ``newsletter_liquid: {check: {disable: [...]}}``."""
    block = data.get("newsletter_liquid")
    check = block.get("check") if isinstance(block, Mapping) else None
    disable = check.get("disable") if isinstance(check, Mapping) else None
    if disable is None:
        return frozenset()
    items = disable if isinstance(disable, list) else [disable]
    return frozenset(str(c).upper() for c in items)
