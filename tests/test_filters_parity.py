"""Every filter against real Jekyll: tests/data/filters/expected.json was produced by
Jekyll 4.3.1 (scripts/regen_filter_expectations.py) from cases.txt and vars.json.

The site stand-in matches the generator's: zone America/New_York, url and baseurl set,
the clock at 2024-01-01T00:00:00Z. A case Jekyll failed must fail here too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from newsletter_liquid.dialect.environment import JekyllEnvironment
from newsletter_liquid.errors import NewsletterLiquidError

DATA = Path(__file__).resolve().parent / "data" / "filters"
CASES: list[dict[str, str]] = json.loads((DATA / "expected.json").read_text("utf-8"))
VARS: dict[str, Any] = json.loads((DATA / "vars.json").read_text("utf-8"))
ZONE = ZoneInfo("America/New_York")


class FakeSite:
    """Just what filters read from a site."""

    config: dict[str, Any] = {  # noqa: RUF012
        "url": "https://example.com", "baseurl": "/blog", "timezone": "America/New_York",
    }
    source = Path(".")
    zone = ZONE
    time = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc).astimezone(ZONE)

    def read_text(self, path: Path) -> str:
        raise FileNotFoundError(path)

    def markdownify(self, text: str) -> str:
        from newsletter_liquid.kramdown import render_markdown

        return render_markdown(text)


@pytest.fixture(scope="module")
def env() -> JekyllEnvironment:
    return JekyllEnvironment(FakeSite())


@pytest.mark.parametrize("case", CASES, ids=[c["template"][:60] for c in CASES])
def test_filter_matches_jekyll(case: dict[str, str], env: JekyllEnvironment) -> None:
    template = case["template"].replace("\\n", "\n")
    if "error" in case:
        with pytest.raises(NewsletterLiquidError):
            env.render_template(template, dict(VARS), "case.html")
        return
    assert env.render_template(template, dict(VARS), "case.html") == case["output"]
