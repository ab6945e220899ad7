"""Plain scalars in front matter and data files as Psych reads them (Jekyll's YAML): each
case of tests/data/yaml_plain_scalars.json was loaded by Ruby 3.1's Psych
(scripts/regen_yaml_scalars.py), as `k: <scalar>`."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid._yaml import YamlError, load_yaml

CASES: list[list[str]] = json.loads(
    (Path(__file__).parent / "data" / "yaml_plain_scalars.json").read_text("utf-8"))


def _shown(value: Any) -> tuple[str, str]:
    """Our value in the form the generator printed Ruby's."""
    if isinstance(value, bool):
        return "bool", str(value).lower()
    if isinstance(value, int):
        return "int", str(value)
    if isinstance(value, float):
        return "float", "nan" if math.isnan(value) else repr(value)
    if value is None:
        return "nil", ""
    if isinstance(value, str):
        return "str", value
    if isinstance(value, dt.datetime):
        offset = value.utcoffset() or dt.timedelta()
        sign = "-" if offset < dt.timedelta() else "+"
        minutes = abs(int(offset.total_seconds())) // 60
        return "time", (value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond * 1000:09d}"
                        + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}")
    if isinstance(value, dt.date):
        return "date", value.isoformat()
    return "other", type(value).__name__


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_plain_scalar_as_psych(case: list[str]) -> None:
    text, kind, expected = case
    if kind == "error":
        with pytest.raises(YamlError):
            load_yaml(f"k: {text}\n", dt.timezone.utc)
        return
    kind_got, shown = _shown(load_yaml(f"k: {text}\n", dt.timezone.utc)["k"])
    assert kind_got == kind
    if kind == "float" and expected != "nan":
        assert float(shown) == float(expected.replace("Infinity", "inf"))
    else:
        assert shown == expected
