"""Front matter split and loaded as Jekyll does, cases in tests/data/frontmatter_cases.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsletter_liquid import FrontMatterError, parse_front_matter
from newsletter_liquid.frontmatter import has_front_matter

CASES = yaml.safe_load((Path(__file__).parent / "data" / "frontmatter_cases.yml").read_text())


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_front_matter(case: dict[str, Any]) -> None:
    fm = parse_front_matter(case["text"], zone=dt.timezone.utc)
    assert fm.has_front_matter == (case["data"] is not None)
    assert has_front_matter(case["text"]) == (case["data"] is not None)
    assert _plain(fm.data) == (case["data"] or {})
    assert fm.body == case["body"]
    assert fm.body_line == case["body_line"]


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("---\ntitle: ok\nbad: [1, 2\n---\nbody", 4, 1),
        ("---\ntitle: \"unterminated\n---\nbody", 3, 1),
        ("---\na: 1\n  b: 2\n---\n", 3, 4),
        # a plain :name is a Ruby Symbol, which Psych.safe_load refuses
        ("---\ntitle: t\nstyle: :expanded\n---\n", 3, 8),
        ("---\n:key: v\n---\n", 2, 1),
    ],
)
def test_yaml_error_points_into_the_file(text: str, line: int, col: int) -> None:
    with pytest.raises(FrontMatterError) as info:
        parse_front_matter(text, "_posts/2024-01-01-x.md")
    err = info.value
    assert err.filename == "_posts/2024-01-01-x.md"
    assert (err.line, err.col) == (line, col)
    assert str(err).startswith(f"_posts/2024-01-01-x.md:{line}:{col}: ")


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(FrontMatterError, match="mapping"):
        parse_front_matter("---\n- a\n- b\n---\n", "p.md")


def test_alias_bomb_fails_cleanly() -> None:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for i in range(12):
        name = f"l{i}"
        lines.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
        prev = name
    lines += ["---", "body"]
    with pytest.raises(FrontMatterError, match="alias"):
        parse_front_matter("\n".join(lines), "bomb.md")
