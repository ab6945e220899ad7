"""Front matter: valid YAML (NL001), required keys (NL050) and value types (NL051)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...document import Document, Page
from ...errors import FrontMatterError
from ...frontmatter import parse_front_matter
from ..positions import key_position, value_position

if TYPE_CHECKING:
    from ..engine import Checker

__all__ = ["check_front_matter", "type_matches", "yaml_error_position"]


def type_matches(value: Any, type_name: str) -> bool:
    """Whether a loaded YAML value has the configured type."""
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "list":
        return isinstance(value, list)
    if type_name == "mapping":
        return isinstance(value, Mapping)
    if type_name == "date":
        return isinstance(value, dt.date)
    return True


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    for name in ("boolean", "integer", "number", "string", "list", "mapping", "date"):
        if type_matches(value, name):
            return f"an {name}" if name[0] in "aeiou" else f"a {name}"
    return f"a {type(value).__name__}"


def yaml_error_position(text: str, line: int | None, col: int | None) -> tuple[int, int]:
    """Where a front matter YAML error is worth pointing: a problem found only at the end
    of the block (an unclosed bracket or quote) is reported where the construct opened."""
    import yaml

    from ...frontmatter import split_front_matter

    yaml_text, _body, _line = split_front_matter(text)
    if yaml_text is None or line is None or line < yaml_text.count("\n"):
        return line or 1, col or 1
    try:
        yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark
        if mark is not None:
            return mark.line + 1, mark.column + 1
    except yaml.YAMLError:
        pass
    return line, col or 1


def check_front_matter(checker: Checker, path: Path, text: str,
                       item: Document | Page | None, label: str | None) -> Mapping[str, Any] | None:
    """Check one file's front matter; returns its data (None when it does not load)."""
    if item is not None:
        data: Mapping[str, Any] = item.data
        label = item.collection.label if isinstance(item, Document) else "pages"
    else:
        try:
            data = parse_front_matter(text, str(path)).data
        except FrontMatterError as exc:
            line, col = yaml_error_position(text, exc.line, exc.col)
            checker.add("NL001", path, line, col, exc.message)
            return None
    rules = checker.settings.front_matter.get(label or "")
    if rules is None:
        return data
    for key in rules.required:
        if data.get(key) in (None, ""):
            what = "is empty" if key in data else "is missing"
            pos = key_position(text, key)
            line, col = pos if pos else (2 if text.startswith("---") else 1, 1)
            checker.add("NL050", path, line, col,
                        f"front matter key '{key}' {what}: {label} require it "
                        f"(newsletter_liquid.check.front_matter in _config.yml)")
    for key, type_name in rules.types.items():
        if key not in data or (data[key] is None and key not in rules.required):
            continue
        value = data[key]
        if not type_matches(value, type_name):
            pos = value_position(text, key)
            line, col = pos if pos else (1, 1)
            checker.add("NL051", path, line, col,
                        f"front matter key '{key}' should be a {type_name}, not {_kind(value)}")
    return data
